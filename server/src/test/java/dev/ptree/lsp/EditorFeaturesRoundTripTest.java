package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor features over JSON-RPC through a real LSP4J client: what is advertised, that a hint's
 * data survives the trip to resolve, that a lens's arguments and a refused rename arrive as the
 * client sees them, and that the settings switch hints and lenses off.
 */
class EditorFeaturesRoundTripTest {
  @TempDir
  Path dir;

  static final String CONFIG = "meta:\n  schema_version: '1.0'\nproviders:\n  - identification:\n"
      + "      name: cn1\n    inventories:\n      additional:\n        - CUSTOM_FPGA:\n"
      + "            total: 010\n            allocation_ratio: 1.1\n";
  static final String TREE = "provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n  - name: cn1\n"
      + "  - name: nic\n    parent: cn1\n";

  @Test
  void everyFeatureAnswersOverTheWire() throws Exception {
    Path config = Files.createDirectories(dir.resolve("provider_config")).resolve("a.yaml");
    Path tree = dir.resolve("host.ptree.yaml");
    String configUri = config.toUri().toString();
    String treeUri = tree.toUri().toString();
    try (LspHarness h = new LspHarness()) {
      InitializeParams init = new InitializeParams();
      var clientCaps = new org.eclipse.lsp4j.ClientCapabilities();
      var workspaceCaps = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
      workspaceCaps.setInlayHint(new org.eclipse.lsp4j.InlayHintWorkspaceCapabilities(true));
      workspaceCaps.setCodeLens(new org.eclipse.lsp4j.CodeLensWorkspaceCapabilities(true));
      clientCaps.setWorkspace(workspaceCaps);
      init.setCapabilities(clientCaps);
      ServerCapabilities caps = h.server.initialize(init).get(20, TimeUnit.SECONDS).getCapabilities();
      h.server.initialized(new org.eclipse.lsp4j.InitializedParams());
      assertThat(caps.getFoldingRangeProvider().getLeft()).isTrue();
      assertThat(caps.getDocumentHighlightProvider().getLeft()).isTrue();
      assertThat(caps.getInlayHintProvider().getRight().getResolveProvider()).isTrue();
      assertThat(caps.getCodeLensProvider()).isNotNull();
      assertThat(caps.getRenameProvider().getRight().getPrepareProvider()).isTrue();
      assertThat(caps.getDocumentLinkProvider()).isNotNull();
      assertThat(caps.getDiagnosticProvider().isInterFileDependencies()).isTrue();
      assertThat(caps.getDiagnosticProvider().isWorkspaceDiagnostics()).isTrue();

      var text = h.server.getTextDocumentService();
      text.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(configUri, "yaml", 1, CONFIG)));
      text.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(treeUri, "yaml", 1, TREE)));
      h.client.await(configUri, p -> true);
      h.client.await(treeUri, p -> true);

      List<InlayHint> hints = text.inlayHint(new InlayHintParams(new TextDocumentIdentifier(configUri),
          new Range(new Position(0, 0), new Position(20, 0)))).get(20, TimeUnit.SECONDS);
      assertThat(hints).extracting(x -> x.getLabel().getLeft())
          .containsExactly("→ 1 provider", "= 8", "→ capacity 8, ratio stored as 1.100000023841858");
      InlayHint resolved = text.resolveInlayHint(hints.get(1)).get(20, TimeUnit.SECONDS);
      assertThat(resolved.getTooltip().getRight().getValue()).contains("the int `8`");

      List<? extends CodeLens> lenses = text.codeLens(new CodeLensParams(new TextDocumentIdentifier(treeUri)))
          .get(20, TimeUnit.SECONDS);
      assertThat(lenses).extracting(l -> l.getCommand().getTitle()).containsExactly("changed by 1 config entry",
          "changed by no config entry");
      var args = lenses.get(0).getCommand().getArguments();
      assertThat(lenses.get(0).getCommand().getCommand()).isEqualTo("editor.action.showReferences");
      assertThat(args.get(0).toString()).contains(treeUri);
      assertThat(args.get(2).toString()).contains(configUri, "\"line\":4");

      assertThat(text.foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(configUri)))
          .get(20, TimeUnit.SECONDS)).isNotEmpty();
      assertThat(text.documentHighlight(new DocumentHighlightParams(new TextDocumentIdentifier(treeUri),
          new Position(5, 13))).get(20, TimeUnit.SECONDS)).hasSize(2);
      assertThat(text.documentLink(new DocumentLinkParams(new TextDocumentIdentifier(treeUri))).get(20, TimeUnit.SECONDS))
          .singleElement().satisfies(l -> assertThat(l.getTarget()).isEqualTo(configUri));

      var prepared = text.prepareRename(new PrepareRenameParams(new TextDocumentIdentifier(treeUri), new Position(3, 10)))
          .get(20, TimeUnit.SECONDS);
      assertThat(prepared.getSecond().getPlaceholder()).isEqualTo("cn1");
      WorkspaceEdit edit = text.rename(new RenameParams(new TextDocumentIdentifier(treeUri), new Position(3, 10), "host-1"))
          .get(20, TimeUnit.SECONDS);
      assertThat(edit.getChanges()).containsOnlyKeys(treeUri, configUri);
      assertThatThrownBy(() -> text.rename(new RenameParams(new TextDocumentIdentifier(treeUri), new Position(3, 10), "nic"))
          .get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ResponseErrorException.class)
          .hasMessageContaining("a provider named \"nic\" already exists");

      // an edit of the bound config changes the tree's lenses: the client is asked for them again
      int before = h.client.refreshes.size();
      text.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(configUri, 2), List.of(
          new TextDocumentContentChangeEvent(CONFIG + "  - identification:\n      name: nic\n    traits:\n"
              + "      additional: [CUSTOM_X]\n"))));
      h.client.await(configUri, p -> p.getVersion() != null && p.getVersion() == 2);
      for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end && h.client.refreshes.size() < before + 2; ) {
        Thread.sleep(20);
      }
      assertThat(h.client.refreshes.subList(before, h.client.refreshes.size())).containsExactly("inlayHint", "codeLens");
      assertThat(text.codeLens(new CodeLensParams(new TextDocumentIdentifier(treeUri))).get(20, TimeUnit.SECONDS))
          .extracting(l -> l.getCommand().getTitle()).containsExactly("changed by 1 config entry", "changed by 1 config entry");

      int beforeSettings = h.client.refreshes.size();
      h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
          JsonParser.parseString("{\"ptree\": {\"inlayHints\": {\"values\": false, \"reach\": false}, \"codeLens\": false}}")));
      assertThat(text.inlayHint(new InlayHintParams(new TextDocumentIdentifier(configUri),
          new Range(new Position(0, 0), new Position(20, 0)))).get(20, TimeUnit.SECONDS))
          .extracting(x -> x.getLabel().getLeft()).containsExactly("→ capacity 8, ratio stored as 1.100000023841858");
      assertThat(text.codeLens(new CodeLensParams(new TextDocumentIdentifier(treeUri))).get(20, TimeUnit.SECONDS)).isEmpty();
      for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end
          && h.client.refreshes.size() < beforeSettings + 2; ) {
        Thread.sleep(20);
      }
      // (the snapshot under the new settings, which reads the tree again, may ask a second time)
      assertThat(h.client.refreshes.subList(beforeSettings, h.client.refreshes.size()))
          .as("the client is asked for hints and lenses again").startsWith("inlayHint", "codeLens");
      h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
          JsonParser.parseString("{\"ptree\": {\"inlayHints\": \"some\", \"codeLens\": 3}}")));
      for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end
          && h.client.logs.stream().noneMatch(l -> l.contains("codeLens must be")); ) {
        Thread.sleep(20); // the log notifications arrive on their own
      }
      assertThat(h.client.logs).anyMatch(l -> l.contains("inlayHints must be a boolean or an object"))
          .anyMatch(l -> l.contains("codeLens must be true or false"));
    }
  }
}
