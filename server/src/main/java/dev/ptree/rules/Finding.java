package dev.ptree.rules;

import dev.ptree.text.Message;
import dev.ptree.text.Span;
import java.util.List;

/**
 * One diagnostic: a rule firing at an exact span of one document. {@code sentBy}: for a finding
 * about what happens once nova sends a config entry to Placement, the index of that entry in its
 * file ({@link dev.ptree.model.ProviderEntry#index()}), else -1; the snapshot lowers such a
 * finding when the trees the set is bound to give the entry no provider to be sent for.
 */
public record Finding(RuleInfo rule, Severity severity, String path, Span span, String message,
    List<Related> related, List<Fix> fixes, int sentBy) {

  public Finding(RuleInfo rule, Severity severity, String path, Span span, String message,
      List<Related> related, List<Fix> fixes) {
    this(rule, severity, path, span, message, related, fixes, -1);
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, path, span, message, related, fixes, sentBy);
  }

  /** This finding for an entry nova never sends: at most a warning, saying why it never fails. */
  public Finding neverSent(String why) {
    Severity lowered = severity.compareTo(Severity.WARNING) < 0 ? Severity.WARNING : severity;
    return new Finding(rule, lowered, path, span, message + Message.format("; but {}", why), related, fixes, -1);
  }

  public String code() {
    return rule.code();
  }
}
