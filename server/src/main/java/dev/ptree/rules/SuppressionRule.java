package dev.ptree.rules;

import dev.ptree.text.Span;
import java.util.List;

/**
 * A rule over one file's suppression comments, after the other rules' findings were matched
 * against them: it sees the comments (or the codes in them) that silenced nothing.
 */
public abstract non-sealed class SuppressionRule extends Rule {
  protected SuppressionRule(RuleInfo info) {
    super(info);
  }

  /**
   * A code in a suppression comment that silenced nothing: {@code rule} is the rule it names, or
   * null for a code no rule has.
   */
  public record Unused(String code, RuleInfo rule, Span span) {}

  public abstract void check(String path, List<Unused> unused, Reporter out);
}
