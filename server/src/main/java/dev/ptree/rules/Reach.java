package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ProviderEntry;
import dev.ptree.text.Span;

/**
 * Findings about what happens once nova sends an entry (Placement's answers, nova's merge). An
 * entry whose identification no provider Placement can hold ever matches is never sent: nova
 * logs it and ignores it on every update. Such a finding is then no error (nothing fails), but a
 * warning that says both what would fail and why it never does. The same holds where every tree
 * the config set is bound to has no provider for the entry: the snapshot lowers those findings
 * ({@link Finding#sentBy()}).
 */
public final class Reach {
  private Reach() {}

  public static Reporter.Builder report(Reporter out, ConfigFile file, ProviderEntry entry, Span span,
      String template, Object... args) {
    if (file.isTree()) {
      return out.report(file, span, template, args);
    }
    String why = entry.unreachable();
    if (why == null) {
      return out.report(file, span, template, args).sentBy(entry);
    }
    Object[] withWhy = java.util.Arrays.copyOf(args, args.length + 1);
    withWhy[args.length] = why;
    return out.report(file, span, template + "; but nova never sends this entry: {}", withWhy)
        .atMost(Severity.WARNING);
  }
}
