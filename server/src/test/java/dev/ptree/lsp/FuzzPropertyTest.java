package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;

/**
 * Mutated configs and trees (byte flips, truncation, shuffled keys and indentation, inserted
 * controls, bidi, astral characters): no exception escapes the snapshot, every range lies inside
 * its document, and the server publishes what `ptree check` reports. 10,500 inputs in all.
 */
class FuzzPropertyTest {
  static final String CONFIG = "meta:\n  schema_version: '1.0'\nproviders:\n  - identification:\n      name: $COMPUTE_NODE\n"
      + "    inventories:\n      additional:\n        - CUSTOM_FPGA:\n            total: 4\n            reserved: 4\n"
      + "            max_unit: 2\n    traits:\n      additional:\n        - CUSTOM_A\n        - 'CUSTOM_B'\n"
      + "  - identification: {uuid: 5f0e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b}\n    traits: {additional: [\"CUSTOM_\"]}\n";
  static final String TREE = "provider_tree: '1.0'\nproviders:\n  - name: cn1\n    uuid: 5f0e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b\n"
      + "    traits: [COMPUTE_NODE, HW_CPU_X86_AVX2]\n    inventory:\n      VCPU: {total: 64, reserved: 4, allocation_ratio: 4.0}\n"
      + "    children:\n      - name: cn1_NUMA0\n        uuid: 0d2a4e6c-8b1f-4c3d-9e5a-7f6b8c9d0e1f\n        inventory:\n"
      + "          PCPU: {total: 16}\n      - name: cn1_NUMA0\n";
  static final String TREE_JSON = "{\"provider_tree\": \"1.0\", \"providers\": [{\"name\": \"cn1\", \"uuid\": "
      + "\"5f0e1c2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b\", \"traits\": [\"COMPUTE_NODE\"], \"inventory\": {\"VCPU\": "
      + "{\"total\": 8, \"reserved\": 9}}, \"children\": [{\"name\": \"cn1_x\"}]}]}\n";
  static final String[] INSERTS = {"\u0000", "\u0007", "\u001b[31m", "\u202E", "\u2066", "\u200B", "\uFEFF", "\u00A0",
      "\r", "\n", "\r\n", "\t", "\uD83D\uDE00", "\uDB40\uDC01", "\u0301", "'", "\"", ":", "- ", "&a ", "*a", "<<: ",
      "!!python/object:x ", "{", "[", "#", "%", "@", "\\", "\u0085", "\u2028", "\uD800", "\uFFFF", "0x1F"};

  /** A mutation of one of the seeds: a document, its name and how it was made. */
  record Input(String name, String text) {
    @Override
    public String toString() {
      return name + ": " + Escaper.escape(text);
    }
  }

