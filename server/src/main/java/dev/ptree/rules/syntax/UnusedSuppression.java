package dev.ptree.rules.syntax;

import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;

/** Reported by the engine after suppressions are applied; it has nothing to check by itself. */
public final class UnusedSuppression extends Rule {
  public UnusedSuppression() {
    super("PT190", "unused-suppression", Category.SYNTAX, Severity.WARNING,
        "a suppression comment that suppresses nothing",
        new RuleDoc(
            "`# ptree: disable=PT303` silences the named rules on its own line (or, alone on a"
                + " line, on the next line); `# ptree: disable-file=PT202` in the whole file. A"
                + " code that silenced nothing in this run is reported, as is an unknown code.",
            "Stale suppressions hide the next real finding at that place.",
            "total: 4  # ptree: disable=PT303     # nothing to silence here",
            "No fix: delete the code from the comment."));
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    // The engine knows which suppressions were used; see dev.ptree.engine.Suppressions.
  }
}
