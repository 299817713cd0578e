package dev.ptree.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast path must build exactly what SnakeYAML's composer path builds — same nodes, spans,
 * values, problems — whenever it does not give up.
 */
class FastPathDifferentialTest {

  static boolean assertSameAsComposer(String text) {
    YamlDocument fast = FastYamlParser.tryParse(text, List.of());
    if (fast == null) {
      return false;
    }
    YamlDocument slow = YamlParser.parseWithComposer(text);
    assertThat(fast.root()).as("nodes of:\n%s", text).isEqualTo(slow.root());
    assertThat(fast.problems()).as("problems of:\n%s", text).isEqualTo(slow.problems());
    assertThat(fast.maxCollectionDepth()).as("depth of:\n%s", text).isEqualTo(slow.maxCollectionDepth());
    assertThat(fast.nodes()).as("node list of:\n%s", text).containsExactlyInAnyOrderElementsOf(slow.nodes());
    return true;
  }

  @TestFactory
  Stream<DynamicTest> everyFixtureFileParsesAlikeOnBothPaths() throws IOException {
    try (Stream<Path> files = Files.walk(Fixtures.root().getParent())) {
      List<Path> yaml = files.filter(p -> p.toString().matches(".*\\.ya?ml$") && Files.isRegularFile(p))
          .filter(p -> !p.toString().contains("node_modules") && !p.toString().contains("/.cache/"))
          .filter(p -> p.toFile().length() < 2_000_000).toList();
      return yaml.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () ->
          assertSameAsComposer(new String(Files.readAllBytes(p), StandardCharsets.UTF_8))));
    }
  }

  @Test
  void theCommonShapesTakeTheFastPath() {
    String config = "# c\nmeta:\n  schema_version: '1.0'\nproviders:\n  - identification:\n      uuid: $COMPUTE_NODE\n"
        + "    inventories:\n      additional:\n        - CUSTOM_A: {total: 1, reserved: 0}\n"
        + "    traits:\n      additional: [CUSTOM_B, \"CUSTOM_C\"]   # done\n";
    assertThat(FastYamlParser.tryParse(config, List.of())).isNotNull();
    assertSameAsComposer(config);
    assertSameAsComposer(config.replace("\n", "\r\n"));
    assertSameAsComposer("\uFEFF" + config);
    assertThat(assertSameAsComposer("# header\n---\n" + config)).isTrue();
    assertSameAsComposer("---\n" + config + "---\nmeta: {}\n");
    assertSameAsComposer("--- \n" + config);
  }

  @Property(tries = 400)
  void generatedDocumentsParseAlike(@ForAll("documents") String text) {
    net.jqwik.api.statistics.Statistics.label("fast path").collect(assertSameAsComposer(text));
  }

  @Provide
  Arbitrary<String> documents() {
    return Combinators.combine(Arbitraries.of("", "---\n", "# c\n---\n", "--- # c\n"), node(0, 3))
        .as((start, lines) -> start + lines + "\n");
  }

  private static final String[] SCALARS = {"a", "CUSTOM_X", "010", "0x1F", "1_000", "1:30", "1e3", "1.0e+3",
      "yes", "No", "~", "null", "", "2024-02-30", "2001-12-14", "-5", "+.inf", ".nan", "$COMPUTE_NODE",
      "7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10", "a b", "a#b", "http://x:1", "'q'", "'it''s'", "\"dq\"",
      "\"\"", "''", "é", "\uD83D\uDE00", "0b_", "1.", ".5", "-", "a: b", "[1, 2]", "{a: 1, b: [x]}",
      "[]", "{}", "[a, ]", "{a:1}", "&x a", "*x", "!!str 1", "|", "? a", "b #c", "true", "- x",
      "\"a\\tb\"", "\"\\u202E\"", "\"\\x41\\/\"", "\"\\q\"", "\"a\\\"b\"", "\"\\\\\"", "\"\\U0001F600\""};

  private Arbitrary<String> scalar() {
    return Arbitraries.of(SCALARS);
  }

  private Arbitrary<String> node(int indent, int depth) {
    if (depth == 0) {
      return scalar();
    }
    Arbitrary<String> map = entries(indent, depth);
    Arbitrary<String> seq = items(indent, depth);
    return Arbitraries.oneOf(scalar(), map, seq);
  }

  private Arbitrary<String> entries(int indent, int depth) {
    Arbitrary<String> entry = Combinators.combine(Arbitraries.of("k", "total", "'q k'", "\"d\"", "a b", "1", "<<", "x:y"),
        Arbitraries.of(0, 1, 2), Arbitraries.of("", "", " # note", "  "),
        Arbitraries.lazy(() -> node(indent + 2, depth - 1)), Arbitraries.of(true, false)).as((k, style, comment, value, blank) -> {
          String pad = " ".repeat(indent);
          String v = value.contains("\n") ? "\n" + value : value;
          if (style == 0 && !v.startsWith("\n")) {
            return pad + k + ": " + v + comment + (blank ? "\n" : "");
          }
          if (v.startsWith("\n")) {
            return pad + k + ":" + comment + v;
          }
          return pad + k + ":" + comment + "\n" + " ".repeat(indent + 2) + v;
        });
    return entry.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l));
  }

  private Arbitrary<String> items(int indent, int depth) {
    Arbitrary<String> item = Arbitraries.lazy(() -> node(indent + 2, depth - 1)).map(v -> {
      String pad = " ".repeat(indent);
      if (v.contains("\n") || v.startsWith(" ")) {
        String stripped = v.stripLeading();
        return pad + "- " + stripped;
      }
      return pad + "- " + v;
    });
    return item.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("\n", l));
  }
}
