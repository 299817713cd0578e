package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ProviderEntry;

/**
 * A rule about one provider entry at a time. It must not look at other providers: the engine
 * runs it on slices of a large file's providers, in parallel, and may reuse its findings for
 * providers an edit did not touch. In a tree file the entry is the tree provider's view as a
 * config entry ({@link dev.ptree.model.TreeFile#view()}), when the rule reads trees.
 */
public abstract non-sealed class ProviderRule extends Rule {
  protected ProviderRule(RuleInfo info) {
    super(info);
  }

  public abstract void check(ConfigFile file, ProviderEntry provider, Reporter out);
}
