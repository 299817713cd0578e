package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import dev.ptree.text.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Whatever incremental edits the editor sends — anywhere, across lines, with astral characters,
 * CRLF and positions past the end — the diagnostics the server publishes for the final version
 * are exactly what `ptree check` finds in the final text, and every publish names its version.
 */
class EditPropertyTest {
  private static LspHarness harness;
  private static Path dir;
  private static final AtomicInteger DOCUMENTS = new AtomicInteger();

  record Edit(int line, int character, int length, String text) {}

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("ptree-edits");
    harness = new LspHarness().initialize(null, null);
  }

  @AfterContainer
  static void stop() throws Exception {
    harness.close();
  }

  @Property(tries = 120)
  void publishedDiagnosticsEqualCheckOnTheFinalText(@ForAll("edits") List<Edit> edits,
      @ForAll("starts") String start) throws Exception {
    assertPublishedEqualsCheck(edits, start);
  }

  /**
   * Edits in a document of several provider items: spans that start in one item and end in the
   * next, deletions of whole items, items pasted between others.
   */
  @Property(tries = 80)
  void editsAcrossProviderItemsEqualCheck(@ForAll("crossingEdits") List<Edit> edits) throws Exception {
    assertPublishedEqualsCheck(edits, PROVIDERS);
  }

  /** Three provider items of 5 lines each after a 3-line header: one has a problem (reserved over total). */
  static final String PROVIDERS = "meta:\n  schema_version: '1.0'\nproviders:\n"
      + "  - identification:\n      name: cn1\n    inventories:\n      additional:\n        - CUSTOM_A: {total: 4, reserved: 1}\n"
      + "  - identification:\n      uuid: $COMPUTE_NODE\n    inventories:\n      additional:\n        - CUSTOM_B: {total: 2, reserved: 3}\n"
      + "  - identification:\n      name: cn3\n    traits:\n      additional:\n        - CUSTOM_C\n";

  private void assertPublishedEqualsCheck(List<Edit> edits, String start) throws Exception {
    // one folder per try: documents in one folder would form one config set
    Path file = Files.createDirectories(dir.resolve("t" + DOCUMENTS.incrementAndGet() + "/provider_config")).resolve("d.yaml");
    String uri = file.toUri().toString();
    harness.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, start)));
    String text = start;
    int version = 1;
    for (Edit e : edits) {
      SourceText current = new SourceText(text);
      int from = current.offsetOf(e.line(), e.character());
      int to = Math.min(text.length(), from + e.length());
      Position end = Positions.position(current, to);
      Range range = new Range(new Position(e.line(), e.character()), end);
      text = text.substring(0, from) + e.text() + text.substring(to);
      version++;
      harness.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
          new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(range, e.text()))));
    }
    int last = version;
    PublishDiagnosticsParams published = harness.client.await(uri, p -> p.getVersion() != null && p.getVersion() == last);
    // every publish for the open document names the version it was computed on, in the order sent
    List<Integer> versions = harness.client.publications.stream().filter(p -> p.getUri().equals(uri))
        .map(PublishDiagnosticsParams::getVersion).toList();
    assertThat(versions).doesNotContainNull().isSorted();

    Workspace check = Workspace.empty(Settings.DEFAULT, m -> { })
        .update(SourceDocument.of(file.toString(), text), Workspace.Kind.AUTO);
    SourceText finalText = new SourceText(text);
    List<String> expected = new ArrayList<>();
    for (Finding f : check.findings(file.toString())) {
      expected.add(f.code() + " " + Positions.range(finalText, f.span()) + " " + f.message());
    }
    List<String> actual = published.getDiagnostics().stream()
        .map(d -> d.getCode().getLeft() + " " + d.getRange() + " " + d.getMessage()).toList();
    assertThat(actual.stream().map(dev.ptree.text.Escaper::escape).toList()).as("final text: %s", dev.ptree.text.Escaper.escape(text))
        .isEqualTo(expected.stream().map(dev.ptree.text.Escaper::escape).toList());
  }

  @Provide
  Arbitrary<String> starts() {
    return Arbitraries.of(ServerRoundTripTest.CONFIG, ServerRoundTripTest.CONFIG.replace("\n", "\r\n"),
        "# 😀 cabinet\n" + ServerRoundTripTest.CONFIG.replace("CUSTOM_FPGA", "CUSTOM_FPGA_\u00e9"));
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    // No lone surrogates: JSON-RPC text is UTF-8, which cannot carry one, so no editor sends it.
    Arbitrary<String> pieces = Arbitraries.of("", "x", "4", "0", "010", " ", "\n", "\r\n", ":", "- ", "😀", "\u202e",
        "total: ", "reserved: 9", "CUSTOM_", "\t", "'", "\"", "#", "  - identification: {name: cn1}\n", "\u00e9");
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 30),
        Arbitraries.integers().between(0, 6), pieces.list().ofMaxSize(3).map(l -> String.join("", l)))
        .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Edit>> crossingEdits() {
    Arbitrary<String> pieces = Arbitraries.of("", "x", "4", "\n", "- ", ": ", "  - identification:\n      name: cn9\n",
        "  - identification:\n      name: cn1\n    traits:\n      additional: [CUSTOM_D]\n", "reserved: 9", "        - CUSTOM_E: {total: 0}\n");
    Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(2, 19), Arbitraries.integers().between(0, 12),
        Arbitraries.integers().between(0, 160), pieces)
        .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(6);
  }
}
