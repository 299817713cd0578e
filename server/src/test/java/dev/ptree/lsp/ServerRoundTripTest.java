package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server through a real LSP4J client over JSON-RPC: sync, diagnostics, actions, commands, lifecycle. */
class ServerRoundTripTest {
  @TempDir
  Path dir;

  static final String CONFIG = "meta:\n  schema_version: '1.0'\nproviders:\n  - identification:\n"
      + "      name: $COMPUTE_NODE\n    inventories:\n      additional:\n        - CUSTOM_FPGA:\n"
      + "            total: 4\n            reserved: 4\n";

  private String uri(String relative) throws Exception {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return p.toUri().toString();
  }

  private static void open(LspHarness h, String uri, String text) {
    h.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
  }

  private static void change(LspHarness h, String uri, int version, Range range, String text) {
    h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(range, text))));
  }

  private static Range range(int l1, int c1, int l2, int c2) {
    return new Range(new Position(l1, c1), new Position(l2, c2));
  }

  @Test
  void diagnosticsCarryVersionCodeLinkCategoryAndTags() throws Exception {
    try (LspHarness h = new LspHarness().initialize(null, null)) {
      String uri = uri("provider_config/a.yaml");
      open(h, uri, CONFIG + "# ptree: disable=PT401\n");
      PublishDiagnosticsParams p = h.client.await(uri, x -> !x.getDiagnostics().isEmpty());
      assertThat(p.getVersion()).isEqualTo(1);
      assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).contains("PT204", "PT303", "PT190");
      Diagnostic reserved = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("PT303")).findFirst().get();
      assertThat(reserved.getRange()).isEqualTo(range(9, 22, 9, 23));
      assertThat(reserved.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
      assertThat(reserved.getSource()).isEqualTo("ptree");
      assertThat(reserved.getCodeDescription().getHref()).startsWith("file:").endsWith("PT303.md");
      assertThat(Files.readString(Path.of(java.net.URI.create(reserved.getCodeDescription().getHref())))).contains("reserved-vs-total");
      assertThat(((JsonObject) reserved.getData()).get("category").getAsString()).isEqualTo("comparison");
      Diagnostic unused = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("PT190")).findFirst().get();
      assertThat(unused.getTags()).containsExactly(DiagnosticTag.Unnecessary);
    }
  }

  @Test
  void incrementalEditsKeepUtf16PositionsOnAstralCharactersAndCrlf() throws Exception {
    try (LspHarness h = new LspHarness().initialize(null, null)) {
      String uri = uri("provider_config/b.yaml");
      String text = CONFIG.replace("\n", "\r\n").replace("meta:", "# 😀😀 rack\r\nmeta:");
      open(h, uri, text);
      h.client.await(uri, x -> x.getVersion() == 1);
      // line 10 is "            reserved: 4": make it 3, then put an astral character before it on the line above
      change(h, uri, 2, range(10, 22, 10, 23), "3");
      PublishDiagnosticsParams p = h.client.await(uri, x -> x.getVersion() == 2);
      assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).doesNotContain("PT303");
      change(h, uri, 3, range(10, 22, 10, 23), "9");
      p = h.client.await(uri, x -> x.getVersion() == 3);
      Diagnostic d = p.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("PT303")).findFirst().get();
      assertThat(d.getRange()).isEqualTo(range(10, 22, 10, 23));
      // an emoji (two UTF-16 units) in a comment at the start of the reserved line shifts the column by 2 + 2
      change(h, uri, 4, range(10, 0, 10, 0), "#😀\r\n");
      p = h.client.await(uri, x -> x.getVersion() == 4);
      assertThat(p.getDiagnostics()).extracting(x -> x.getCode().getLeft()).contains("PT303");
      Diagnostic moved = p.getDiagnostics().stream().filter(x -> x.getCode().getLeft().equals("PT303")).findFirst().get();
      assertThat(moved.getRange()).isEqualTo(range(11, 22, 11, 23));
    }
  }

  @Test
  void quickFixesSuppressionsAndFixAll() throws Exception {
    try (LspHarness h = new LspHarness().initialize(null, null)) {
      String uri = uri("provider_config/c.yaml");
      open(h, uri, CONFIG.replace("total: 4", "total: 010"));
      PublishDiagnosticsParams p = h.client.await(uri, x -> !x.getDiagnostics().isEmpty());
      Diagnostic octal = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("PT301")).findFirst().get();
      List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions = h.server.getTextDocumentService()
          .codeAction(new CodeActionParams(new TextDocumentIdentifier(uri), octal.getRange(), new CodeActionContext(List.of(octal))))
          .get(20, TimeUnit.SECONDS);
      List<String> titles = actions.stream().map(a -> a.getRight().getTitle()).toList();
      assertThat(titles).contains("Write 8", "Disable PT301 for this line", "Disable PT301 for this file",
          "Fix all safe problems in this file");
      CodeAction write = actions.stream().map(Either::getRight).filter(a -> a.getTitle().equals("Write 8")).findFirst().get();
      var edits = editsOf(write.getEdit(), uri, 1);
      assertThat(edits).hasSize(1);
      assertThat(edits.get(0).getNewText()).isEqualTo("8");
      assertThat(edits.get(0).getRange()).isEqualTo(octal.getRange());
      CodeAction line = actions.stream().map(Either::getRight).filter(a -> a.getTitle().equals("Disable PT301 for this line")).findFirst().get();
      assertThat(editsOf(line.getEdit(), uri, 1).get(0).getNewText()).isEqualTo("  # ptree: disable=PT301");
      Object result = h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
          PtreeLanguageServer.FIX_ALL_COMMAND, List.of(uri))).get(20, TimeUnit.SECONDS);
      assertThat(result).isEqualTo(true);
      assertThat(h.client.applied).hasSize(1);
      assertThat(editsOf(h.client.applied.get(0).getEdit(), uri, 1)).extracting(e -> e.getNewText()).contains("8");
      Object doc = h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(
          PtreeLanguageServer.EXPLAIN_COMMAND, List.of("PT303"))).get(20, TimeUnit.SECONDS);
      assertThat((String) doc).contains("reserved-vs-total");
    }
  }

  /** The edits for one open document: versioned, so they never land on changed text. */
  private static List<org.eclipse.lsp4j.TextEdit> editsOf(org.eclipse.lsp4j.WorkspaceEdit edit, String uri, int version) {
    assertThat(edit.getDocumentChanges()).hasSize(1);
    var change = edit.getDocumentChanges().get(0).getLeft();
    assertThat(change.getTextDocument().getUri()).isEqualTo(uri);
    assertThat(change.getTextDocument().getVersion()).isEqualTo(version);
    return change.getEdits();
  }

  @Test
  void settingsOverrideSeveritiesAndDisableRulesLeniently() throws Exception {
    JsonObject options = com.google.gson.JsonParser.parseString(
        "{\"severityOverrides\": {\"PT303\": \"error\", \"PT999\": \"warning\"}, \"disabledRules\": [\"PT204\", 5], \"colour\": true}")
        .getAsJsonObject();
    try (LspHarness h = new LspHarness().initialize(options, null)) {
      String uri = uri("provider_config/d.yaml");
      open(h, uri, CONFIG);
      PublishDiagnosticsParams p = h.client.await(uri, x -> !x.getDiagnostics().isEmpty());
      assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).doesNotContain("PT204");
      assertThat(p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("PT303")).findFirst().get().getSeverity())
          .isEqualTo(DiagnosticSeverity.Error);
      assertThat(h.client.logs).anyMatch(l -> l.contains("unknown rule \"PT999\"")).anyMatch(l -> l.contains("\"colour\""));
      h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
          com.google.gson.JsonParser.parseString("{\"ptree\": {\"disabledRules\": [\"PT303\"]}}")));
      p = h.client.await(uri, x -> x.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("PT303")));
      assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).contains("PT204");
      // a client's whole configuration without ptree's keys leaves the settings as they are
      h.server.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
          com.google.gson.JsonParser.parseString("{\"editor\": {\"tabSize\": 2}}")));
      change(h, uri, 2, range(0, 0, 0, 0), "# still no PT303\n");
      p = h.client.await(uri, x -> x.getVersion() == 2);
      assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).doesNotContain("PT303");
    }
  }

  @Test
  void aChangeInOneFileRepublishesTheOtherHalfOfADuplicate() throws Exception {
    try (LspHarness h = new LspHarness().initialize(null, null)) {
      String a = uri("provider_config/10-a.yaml");
      String b = uri("provider_config/20-b.yaml");
      String entry = "meta:\n  schema_version: '1.0'\nproviders:\n  - identification: {name: cn1}\n"
          + "    traits:\n      additional: [CUSTOM_A]\n";
      open(h, a, entry);
      open(h, b, entry.replace("CUSTOM_A", "CUSTOM_B"));
      h.client.await(b, x -> x.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("PT201")));
      change(h, a, 2, range(3, 26, 3, 29), "cn2");
      h.client.await(b, x -> x.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("PT201")));
    }
  }

  @Test
  void lifecycleErrorsAndOddInputKeepTheServerServing() throws Exception {
    try (LspHarness h = new LspHarness()) {
      HoverParams hover = new HoverParams(new TextDocumentIdentifier("file:///nowhere.yaml"), new Position(0, 0));
      assertThatThrownBy(() -> h.server.getTextDocumentService().hover(hover).get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ResponseErrorException.class);
      h.initialize(null, null);
      assertThat(h.server.getTextDocumentService().hover(hover).get(20, TimeUnit.SECONDS)).isNull();
      String uri = uri("provider_config/e.yaml");
      open(h, uri, CONFIG);
      h.client.await(uri, x -> x.getVersion() == 1);
      change(h, uri, 1, range(0, 0, 0, 0), "stale: edit\n");                  // stale version: ignored
      change(h, uri, 2, range(900, 0, 901, 5), "# appended past the end\n");  // out of range: clamped
      h.client.await(uri, x -> x.getVersion() == 2);
      assertThat(h.client.logs).anyMatch(l -> l.contains("stale version"));
      assertThat(h.server.getWorkspaceService().executeCommand(new ExecuteCommandParams("ptree.nope", List.of()))
          .handle((r, e) -> e).get(20, TimeUnit.SECONDS)).isNotNull();
      h.server.shutdown().get(20, TimeUnit.SECONDS);
      assertThatThrownBy(() -> h.server.getTextDocumentService().hover(hover).get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ResponseErrorException.class);
      h.server.exit();
      Thread.sleep(200);
      assertThat(h.exitCodes).containsExactly(0);
    }
  }

  @Test
  void closedFilesFollowTheDiskAndFoldersComeAndGo() throws Exception {
    Path first = Files.createDirectories(dir.resolve("one/provider_config"));
    Files.writeString(first.resolve("a.yaml"), CONFIG);
    try (LspHarness h = new LspHarness().initialize(null, dir.resolve("one").toUri().toString())) {
      String a = first.resolve("a.yaml").toUri().toString();
      h.client.await(a, x -> x.getDiagnostics().stream().anyMatch(d -> d.getCode().getLeft().equals("PT303")));
      // edited on disk while closed: the watcher's event brings the new text in
      Files.writeString(first.resolve("a.yaml"), CONFIG.replace("reserved: 4", "reserved: 1"));
      h.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
          List.of(new org.eclipse.lsp4j.FileEvent(a, org.eclipse.lsp4j.FileChangeType.Changed))));
      h.client.await(a, x -> x.getDiagnostics().stream().noneMatch(d -> d.getCode().getLeft().equals("PT303")));
      // a second folder is scanned when added; removing it withdraws its diagnostics
      Path second = Files.createDirectories(dir.resolve("two/provider_config"));
      Files.writeString(second.resolve("b.yaml"), CONFIG);
      String b = second.resolve("b.yaml").toUri().toString();
      org.eclipse.lsp4j.WorkspaceFolder two = new org.eclipse.lsp4j.WorkspaceFolder(dir.resolve("two").toUri().toString(), "two");
      h.server.getWorkspaceService().didChangeWorkspaceFolders(new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
          new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(List.of(two), List.of())));
      h.client.await(b, x -> !x.getDiagnostics().isEmpty());
      h.server.getWorkspaceService().didChangeWorkspaceFolders(new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(
          new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(List.of(), List.of(two))));
      h.client.await(b, x -> x.getDiagnostics().isEmpty());
      // deleted on disk: its diagnostics go
      Files.delete(first.resolve("a.yaml"));
      h.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
          List.of(new org.eclipse.lsp4j.FileEvent(a, org.eclipse.lsp4j.FileChangeType.Deleted))));
      h.client.await(a, x -> x.getDiagnostics().isEmpty());
    }
  }

  @Test
  void cancelledRequestsEndAndTheServerKeepsAnswering() throws Exception {
    try (LspHarness h = new LspHarness().initialize(null, null)) {
      String uri = uri("provider_config/f.yaml");
      open(h, uri, CONFIG);
      HoverParams onTotal = new HoverParams(new TextDocumentIdentifier(uri), new Position(8, 14));
      List<java.util.concurrent.CompletableFuture<org.eclipse.lsp4j.Hover>> storm = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        var f = h.server.getTextDocumentService().hover(onTotal);
        f.cancel(true); // sends $/cancelRequest
        storm.add(f);
        change(h, uri, i + 2, range(0, 0, 0, 0), "#\n");
      }
      assertThat(storm).allMatch(java.util.concurrent.CompletableFuture::isDone);
      var hover = h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(58, 14)))
          .get(20, TimeUnit.SECONDS);
      assertThat(hover.getContents().getRight().getValue()).contains("capacity");
    }
  }

  @Test
  void theWorkspaceFolderIsScannedAtStart() throws Exception {
    Path configs = Files.createDirectories(dir.resolve("etc/provider_config"));
    Files.writeString(configs.resolve("x.yaml"), CONFIG);
    Files.writeString(dir.resolve("docker-compose.yaml"), "services: {}\n");
    try (LspHarness h = new LspHarness().initialize(null, dir.toUri().toString())) {
      String uri = configs.resolve("x.yaml").toUri().toString();
      h.impl.settled().get(20, TimeUnit.SECONDS);
      PublishDiagnosticsParams p = h.client.await(uri, x -> !x.getDiagnostics().isEmpty());
      assertThat(p.getVersion()).isNull();
      assertThat(h.client.diagnostics.keySet()).noneMatch(u -> u.contains("docker-compose"));
      // once open, the editor's text wins over the disk: no later scan or watch brings the file back
      open(h, uri, CONFIG.replace("reserved: 4", "reserved: 1"));
      h.client.await(uri, x -> Integer.valueOf(1).equals(x.getVersion()));
      h.impl.settled().get(20, TimeUnit.SECONDS);
      p = h.client.diagnostics.get(uri);
      assertThat(p.getVersion()).isEqualTo(1);
      assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).doesNotContain("PT303");
    }
  }

  /** A config with no finding, for host {@code n}. */
  static String clean(int n) {
    return CONFIG.replace("$COMPUTE_NODE", "cn" + n).replace("reserved: 4", "reserved: 1");
  }

  private void watched(LspHarness h, String uri, org.eclipse.lsp4j.FileChangeType type) {
    h.server.getWorkspaceService().didChangeWatchedFiles(new org.eclipse.lsp4j.DidChangeWatchedFilesParams(
        List.of(new org.eclipse.lsp4j.FileEvent(uri, type))));
  }

  @Test
  void onlyFilesWhoseFindingsChangedArePublishedAndCleanClosedFilesNever() throws Exception {
    Path dirty = Files.createDirectories(dir.resolve("h0/provider_config")).resolve("a.yaml");
    Files.writeString(dirty, CONFIG);
    List<Path> cleanFiles = new java.util.ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      Path f = Files.createDirectories(dir.resolve("h" + n + "/provider_config")).resolve("c.yaml");
      Files.writeString(f, clean(n));
      cleanFiles.add(f);
    }
    String a = dirty.toUri().toString();
    try (LspHarness h = new LspHarness().initialize(null, dir.toUri().toString())) {
      h.client.awaitScans(1);
      // the scan publishes the one file with findings, once; the clean files not at all
      assertThat(h.client.publications).extracting(PublishDiagnosticsParams::getUri).containsExactly(a);

      // a clean file the editor opens is published, empty, with its version: its text was checked
      String c1 = cleanFiles.get(0).toUri().toString();
      open(h, c1, clean(1));
      assertThat(h.client.await(c1, x -> true).getVersion()).isEqualTo(1);
      assertThat(h.client.shown(c1)).isEmpty();

      // a file that had findings and becomes clean is published once, with an empty list
      Files.writeString(dirty, clean(0));
      watched(h, a, org.eclipse.lsp4j.FileChangeType.Changed);
      h.client.await(a, x -> x.getDiagnostics().isEmpty());
      // the same text again, and an edit of another file's comment: nothing else changed, nothing more is sent
      watched(h, a, org.eclipse.lsp4j.FileChangeType.Changed);
      change(h, c1, 2, range(0, 0, 0, 0), "# rack 7\n");
      h.client.await(c1, x -> Integer.valueOf(2).equals(x.getVersion()));
      h.impl.settled().get(20, TimeUnit.SECONDS);
      assertThat(h.client.publications).extracting(PublishDiagnosticsParams::getUri).containsExactly(a, c1, a, c1);
      // a clean file deleted on disk: it was never shown, so nothing is withdrawn
      Files.delete(cleanFiles.get(1));
      watched(h, cleanFiles.get(1).toUri().toString(), org.eclipse.lsp4j.FileChangeType.Deleted);
      h.impl.settled().get(20, TimeUnit.SECONDS);
      assertThat(h.client.publications).hasSize(4);
      // every publish of an open document carried its version, of a closed file none
      assertThat(h.client.publications).allMatch(p -> p.getUri().equals(c1) == (p.getVersion() != null));
    }
  }

  @Test
  void theScanReportsProgressAndRequestsAreAnsweredWhileItRuns() throws Exception {
    int hosts = 4000; // enough that the scan outlasts a request sent when it begins
    for (int n = 0; n < hosts; n++) {
      Files.writeString(Files.createDirectories(dir.resolve("h" + n + "/provider_config")).resolve("c.yaml"), clean(n));
    }
    String open = uri("mine/provider_config/open.yaml");
    try (LspHarness h = new LspHarness()) {
      List<String> answered = new java.util.concurrent.CopyOnWriteArrayList<>();
      // as soon as the scan begins, ask for a hover on an open document: it is answered before the scan ends
      h.client.onProgress = p -> {
        if (p.getValue().getLeft().getKind() == org.eclipse.lsp4j.WorkDoneProgressKind.begin) {
          h.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(open), new Position(8, 14)))
              .thenAccept(hover -> {
                answered.add(hover.getContents().getRight().getValue());
                h.client.received.add("hover answered");
              });
        }
      };
      org.eclipse.lsp4j.InitializeParams init = new org.eclipse.lsp4j.InitializeParams();
      org.eclipse.lsp4j.ClientCapabilities caps = new org.eclipse.lsp4j.ClientCapabilities();
      org.eclipse.lsp4j.WindowClientCapabilities window = new org.eclipse.lsp4j.WindowClientCapabilities();
      window.setWorkDoneProgress(true);
      caps.setWindow(window);
      init.setCapabilities(caps);
      init.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(dir.toUri().toString(), "repo")));
      h.server.initialize(init).get(20, TimeUnit.SECONDS);
      open(h, open, CONFIG);
      h.server.initialized(new org.eclipse.lsp4j.InitializedParams());
      h.client.awaitScans(1);

      List<String> order = h.client.received.stream().filter(m -> m.startsWith("$/progress") || m.startsWith("window/")
          || m.equals("hover answered")).toList();
      assertThat(order).startsWith("window/workDoneProgress/create", "$/progress begin").endsWith("$/progress end");
      assertThat(order.indexOf("hover answered")).as("%s", order).isBetween(2, order.size() - 2);
      assertThat(answered).singleElement().asString().contains("capacity");

      // the reports count files read of the total, up to all of them
      List<org.eclipse.lsp4j.WorkDoneProgressNotification> values = h.client.progress.stream()
          .map(p -> p.getValue().getLeft()).toList();
      // (begin carries the count too: a scan that read everything before the client took the token
      // has no reports after it)
      List<String> counts = new ArrayList<>();
      List<Integer> percentages = new ArrayList<>();
      for (var v : values) {
        if (v instanceof org.eclipse.lsp4j.WorkDoneProgressBegin b) {
          counts.add(b.getMessage());
          percentages.add(b.getPercentage());
        } else if (v instanceof org.eclipse.lsp4j.WorkDoneProgressReport r) {
          counts.add(r.getMessage());
          percentages.add(r.getPercentage());
        }
      }
      assertThat(percentages).isSorted().allMatch(pct -> pct >= 0 && pct <= 100);
      assertThat(counts.get(counts.size() - 1)).isEqualTo(hosts + "/" + hosts + " files");
      assertThat(((org.eclipse.lsp4j.WorkDoneProgressEnd) values.get(values.size() - 1)).getMessage())
          .isEqualTo(hosts + " files");
      assertThat(h.client.progress).extracting(p -> p.getToken().getLeft()).containsOnly(h.client.progressTokens.get(0));
      // thousands of clean files scanned: only the open document was published
      assertThat(h.client.publications).extracting(PublishDiagnosticsParams::getUri).containsOnly(open);
    }
  }
}
