package dev.ptree.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.Fixtures;
import dev.ptree.rules.Rule;
import dev.ptree.rules.registry.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays test-fixtures/rules/CODE/{fires,quiet}/CASE against its golden CASE.out: the exact text
 * output of `ptree check CASE` run from test-fixtures/rules. A fires case must show its rule, a
 * quiet case must not. Run with -Dptree.updateGolden=true to rewrite the .out files.
 */
class RuleFixturesTest {
  private static final Path ROOT = Fixtures.path("rules");

  @TestFactory
  Stream<DynamicTest> everyFixtureMatchesItsGoldenOutput() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(ROOT.relativize(c).toString(), () -> {
      String code = ROOT.relativize(c).getName(0).toString();
      boolean fires = ROOT.relativize(c).getName(1).toString().equals("fires");
      String actual = run(c);
      Path golden = goldenOf(c);
      if (Boolean.getBoolean("ptree.updateGolden")) {
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(golden).exists();
      assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
      if (fires) {
        assertThat(actual).contains("[" + code + "]");
      } else {
        assertThat(actual).doesNotContain("[" + code + "]");
      }
    }));
  }

  @Test
  void everyRuleHasAFiringAndAQuietFixture() throws IOException {
    List<Path> all = cases();
    for (Rule rule : Rules.all()) {
      assertThat(all).as("fires fixture for " + rule.code())
          .anyMatch(p -> ROOT.relativize(p).startsWith(Path.of(rule.code(), "fires")));
      assertThat(all).as("quiet fixture for " + rule.code())
          .anyMatch(p -> ROOT.relativize(p).startsWith(Path.of(rule.code(), "quiet")));
    }
  }

  static List<Path> cases() throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(ROOT)) {
      return out;
    }
    try (Stream<Path> rules = Files.list(ROOT)) {
      for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
        for (String kind : List.of("fires", "quiet")) {
          Path dir = rule.resolve(kind);
          if (!Files.isDirectory(dir)) {
            continue;
          }
          try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> !p.getFileName().toString().endsWith(".out")
                    && !p.getFileName().toString().startsWith("."))
                .sorted().forEach(out::add);
          }
        }
      }
    }
    return out;
  }

  private static Path goldenOf(Path c) {
    String name = c.getFileName().toString();
    String base = Files.isDirectory(c) ? name : name.replaceFirst("\\.[^.]+$", "");
    return c.resolveSibling(base + ".out");
  }

  /** `ptree check` on the case, printed with paths relative to test-fixtures/rules. */
  static String run(Path c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main.run(new String[] {"check", c.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    return out.toString(StandardCharsets.UTF_8).replace(ROOT.toString() + "/", "");
  }
}
