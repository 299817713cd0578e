package dev.ptree.rules;

/** A rule that reads across files: tree structure, and configs merged into the trees they bind. */
public abstract class WorkspaceRule extends Rule {
  protected WorkspaceRule(String code, String name, Category category, Severity severity, String summary,
      RuleDoc doc) {
    super(code, name, category, severity, summary, doc);
  }

  @Override
  public final Scope scope() {
    return Scope.WORKSPACE;
  }

  @Override
  public final boolean readsConfigs() {
    return false;
  }

  @Override
  public final void check(ConfigSetContext context, Reporter out) {
  }

  @Override
  public abstract void checkWorkspace(WorkspaceContext workspace, Reporter out);

  /**
   * Whether the rule reads the bindings of config sets to trees; if not, it reads the tree files
   * alone, and the engine reuses its findings while no tree changes.
   */
  public boolean readsBindings() {
    return false;
  }
}
