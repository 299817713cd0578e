package dev.ptree.rules.lifecycle;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.text.Span;

public final class NoOpProvider extends ProviderRule {
  public NoOpProvider() {
    super(RuleInfo.of("PT202", "no-op-provider", Category.LIFECYCLE, Severity.WARNING,
        "a provider entry with no additional inventories or traits",
        new RuleDoc(
            "An entry whose inventories.additional and traits.additional are both empty or absent"
                + " does nothing: nova logs a warning and drops it, before it even checks for"
                + " duplicates.",
            "Usually the inventories or traits were misspelt or misplaced (see PT103).",
            "- identification: {name: cn1}\n  inventory: ...     # typo: the entry is dropped",
            "No fix.")).tagged(RuleInfo.Tag.UNNECESSARY));
  }


  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    if (p.mapping() == null || !p.noOp()) {
      return;
    }
    Span at = p.identification() != null ? p.identification().valueNode().span()
        : Span.at(p.mapping().span().start());
    if (p.identification() == null) {
      out.report(file, at, "provider has no additional inventories or traits; nova ignores it");
    } else {
      out.report(file, at, "provider {q} has no additional inventories or traits; nova ignores it",
          p.identification().value());
    }
  }
}
