package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PreviousResultId;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull diagnostics through a real LSP4J client: a client that pulls gets nothing pushed, a result
 * id it holds is answered "unchanged", an edit of one file that changes another's findings asks
 * it to pull again, and the workspace pull reports every file.
 */
class PullDiagnosticsTest {
  @TempDir
  Path dir;

  static final String ENTRY = "meta:\n  schema_version: '1.0'\nproviders:\n  - identification: {name: cn1}\n"
      + "    traits: {additional: [CUSTOM_A]}\n";

  @Test
  void aClientThatPullsGetsReportsResultIdsAndRefreshesButNoPush() throws Exception {
    String a = Files.createDirectories(dir.resolve("provider_config")).resolve("10-a.yaml").toUri().toString();
    String b = dir.resolve("provider_config/20-b.yaml").toUri().toString();
    try (LspHarness h = new LspHarness()) {
      ClientCapabilities caps = new ClientCapabilities();
      TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
      text.setDiagnostic(new DiagnosticCapabilities(false));
      caps.setTextDocument(text);
      WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
      ws.setDiagnostics(new DiagnosticWorkspaceCapabilities(true));
      caps.setWorkspace(ws);
      InitializeParams init = new InitializeParams();
      init.setCapabilities(caps);
      h.server.initialize(init).get(20, TimeUnit.SECONDS);
      h.server.initialized(new InitializedParams());
      var docs = h.server.getTextDocumentService();
      docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(a, "yaml", 1, ENTRY)));
      docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(b, "yaml", 1, ENTRY)));

      // the same identification in both files: PT201 on the second
      DocumentDiagnosticReport first = docs.diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(b)))
          .get(20, TimeUnit.SECONDS);
      var report = first.getRelatedFullDocumentDiagnosticReport();
      assertThat(report.getItems()).extracting(d -> d.getCode().getLeft()).contains("PT201");
      String id = report.getResultId();
      assertThat(id).isNotBlank();
      DocumentDiagnosticParams again = new DocumentDiagnosticParams(new TextDocumentIdentifier(b));
      again.setPreviousResultId(id);
      assertThat(docs.diagnostic(again).get(20, TimeUnit.SECONDS).getRelatedUnchangedDocumentDiagnosticReport().getResultId())
          .isEqualTo(id);

      // renaming a's entry ends the duplicate: b's findings change although b was not edited
      int refreshesBefore = h.client.refreshes.size();
      docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(a, 2),
          List.of(new TextDocumentContentChangeEvent(new Range(new Position(3, 28), new Position(3, 31)), "cn2"))));
      for (long end = System.nanoTime() + 10_000_000_000L; System.nanoTime() < end
          && h.client.refreshes.size() == refreshesBefore; ) {
        Thread.sleep(20);
      }
      assertThat(h.client.refreshes).as("asked to pull again").contains("diagnostic");
      var now = docs.diagnostic(again).get(20, TimeUnit.SECONDS).getRelatedFullDocumentDiagnosticReport();
      assertThat(now.getResultId()).isNotEqualTo(id);
      assertThat(now.getItems()).extracting(d -> d.getCode().getLeft()).doesNotContain("PT201");

      List<WorkspaceDocumentDiagnosticReport> items = h.server.getWorkspaceService().diagnostic(new WorkspaceDiagnosticParams(
          List.of(new PreviousResultId(b, now.getResultId())))).get(20, TimeUnit.SECONDS).getItems();
      assertThat(items).hasSize(2);
      var unchanged = items.stream().filter(i -> i.getWorkspaceUnchangedDocumentDiagnosticReport() != null).toList();
      assertThat(unchanged).singleElement()
          .satisfies(i -> assertThat(i.getWorkspaceUnchangedDocumentDiagnosticReport().getUri()).isEqualTo(b));
      var full = items.stream().filter(i -> i.getWorkspaceFullDocumentDiagnosticReport() != null).toList();
      assertThat(full).singleElement().satisfies(i -> {
        assertThat(i.getWorkspaceFullDocumentDiagnosticReport().getUri()).isEqualTo(a);
        assertThat(i.getWorkspaceFullDocumentDiagnosticReport().getVersion()).isEqualTo(2);
      });

      assertThat(h.client.publications).as("nothing pushed to a client that pulls").isEmpty();
    }
  }
}
