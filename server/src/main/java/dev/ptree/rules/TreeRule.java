package dev.ptree.rules;

import dev.ptree.model.TreeFile;

/** A rule about one provider tree file on its own. */
public abstract non-sealed class TreeRule extends Rule {
  protected TreeRule(RuleInfo info) {
    super(info.treesInsteadOfConfigs());
  }

  public abstract void check(TreeFile tree, Reporter out);
}
