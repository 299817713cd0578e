package dev.ptree.rules.neutralization;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.text.Escaper;

public final class BidiControls extends Rule {
  public BidiControls() {
    super("PT402", "bidi-controls", Category.NEUTRALIZATION, Severity.WARNING,
        "bidirectional control characters (Trojan Source)",
        new RuleDoc(
            "Reports U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C anywhere in the"
                + " file, comments included, and in escapes of double-quoted strings.",
            "They reorder how text is displayed, so a reviewer reads something other than what"
                + " nova loads (CVE-2021-42574).",
            "name: \"cn1\\u202E\"",
            "No fix: remove the character."));
  }

  @Override
  public boolean readsTrees() {
    return true;
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    for (ConfigFile file : context.parsedFiles()) {
      TextScan.raw(file, TextScan::isBidi, (start, end, cp) -> out.report(file,
          new dev.ptree.text.Span(start, end), "bidirectional control character "
              + Escaper.escape(Character.toString(cp)) + " reorders how this line is displayed"));
      TextScan.escaped(file, TextScan::isBidi, (start, end, cp) -> out.report(file,
          new dev.ptree.text.Span(start, end), "this string holds the bidirectional control character "
              + Escaper.escape(Character.toString(cp))));
    }
  }
}
