package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ptree.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One ptree.toml, the same findings: `ptree check` and the server, before and after it changes. */
class ProjectConfigServerTest {
  @TempDir
  Path dir;

  private static final String CONFIG = "meta:\n  schema_version: '1.0'\nproviders:\n"
      + "  - identification:\n      name: %s\n    inventories:\n      additional:\n"
      + "        - CUSTOM_X:\n            total: 010\n            reserved: %s\n";

  /** "file line:col rule severity" of every finding `ptree check --format json` reports. */
  private Set<String> cli(String... options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> args = new java.util.ArrayList<>(List.of("check", "--format", "json"));
    args.addAll(List.of(options));
    args.add(dir.toString());
    int code = Main.run(args.toArray(String[]::new),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(ByteArrayOutputStream.nullOutputStream()));
    assertThat(code).isIn(0, 1);
    Set<String> found = new TreeSet<>();
    for (JsonNode f : new ObjectMapper().readTree(out.toByteArray()).get("files")) {
      for (JsonNode d : f.get("diagnostics")) {
        JsonNode start = d.get("range").get("start");
        found.add(Path.of(f.get("path").asText()).getFileName() + " " + start.get("line").asInt() + ":"
            + start.get("character").asInt() + " " + d.get("rule").asText() + " " + d.get("severity").asText());
      }
    }
    return found;
  }

  private static Set<String> server(Path file, PublishDiagnosticsParams p) {
    return server(file, p.getDiagnostics());
  }

  private static Set<String> server(Path file, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
    Set<String> found = new TreeSet<>();
    diagnostics.forEach(d -> found.add(file.getFileName() + " " + d.getRange().getStart().getLine() + ":"
        + d.getRange().getStart().getCharacter() + " " + d.getCode().getLeft() + " "
        + d.getSeverity().name().toLowerCase(java.util.Locale.ROOT)));
    return found;
  }

  private static Set<String> of(Set<String> all, Path file) {
    Set<String> out = new TreeSet<>();
    all.stream().filter(s -> s.startsWith(file.getFileName() + " ")).forEach(out::add);
    return out;
  }

  @Test
  void theServerObeysTheSamePtreeTomlAsTheCliAndReloadsIt() throws Exception {
    Path configs = Files.createDirectories(dir.resolve("provider_config"));
    Path a = configs.resolve("a.yaml");
    Path b = configs.resolve("b.yaml");
    Files.writeString(a, String.format(CONFIG, "cn1", "9"));
    Files.writeString(b, String.format(CONFIG, "cn2", "0"));
    Path toml = dir.resolve("ptree.toml");
    Files.writeString(toml, "ignore = [\"PT303\"]\n[severity]\nPT301 = \"error\"\n"
        + "[per-file-ignores]\n\"provider_config/b.yaml\" = [\"comparison\"]\n");
    Set<String> expected = cli();
    assertThat(expected).isNotEmpty().noneMatch(s -> s.contains("PT303")).noneMatch(s -> s.startsWith("b.yaml"))
        .anyMatch(s -> s.contains("PT301 error"));

    try (LspHarness h = new LspHarness()) {
      // the editor's own settings come on top: an empty set here, so only ptree.toml applies
      h.initialize(Map.of("ptree", Map.of()), dir.toUri().toString());
      h.client.awaitScans(1);
      for (Path f : List.of(a, b)) {
        assertThat(server(f, h.client.shown(f.toUri().toString()))).isEqualTo(of(expected, f));
      }

      // the file changes: the server reloads it on the watched-file event, as the CLI reads it anew
      Files.writeString(toml, "select = [\"PT303\", \"PT301\"]\n[severity]\ncomparison = \"warning\"\n");
      Set<String> changed = cli();
      assertThat(changed).isNotEqualTo(expected).anyMatch(s -> s.contains("PT303 warning"));
      h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
          List.of(new FileEvent(toml.toUri().toString(), FileChangeType.Changed))));
      h.client.awaitScans(2); // the folders are read again under the new ptree.toml
      for (Path f : List.of(a, b)) {
        assertThat(server(f, h.client.shown(f.toUri().toString()))).isEqualTo(of(changed, f));
      }

      // a broken ptree.toml is shown to the user and the files fall back to every rule
      Files.writeString(toml, "ignore = [\"PT9999\"]\n");
      h.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
          List.of(new FileEvent(toml.toUri().toString(), FileChangeType.Changed))));
      Set<String> none = cli("--isolated");
      h.client.awaitScans(3);
      for (Path f : List.of(a, b)) {
        assertThat(server(f, h.client.shown(f.toUri().toString()))).isEqualTo(of(none, f));
      }
      assertThat(h.client.logs).anyMatch(m -> m.contains("ptree.toml:1:11: unknown rule or category \"PT9999\""));
    }
  }

  @Test
  void eachWorkspaceFolderObeysItsOwnPtreeToml() throws Exception {
    Path one = Files.createDirectories(dir.resolve("one/provider_config"));
    Path two = Files.createDirectories(dir.resolve("two/provider_config"));
    Path a = one.resolve("a.yaml");
    Path b = two.resolve("b.yaml");
    Files.writeString(a, String.format(CONFIG, "cn1", "9"));
    Files.writeString(b, String.format(CONFIG, "cn2", "9"));
    Files.writeString(dir.resolve("one/ptree.toml"), "ignore = [\"PT301\"]\n");
    Files.writeString(dir.resolve("two/ptree.toml"), "ignore = [\"PT303\"]\n");
    try (LspHarness h = new LspHarness()) {
      org.eclipse.lsp4j.InitializeParams p = new org.eclipse.lsp4j.InitializeParams();
      p.setCapabilities(new org.eclipse.lsp4j.ClientCapabilities());
      p.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(dir.resolve("one").toUri().toString(), "one"),
          new org.eclipse.lsp4j.WorkspaceFolder(dir.resolve("two").toUri().toString(), "two")));
      h.server.initialize(p).get(20, java.util.concurrent.TimeUnit.SECONDS);
      h.server.initialized(new org.eclipse.lsp4j.InitializedParams());
      h.client.await(a.toUri().toString(), x -> server(a, x).stream().anyMatch(d -> d.contains("PT303"))
          && server(a, x).stream().noneMatch(d -> d.contains("PT301")));
      h.client.await(b.toUri().toString(), x -> server(b, x).stream().anyMatch(d -> d.contains("PT301"))
          && server(b, x).stream().noneMatch(d -> d.contains("PT303")));
    }
  }
}
