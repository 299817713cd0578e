package dev.ptree.rules;

/**
 * One rule: its metadata ({@link #info()}) and one pure check. A rule is exactly one of a few
 * kinds, each with one check signature, and the kind says what the engine hands it:
 *
 * <ul>
 *   <li>{@link ProviderRule}: one provider entry at a time (the engine may slice large files);
 *   <li>{@link FileRule}: one file at a time, which the engine may hand one provider item at a time;
 *   <li>{@link ConfigSetRule}: one config set, the directory nova loads as a whole;
 *   <li>{@link TreeRule}: one provider tree file on its own;
 *   <li>{@link WorkspaceRule}: every tree file, and the config sets they bind;
 *   <li>{@link SuppressionRule}: one file's suppression comments, once the other rules ran.
 * </ul>
 *
 * Which dialects a provider or config-set rule reads, and whether it sees files nova never
 * loads, is metadata ({@link RuleInfo#reads()}), not code. Rules never throw on purpose; the
 * engine isolates one that does.
 */
public abstract sealed class Rule permits ProviderRule, FileRule, ConfigSetRule, TreeRule, WorkspaceRule,
    SuppressionRule {
  private final RuleInfo info;

  Rule(RuleInfo info) {
    this.info = info;
  }

  public final RuleInfo info() {
    return info;
  }

  public final String code() {
    return info.code();
  }

  @Override
  public final String toString() {
    return info.code() + " " + info.name();
  }
}
