package dev.ptree.rules;

/**
 * A rule over one config set as nova loads it: the {@code *.yaml} files of one directory, or one
 * file checked alone. Unless the rule reads {@link RuleInfo.Input#UNLOADED_FILES}, the set holds
 * only the files nova reads; a tree file is passed as a set of its own view when the rule reads
 * {@link RuleInfo.Input#TREES}.
 */
public abstract non-sealed class ConfigSetRule extends Rule {
  protected ConfigSetRule(RuleInfo info) {
    super(info);
  }

  public abstract void check(ConfigSetContext set, Reporter out);
}
