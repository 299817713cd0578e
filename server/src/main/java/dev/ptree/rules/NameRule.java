package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NameUse;
import dev.ptree.model.ProviderEntry;

/** A provider rule about resource class and trait names: it sees each name once. */
public abstract class NameRule extends ProviderRule {
  protected NameRule(RuleInfo info) {
    super(info);
  }

  @Override
  public final void check(ConfigFile file, ProviderEntry provider, Reporter out) {
    for (NameUse use : provider.names()) {
      checkName(file, provider, use, out);
    }
  }

  /** The name in its provider entry; by default {@link #checkName(ConfigFile, NameUse, Reporter)}. */
  protected void checkName(ConfigFile file, ProviderEntry entry, NameUse use, Reporter out) {
    checkName(file, use, out);
  }

  protected abstract void checkName(ConfigFile file, NameUse use, Reporter out);
}
