package dev.ptree.rules;

/**
 * One rule: its identity and documentation ({@link #info()}) and a pure check over a config set.
 * Rules never throw on purpose; the engine isolates one that does.
 */
public abstract class Rule {
  private final RuleInfo info;

  protected Rule(String code, String name, Category category, Severity severity, String summary,
      RuleDoc doc) {
    this.info = new RuleInfo(code, name, category, severity, summary, doc);
  }

  public final RuleInfo info() {
    return info;
  }

  public final String code() {
    return info.code();
  }

  public abstract void check(ConfigSetContext context, Reporter out);

  /** What a rule reads, which tells the engine how it may split the work. */
  public enum Scope {
    /** Anything in the config set. */
    SET,
    /**
     * Only providers, one at a time, through {@link ConfigSetContext#forEachProvider}: the engine
     * may run it on slices of a file's providers.
     */
    PROVIDER,
    /**
     * The whole workspace: every tree file and config set at once, through {@link
     * #checkWorkspace}; the engine reruns such a rule after any change.
     */
    WORKSPACE
  }

  public Scope scope() {
    return Scope.SET;
  }

  /** Whether the rule reads provider config sets through {@link #check}. */
  public boolean readsConfigs() {
    return true;
  }

  /**
   * Whether {@link #check} also reads provider tree files: each is then passed alone, seen
   * through {@link dev.ptree.model.TreeFile#view()}.
   */
  public boolean readsTrees() {
    return false;
  }

  /** For {@link Scope#WORKSPACE} rules: the cross-file check. */
  public void checkWorkspace(WorkspaceContext workspace, Reporter out) {
  }
}
