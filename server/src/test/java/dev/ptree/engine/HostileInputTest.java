package dev.ptree.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN §6: every hostile input gets a diagnostic; nothing throws, overflows or hangs. */
class HostileInputTest {
  private static final String META = "meta:\n  schema_version: '1.0'\n";

  private static List<Finding> check(String text) {
    return Workspace.empty(Settings.DEFAULT, m -> { })
        .update(SourceDocument.of("d/p.yaml", text), Workspace.Kind.CONFIG).findings("d/p.yaml");
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  @Test
  void billionLaughsUnderAValidatedKeyIsAnErrorAndCostsNothing() {
    StringBuilder s = new StringBuilder(META + "a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      s.append("a").append(i).append(": &a").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        s.append(k == 0 ? "" : ", ").append("*a").append(i == 1 ? "" : String.valueOf(i - 1));
      }
      s.append("]\n");
    }
    s.append("providers: *a29\n");
    List<Finding> findings = check(s.toString());
    assertThat(findings).anyMatch(f -> f.severity() == Severity.ERROR);
  }

  @Test
  void tenThousandLevelsOfNestingIsANovaCrashNotAStackOverflow() {
    String deep = META + "x: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    assertThat(codes(check(deep))).contains("PT501");
    String deepBlock = META + "x:\n" + "  - ".repeat(5_000) + "1\n";
    assertThat(codes(check(deepBlock))).contains("PT501");
  }

  @Test
  void nulAndOtherRawControlCharactersAreYamlErrors() {
    List<Finding> findings = check(META + "providers: []\nx: \"a\u0000b\"\ny: \u0007\n");
    assertThat(findings).filteredOn(f -> f.code().equals("PT100")).hasSize(2)
        .allMatch(f -> f.message().contains("unacceptable character") && !f.message().contains("\u0000"));
  }

  @Test
  void sixtyFourMegabytesAreParsedNotRefused() {
    StringBuilder s = new StringBuilder(64 * 1024 * 1024 + 1024);
    s.append(META).append("providers:\n");
    String provider = "  - identification: {name: 'cn%d'}\n    traits: {additional: [CUSTOM_A]}\n"
        + "    # padding padding padding padding padding padding padding padding padding\n";
    for (int i = 0; s.length() < 64 * 1024 * 1024; i++) {
      s.append(String.format(provider, i));
    }
    s.append("  - identification: {name: cn0}\n    traits: {additional: [CUSTOM_B]}\n");
    assertThat(codes(check(s.toString()))).containsExactly("PT201");
  }

  @Test
  void aBomIsSkippedAndCrlfKeepsPositionsExact() {
    String text = "\uFEFF" + META.replace("\n", "\r\n") + "providers:\r\n  - identification: {name: x}\r\n"
        + "    traits: {additional: [CUSTOM_]}\r\n";
    List<Finding> findings = check(text);
    assertThat(codes(findings)).containsExactly("PT502");
    Finding f = findings.get(0);
    assertThat(text.substring(f.span().start(), f.span().end())).isEqualTo("CUSTOM_");
  }

  @Test
  void astralCharactersKeepSpansInUtf16() {
    String text = META + "providers:\n  - identification: {name: \"\uD83D\uDE00\u202E\"}\n"
        + "    traits: {additional: [lower]}\n";
    List<Finding> findings = check(text);
    Finding pattern = findings.stream().filter(f -> f.code().equals("PT107")).findFirst().orElseThrow();
    assertThat(text.substring(pattern.span().start(), pattern.span().end())).isEqualTo("lower");
    assertThat(findings).filteredOn(f -> f.code().equals("PT402")).isNotEmpty()
        .allMatch(f -> !f.message().contains("\u202E") && f.message().contains("\\u202E"));
  }

  @Test
  void garbageNeverThrows() {
    for (String s : List.of("", "\n", "---\n---\n", "[", "{", "&a *a", "*a", "!!python/object:os.system x",
        "? [a]\n: b", "<<: *x", "- - - -", "'unterminated", "\"\\xZZ\"", "\t", "%YAML 1.3\n---\na", "a: b: c")) {
      List<Finding> findings = check(s);
      assertThat(findings).isNotEmpty().noneMatch(f -> f.message().startsWith("internal error"));
    }
  }
}
