package dev.ptree.rules;

/**
 * A rule that reads across files: tree structure, and configs merged into the trees they bind.
 * One that reads {@link RuleInfo.Input#BINDINGS} reruns when a bound config set changes; the
 * others read the tree files alone, and the engine reuses their findings while no tree changes.
 */
public abstract non-sealed class WorkspaceRule extends Rule {
  protected WorkspaceRule(RuleInfo info) {
    super(info.treesInsteadOfConfigs());
  }

  public abstract void check(WorkspaceContext workspace, Reporter out);
}
