package dev.ptree.rules.exceptions;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.NameRule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.text.Escaper;
import dev.ptree.text.Span;

public final class PlacementRejects extends NameRule {
  public PlacementRejects() {
    super("PT502", "placement-rejects", Category.EXCEPTION_HANDLING, Severity.ERROR,
        "a name nova accepts and Placement rejects",
        new RuleDoc(
            "nova only checks that a custom name starts with CUSTOM_; Placement requires"
                + " ^CUSTOM_[A-Z0-9_]+$, so `CUSTOM_` alone is refused. A resource class ending in"
                + " a newline passes nova's pattern but breaks the JSON Placement builds for it.",
            "nova starts, then every periodic update fails with a 400 from Placement.",
            "traits:\n  additional: [CUSTOM_]",
            "No fix: complete the name."));
  }

  @Override
  public boolean readsTrees() {
    return true;
  }

  @Override
  protected void checkName(ConfigFile file, NameUse use, Reporter out) {
    String name = use.name();
    String what = use.kind().singular();
    Span span = use.span();
    boolean resourceClass = use.kind() == NameUse.Kind.RESOURCE_CLASS;
    if (!NovaSchema.isName(name) || !name.startsWith(NovaSchema.CUSTOM_PREFIX)) {
      return; // nova itself refuses it: PT107 / PT108
    }
    if (!resourceClass && name.codePointCount(0, name.length()) > 255) {
      out.report(file, span, what + " " + Escaper.quote(name) + " is " + name.codePointCount(0, name.length())
          + " characters long: nova accepts it, but Placement allows trait names of at most 255 (400)");
    } else if (!NovaSchema.isPlacementCustom(name)) {
      out.report(file, span, what + " " + Escaper.quote(name) + " passes nova, but Placement"
          + " requires ^CUSTOM_[A-Z0-9_]+$ and rejects it (400)");
    } else if (resourceClass && name.endsWith("\n")) {
      out.report(file, span, what + " " + Escaper.quote(name) + " ends in a newline: nova accepts"
          + " it, but Placement answers 400 (malformed JSON) creating the class");
    }
  }
}
