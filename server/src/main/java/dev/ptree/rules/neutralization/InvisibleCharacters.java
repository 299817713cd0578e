package dev.ptree.rules.neutralization;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.text.Span;

public final class InvisibleCharacters extends FileRule {
  public InvisibleCharacters() {
    super(RuleInfo.of("PT403", "invisible-characters", Category.NEUTRALIZATION, Severity.WARNING,
        "invisible characters",
        new RuleDoc(
            "Reports zero-width spaces and joiners, word joiners, soft hyphens, variation"
                + " selectors, tag characters, Hangul fillers and a BOM anywhere but the start —"
                + " characters that render as nothing.",
            "Two names that look identical differ, so a config silently matches no provider, or"
                + " a duplicate hides in plain sight.",
            "name: \"cn\\u200B1\"     # looks like cn1",
            "No fix: remove the character.")).reading(RuleInfo.Input.TREES)
        .securitySeverity("5.0")); // names that look equal and are not
  }


  @Override
  public void check(ConfigFile file, Reporter out) {
    TextScan.raw(file, TextScan::isInvisible, (start, end, cp) -> out.report(file,
        new Span(start, end), "invisible character {}", Character.toString(cp)));
    TextScan.escaped(file, TextScan::isInvisible, (start, end, cp) -> out.report(file,
        new Span(start, end), "this string holds the invisible character {}", Character.toString(cp)));
  }
}
