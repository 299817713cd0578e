package dev.ptree.rules;

/**
 * A rule that reads across files: tree structure, and configs merged into the trees they bind.
 * One that reads {@link RuleInfo.Input#BINDINGS} runs once per binding of a tree to a config
 * directory (its context holds that binding, its tree and its set) and reruns when either side
 * changes; the others run once per group of linked trees (trees that share a uuid, a name or a
 * reference), so a tree edit reruns only its group.
 */
public abstract non-sealed class WorkspaceRule extends Rule {
  protected WorkspaceRule(RuleInfo info) {
    super(info.treesInsteadOfConfigs());
  }

  public abstract void check(WorkspaceContext workspace, Reporter out);
}
