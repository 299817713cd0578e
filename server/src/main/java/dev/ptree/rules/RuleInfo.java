package dev.ptree.rules;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a rule is, independent of any run: the source of `ptree explain`, hovers, SARIF and the
 * editor's tags, and of what the engine hands the rule.
 *
 * @param reads what the rule reads: provider configs, tree files (a provider or config-set rule
 *     then also sees each tree through its config view), the bindings of configs to trees, and
 *     the files nova never loads
 * @param offersFixes whether some of its findings carry a fix (kept true by the fixture tests)
 * @param tags how editors should render its findings, and whether they can be suppressed
 * @param securitySeverity for findings that can hide or forge what an operator reads: the score
 *     code-scanning tools rank them by (0.1-3.9 low, 4.0-6.9 medium); null for the correctness and
 *     availability rules
 */
public record RuleInfo(String code, String name, Category category, Severity defaultSeverity,
    String summary, RuleDoc doc, Set<Input> reads, boolean offersFixes, Set<Tag> tags,
    String securitySeverity) {

  public enum Input { CONFIGS, TREES, BINDINGS, UNLOADED_FILES }

  public enum Tag {
    /** The finding marks text that does nothing (an editor fades it). */
    UNNECESSARY,
    /** A suppression comment cannot silence the finding: it is about suppression comments. */
    NOT_SUPPRESSIBLE
  }

  public RuleInfo {
    reads = Collections.unmodifiableSet(copy(reads, Input.class));
    tags = Collections.unmodifiableSet(copy(tags, Tag.class));
  }

  /** A rule reading provider configs, without fixes or tags; chain the rest. */
  public static RuleInfo of(String code, String name, Category category, Severity severity,
      String summary, RuleDoc doc) {
    return new RuleInfo(code, name, category, severity, summary, doc, Set.of(Input.CONFIGS), false,
        Set.of(), null);
  }

  public RuleInfo reading(Input... more) {
    EnumSet<Input> all = copy(reads, Input.class);
    all.addAll(Set.of(more));
    return withReads(all);
  }

  /** For rules that read tree files and no provider config on its own. */
  RuleInfo treesInsteadOfConfigs() {
    EnumSet<Input> all = copy(reads, Input.class);
    all.remove(Input.CONFIGS);
    all.add(Input.TREES);
    return withReads(all);
  }

  public RuleInfo withFixes() {
    return new RuleInfo(code, name, category, defaultSeverity, summary, doc, reads, true, tags, securitySeverity);
  }

  public RuleInfo tagged(Tag... more) {
    EnumSet<Tag> all = copy(tags, Tag.class);
    all.addAll(Set.of(more));
    return new RuleInfo(code, name, category, defaultSeverity, summary, doc, reads, offersFixes, all, securitySeverity);
  }

  public RuleInfo securitySeverity(String score) {
    return new RuleInfo(code, name, category, defaultSeverity, summary, doc, reads, offersFixes, tags, score);
  }

  public boolean reads(Input input) {
    return reads.contains(input);
  }

  private RuleInfo withReads(Set<Input> all) {
    return new RuleInfo(code, name, category, defaultSeverity, summary, doc, all, offersFixes, tags, securitySeverity);
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> set, Class<E> type) {
    return set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set);
  }
}
