package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.text.Escaper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names, keys, values and file names carrying newlines, ANSI escapes, bidi overrides, invisible
 * characters and NUL reach every output channel escaped, and cannot forge a line of a log.
 */
class NeutralizationTest {
  /** In YAML double quotes: a newline, ESC, RLO, zero-width space, NUL, LRI, soft hyphen. */
  static final String EVIL = "cn\\nFORGED ptree: owned\\e[31m\\u202E\\u200B\\0\\u2066\\u00AD";
  static final String EVIL_FILE = "ev\u202Eil\u200B\nFORGED\u001b[31m.yaml";

  @TempDir
  Path dir;

  /** No raw control, bidi or invisible character except the channel's own line breaks; no forged line. */
  static void clean(String channel, String output) {
    int raw = output.codePoints().filter(cp -> cp != '\n' && Escaper.needsEscape(cp)).findFirst().orElse(-1);
    assertThat(raw).as("%s carries a raw U+%04X: %s", channel, raw, Escaper.escape(output)).isEqualTo(-1);
    for (String line : output.split("\n")) {
      assertThat(line).as(channel).doesNotStartWith("FORGED");
    }
  }

  private Path workspace() throws Exception {
    Path configs = Files.createDirectories(dir.resolve("provider_config"));
    String config = "meta:\n  schema_version: '1.0'\nproviders:\n"
        + "  - identification: {name: \"" + EVIL + "\"}\n    traits: {additional: [\"CUSTOM_" + EVIL + "\"]}\n"
        + "  - identification: {name: \"" + EVIL + "\"}\n"
        + "    inventories: {additional: [{\"CUSTOM_" + EVIL + "\": {total: 1}}]}\n"
        + "    \"" + EVIL + "\": 1\n";
    Files.writeString(configs.resolve(EVIL_FILE), config);
    Files.writeString(dir.resolve("t.ptree.yaml"), "provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n"
        + "  - name: \"" + EVIL + "\"\n    traits: [\"" + EVIL + "\"]\n    inventory: {\"" + EVIL + "\": {total: 1}}\n"
        + "    children:\n      - name: \"" + EVIL + "\"\n");
    return configs.resolve(EVIL_FILE);
  }

  @Test
  void everyCliChannelIsNeutralised() throws Exception {
    workspace();
    for (String format : List.of("text", "json", "sarif")) {
      HostileCorpusTest.Result r = HostileCorpusTest.check("check", "--timings", "--format", format, dir.toString());
      assertThat(r.out()).contains("PT");
      clean("check --format " + format + " stdout", r.out());
      clean("check --format " + format + " stderr", r.err());
    }
    for (String format : List.of("text", "json")) {
      HostileCorpusTest.Result r = HostileCorpusTest.check("show", "--format", format, dir.resolve("t.ptree.yaml").toString());
      assertThat(r.out()).contains("FORGED");
      clean("show --format " + format + " stdout", r.out());
      clean("show --format " + format + " stderr", r.err());
    }
    // arguments are input too: they come back in usage errors
    clean("usage error", HostileCorpusTest.check("check", dir.resolve("missing\u202E\nFORGED\u001b[31m").toString()).err());
    clean("bad option value", HostileCorpusTest.check("check", "--format", "x\u202E\nFORGED", dir.toString()).err());
    clean("unknown rule", HostileCorpusTest.check("check", "--disable", "x\u202E\nFORGED", dir.toString()).err());
    clean("explain", HostileCorpusTest.check("explain", "x\u202E\nFORGED").err());
  }

  @Test
  void everyServerChannelIsNeutralised() throws Exception {
    Path config = workspace();
    try (LspHarness h = new LspHarness()) {
      h.initialize(Map.of("ptree", Map.of("x\u202E\nFORGED", 1, "disabledRules", List.of("x\u200B\nFORGED"))), dir.toUri().toString());
      PublishDiagnosticsParams p = h.client.await(config.toUri().toString(), x -> !x.getDiagnostics().isEmpty());
      PublishDiagnosticsParams t = h.client.await(dir.resolve("t.ptree.yaml").toUri().toString(), x -> !x.getDiagnostics().isEmpty());
      for (PublishDiagnosticsParams params : List.of(p, t)) {
        params.getDiagnostics().forEach(d -> {
          clean("diagnostic message", d.getMessage());
          if (d.getRelatedInformation() != null) {
            d.getRelatedInformation().forEach(r -> clean("related message", r.getMessage()));
          }
        });
      }
      h.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
          new VersionedTextDocumentIdentifier("file:///not-open\u202E\nFORGED.yaml", 2), List.of(new TextDocumentContentChangeEvent("x"))));
      String tree = Files.readString(dir.resolve("t.ptree.yaml"));
      int hovered = 0;
      for (int line = 0; line < tree.split("\n").length; line++) {
        for (int column : new int[] {4, 10, 14, 20}) {
          Hover hover = h.server.getTextDocumentService().hover(new HoverParams(
              new TextDocumentIdentifier(dir.resolve("t.ptree.yaml").toUri().toString()), new Position(line, column))).get(20, TimeUnit.SECONDS);
          if (hover != null) {
            hovered++;
            clean("hover", hover.getContents().isRight() ? hover.getContents().getRight().getValue() : hover.getContents().toString());
          }
        }
      }
      assertThat(hovered).isPositive();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (h.client.logs.stream().noneMatch(l -> l.contains("not open")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(h.client.logs).anyMatch(l -> l.contains("FORGED"));
      h.client.logs.forEach(l -> clean("window/logMessage", l));
    }
  }
}
