package dev.ptree.rules.neutralization;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;

public final class BidiControls extends FileRule {
  public BidiControls() {
    super(RuleInfo.of("PT402", "bidi-controls", Category.NEUTRALIZATION, Severity.WARNING,
        "bidirectional control characters (Trojan Source)",
        new RuleDoc(
            "Reports U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C anywhere in the"
                + " file, comments included, and in escapes of double-quoted strings.",
            "They reorder how text is displayed, so a reviewer reads something other than what"
                + " nova loads (CVE-2021-42574).",
            "name: \"cn1\\u202E\"",
            "No fix: remove the character.")).reading(RuleInfo.Input.TREES)
        .securitySeverity("6.5")); // Trojan Source: text that reads differently than it is
  }


  @Override
  public void check(ConfigFile file, Reporter out) {
    TextScan.raw(file, TextScan::isBidi, (start, end, cp) -> out.report(file,
        new dev.ptree.text.Span(start, end), "bidirectional control character {} reorders how"
            + " this line is displayed", Character.toString(cp)));
    TextScan.escaped(file, TextScan::isBidi, (start, end, cp) -> out.report(file,
        new dev.ptree.text.Span(start, end), "this string holds the bidirectional control"
            + " character {}", Character.toString(cp)));
  }
}
