package dev.ptree.rules.syntax;

import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.SuppressionRule;
import java.util.List;

public final class UnusedSuppression extends SuppressionRule {
  public UnusedSuppression() {
    super(RuleInfo.of("PT190", "unused-suppression", Category.SYNTAX, Severity.WARNING,
        "a suppression comment that suppresses nothing",
        new RuleDoc(
            "`# ptree: disable=PT303` silences the named rules on its own line (or, alone on a"
                + " line, on the next line); `# ptree: disable-file=PT202` in the whole file. A"
                + " code that silenced nothing in this run is reported, as is an unknown code.",
            "Stale suppressions hide the next real finding at that place.",
            "total: 4  # ptree: disable=PT303     # nothing to silence here",
            "No fix: delete the code from the comment."))
        .tagged(RuleInfo.Tag.UNNECESSARY, RuleInfo.Tag.NOT_SUPPRESSIBLE));
  }

  @Override
  public void check(String path, List<Unused> unused, Reporter out) {
    for (Unused u : unused) {
      if (u.rule() == null) {
        out.report(path, u.span(), "unknown rule {q} in a suppression comment", u.code());
      } else {
        out.report(path, u.span(), "suppression of {} is unused: nothing here triggers it", u.rule().code());
      }
    }
  }
}
