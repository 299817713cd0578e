package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NameUse;

/** A rule about resource class and trait names: it sees each name once, provider by provider. */
public abstract class NameRule extends Rule {
  protected NameRule(String code, String name, Category category, Severity severity, String summary,
      RuleDoc doc) {
    super(code, name, category, severity, summary, doc);
  }

  @Override
  public final Scope scope() {
    return Scope.PROVIDER;
  }

  @Override
  public final void check(ConfigSetContext context, Reporter out) {
    context.forEachProvider((file, p) -> {
      for (NameUse use : p.names()) {
        checkName(file, p, use, out);
      }
    });
  }

  /** The name in its provider entry; by default {@link #checkName(ConfigFile, NameUse, Reporter)}. */
  protected void checkName(ConfigFile file, dev.ptree.model.ProviderEntry entry, NameUse use, Reporter out) {
    checkName(file, use, out);
  }

  protected abstract void checkName(ConfigFile file, NameUse use, Reporter out);
}
