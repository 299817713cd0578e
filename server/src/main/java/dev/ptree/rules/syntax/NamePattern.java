package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.NameRule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.Span;
import java.util.Locale;

public final class NamePattern extends NameRule {
  public NamePattern() {
    super(RuleInfo.of("PT107", "name-pattern", Category.SYNTAX, Severity.ERROR,
        "a resource class or trait name outside ^[A-Z0-9_]{1,255}$",
        new RuleDoc(
            "Resource class keys and trait names must match ^[A-Z0-9_]{1,255}$: upper-case ASCII"
                + " letters, digits and underscores, at most 255 of them.",
            "nova's schema refuses the file: `custom_gold` or `CUSTOM-GOLD` is not a valid name.",
            "traits:\n  additional: [custom_gold]\n# fixed:\ntraits:\n  additional: [CUSTOM_GOLD]",
            "Upper-casing (and turning - . and spaces into _) is safe when the result matches the"
                + " pattern: that is the name the message says nova needs.")).reading(RuleInfo.Input.TREES).withFixes());
  }


  @Override
  protected void checkName(ConfigFile file, NameUse use, Reporter out) {
    String name = use.name();
    String what = use.kind().singular();
    Span span = use.span();
    if (NovaSchema.isName(name)) {
      return;
    }
    String why = name.isEmpty() ? "is empty"
        : name.length() > 255 ? "is " + name.length() + " characters long (at most 255)"
        : "may hold only A-Z, 0-9 and _";
    var finding = out.report(file, span, "{} {q} {}; nova's schema refuses it", what, name, why);
    String fixed = name.strip().toUpperCase(Locale.ROOT).replaceAll("[-. ]", "_");
    if (!fixed.equals(name) && NovaSchema.isName(fixed) && !fixed.endsWith("\n")) {
      finding.fix(FixSafety.SAFE, new TextEdit(span, fixed), "Write {}", fixed);
    }
  }
}