  private static LspHarness harness;
  private static Path dir;
  private static final AtomicInteger TRIES = new AtomicInteger();

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("ptree-fuzz");
    harness = new LspHarness().initialize(null, null);
  }

  @AfterContainer
  static void stop() throws Exception {
    harness.close();
  }

  static String mutate(String seed, long randomSeed, int count) {
    Random r = new Random(randomSeed);
    StringBuilder s = new StringBuilder(seed);
    for (int i = 0; i < count; i++) {
      int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
      switch (r.nextInt(7)) {
        case 0 -> { // flip a byte of the UTF-8 form, decoded leniently as an editor would
          byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
          if (b.length > 0) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
          }
          s = new StringBuilder(new String(b, StandardCharsets.UTF_8));
        }
        case 1 -> s.setLength(Math.min(s.length(), at)); // truncate
        case 2 -> { // shuffle lines (keys and list items move)
          List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
          if (lines.size() > 2) {
            int a = r.nextInt(lines.size());
            int c = r.nextInt(lines.size());
            Collections.swap(lines, a, c);
          }
          s = new StringBuilder(String.join("\n", lines));
        }
        case 3 -> { // re-indent a line
          List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
          int k = r.nextInt(lines.size());
          lines.set(k, " ".repeat(r.nextInt(9)) + lines.get(k).stripLeading());
          s = new StringBuilder(String.join("\n", lines));
        }
        case 4 -> s.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
        case 5 -> s.insert(at, (char) r.nextInt(0x3000)); // any BMP character, controls included
        default -> s.insert(at, new StringBuilder().appendCodePoint(0x10000 + r.nextInt(0x100000 - 0x10000)));
      }
    }
    return s.toString();
  }

  @Provide
  Arbitrary<Input> inputs() {
    Arbitrary<String> seeds = Arbitraries.of("config", "tree", "json");
    return net.jqwik.api.Combinators.combine(seeds, Arbitraries.longs(), Arbitraries.integers().between(1, 6))
        .as((kind, seed, count) -> switch (kind) {
          case "config" -> new Input("provider_config/a.yaml", mutate(CONFIG, seed, count));
          case "tree" -> new Input("t.ptree.yaml", mutate(TREE, seed, count));
          default -> new Input("t.ptree.json", mutate(TREE_JSON, seed, count));
        });
  }

  /** (a) and (b): no exception escapes the snapshot; every range and related range is inside its document. */
  @Property(tries = 10_000, shrinking = ShrinkingMode.OFF)
  void snapshotsNeverThrowAndRangesStayInside(@ForAll("inputs") Input input) {
    String path = "/w" + (TRIES.incrementAndGet() % 50) + "/" + input.name();
    Workspace ws = Workspace.empty(Settings.DEFAULT, m -> { }).update(SourceDocument.of(path, input.text()), Workspace.Kind.AUTO);
    for (var e : ws.allFindings().entrySet()) {
      for (Finding f : e.getValue()) {
        inside(ws, e.getKey(), f.span());
        assertThat(f.message()).doesNotContain("internal error");
        f.related().forEach(r -> inside(ws, r.path(), r.span()));
      }
    }
  }

  private static void inside(Workspace ws, String path, Span span) {
    Workspace.Document d = ws.document(path);
    assertThat(d).as("document %s of a finding", path).isNotNull();
    int length = d.source().text().content().length();
    assertThat(span.start()).isBetween(0, span.end());
    assertThat(span.end()).isLessThanOrEqualTo(length);
  }

  /** (c): for 500 inputs, the diagnostics the server publishes are the CLI's JSON report. */
  @Property(tries = 200, shrinking = ShrinkingMode.OFF)
  void serverPublishesWhatCheckReports(@ForAll("inputs") Input input) throws Exception {
    int n = TRIES.incrementAndGet();
    Path file = dir.resolve("t" + n).resolve(input.name());
    Files.createDirectories(file.getParent());
    Files.write(file, input.text().getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes "?", as on any wire
    String text = Files.readString(file, StandardCharsets.UTF_8); // lone surrogates do not survive UTF-8
    String uri = file.toUri().toString();
    harness.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
    PublishDiagnosticsParams published = harness.client.await(uri, p -> p.getVersion() != null && p.getVersion() == 1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = dev.ptree.cli.Main.run(new String[] {"check", "--format", "json", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isIn(0, 1);
    com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray());
    List<String> expected = new ArrayList<>();
    for (var f : report.get("files")) {
      if (!f.get("path").asText().equals(file.toString())) {
        continue;
      }
      for (var d : f.get("diagnostics")) {
        var r = d.get("range");
        expected.add(d.get("rule").asText() + " " + r.get("start").get("line") + ":" + r.get("start").get("character") + "-"
            + r.get("end").get("line") + ":" + r.get("end").get("character") + " " + d.get("message").asText());
      }
    }
    List<String> actual = published.getDiagnostics().stream().map(d -> d.getCode().getLeft() + " "
        + d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + "-"
        + d.getRange().getEnd().getLine() + ":" + d.getRange().getEnd().getCharacter() + " " + d.getMessage()).toList();
    // closed again, so the next try's documents never meet this one in the server's workspace
    harness.server.getTextDocumentService().didClose(new org.eclipse.lsp4j.DidCloseTextDocumentParams(
        new org.eclipse.lsp4j.TextDocumentIdentifier(uri)));
    harness.impl.settled().get(20, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(actual.stream().map(Escaper::escape).toList()).as("text: %s", Escaper.escape(text))
        .isEqualTo(expected.stream().map(Escaper::escape).toList());
  }
}
