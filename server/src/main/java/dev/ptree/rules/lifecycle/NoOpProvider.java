package dev.ptree.rules.lifecycle;

import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.text.Escaper;
import dev.ptree.text.Span;

public final class NoOpProvider extends Rule {
  public NoOpProvider() {
    super("PT202", "no-op-provider", Category.LIFECYCLE, Severity.WARNING,
        "a provider entry with no additional inventories or traits",
        new RuleDoc(
            "An entry whose inventories.additional and traits.additional are both empty or absent"
                + " does nothing: nova logs a warning and drops it, before it even checks for"
                + " duplicates.",
            "Usually the inventories or traits were misspelt or misplaced (see PT103).",
            "- identification: {name: cn1}\n  inventory: ...     # typo: the entry is dropped",
            "No fix."));
  }

  @Override
  public Scope scope() {
    return Scope.PROVIDER;
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    context.forEachProvider((file, p) -> {
      if (p.mapping() == null || !p.noOp()) {
        return;
      }
      String who = p.identification() == null ? "" : " " + Escaper.quote(p.identification().value());
      Span at = p.identification() != null ? p.identification().valueNode().span()
          : Span.at(p.mapping().span().start());
      out.report(file, at, "provider" + who + " has no additional inventories or traits; nova"
          + " ignores it");
    });
  }
}
