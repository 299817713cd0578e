package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.TreeFile;

/** A rule about one provider tree file on its own. */
public abstract class TreeRule extends Rule {
  protected TreeRule(String code, String name, Category category, Severity severity, String summary,
      RuleDoc doc) {
    super(code, name, category, severity, summary, doc);
  }

  @Override
  public final boolean readsConfigs() {
    return false;
  }

  @Override
  public final boolean readsTrees() {
    return true;
  }

  @Override
  public final void check(ConfigSetContext context, Reporter out) {
    for (ConfigFile f : context.files()) {
      if (f.tree() != null) {
        checkTree(f.tree(), out);
      }
    }
  }

  protected abstract void checkTree(TreeFile tree, Reporter out);
}
