package dev.ptree.rules.neutralization;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.yaml.ScalarStyle;

public final class StrayWhitespace extends ProviderRule {
  public StrayWhitespace() {
    super(RuleInfo.of("PT406", "stray-whitespace", Category.NEUTRALIZATION, Severity.WARNING,
        "leading or trailing whitespace in an identification",
        new RuleDoc(
            "A quoted or block-scalar name or uuid that starts or ends with whitespace, including"
                + " a final newline (which the uuid pattern accepts).",
            "\"cn1 \" is not cn1: the entry silently matches no provider.",
            "identification:\n  name: 'cn1 '",
            "Trimming is unsafe: it changes which provider the entry names.")).reading(RuleInfo.Input.TREES).withFixes());
  }

  /** Python's str.isspace(): Unicode whitespace, no-break spaces included (Java's strip() skips those). */
  static boolean isPythonSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85
        || (cp >= 0x1C && cp <= 0x1F);
  }

  static String pythonStrip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPythonSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isPythonSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    var id = p.identification();
    if (id == null) {
      return;
    }
    String v = id.value();
    String trimmed = pythonStrip(v);
    if (trimmed.equals(v) || trimmed.isEmpty()) {
      return;
    }
    var node = id.valueNode();
    var finding = out.report(file, node.span(), "{} {q} has {} whitespace; it will not match {q}",
        id.method(), v, (isPythonSpace(v.codePointAt(0)) ? "leading" : "trailing"), trimmed);
    if (node.style() == ScalarStyle.SINGLE_QUOTED || node.style() == ScalarStyle.DOUBLE_QUOTED) {
      finding.fix(FixSafety.UNSAFE,
          new TextEdit(node.span(), "'" + trimmed.replace("'", "''") + "'"), "Trim to {q}", trimmed);
    }
  }
}
