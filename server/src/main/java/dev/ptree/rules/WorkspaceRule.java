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
}
