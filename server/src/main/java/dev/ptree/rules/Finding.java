package dev.ptree.rules;

import dev.ptree.text.Span;
import java.util.List;

/** One diagnostic: a rule firing at an exact span of one document. */
public record Finding(RuleInfo rule, Severity severity, String path, Span span, String message,
    List<Related> related, List<Fix> fixes) {

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, path, span, message, related, fixes);
  }

  public String code() {
    return rule.code();
  }
}
