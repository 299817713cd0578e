package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.schema.ConfigSchema;
import java.util.List;

/** Hover on a provider config's identification: the tree providers nova's merge reaches with it. */
final class IdentificationHover {
  private IdentificationHover() {}

  /** Says that no tree binds the config's directory, and how to bind it. */
  static String noBinding(Workspace.Document config) {
    String dir = config.directory();
    return "No provider tree binds " + Md.code(dir == null || dir.isEmpty() ? "." : dir)
        + ": add it to a tree's `provider_configs` to see which providers this entry reaches.";
  }

  /** On a provider config entry's identification. */
  static String markdown(Workspace ws, Workspace.Document d, ProviderEntry entry) {
    var id = entry.identification();
    StringBuilder sb = new StringBuilder();
    sb.append("**Identification** ").append(Md.code(id.method() + ": " + id.value()));
    if (id.isComputeNode()) {
      sb.append("\n\nApplies to every root provider with the `COMPUTE_NODE` trait that no other entry"
          + " names by name or uuid.");
      if (id.method().equals(ConfigSchema.NAME.name())) {
        sb.append(" nova keys entries by `uuid or name`, so the name form is the sentinel too; the"
            + " documented spelling is `uuid: $COMPUTE_NODE` (PT204).");
      }
    }
    if (d.config() != null && !d.config().loadedByNova()) {
      sb.append("\n\nnova does not load this file (only `*.yaml`): the entry has no effect.");
      return sb.toString();
    }
    List<Matches.Result> results = Matches.of(ws, d, entry);
    if (results.isEmpty()) {
      sb.append("\n\n").append(noBinding(d));
      return sb.toString();
    }
    for (Matches.Result m : results) {
      sb.append("\n\nIn ").append(Md.file(m.tree().path())).append(':');
      if (m.shadowed()) {
        sb.append("\n- an earlier entry has the same identification: nova refuses the directory (PT201)");
        continue;
      }
      if (m.dropped()) {
        sb.append("\n- no additional inventories or traits: nova's loader drops the entry before the merge (PT202)");
        continue;
      }
      for (TreeProvider t : first(m.applied())) {
        sb.append("\n- ").append(id.isComputeNode() ? "applies to root " : "matches ")
            .append(Md.code(t.label()));
      }
      more(sb, m.applied(), id.isComputeNode() ? "roots it applies to" : "providers");
      for (NovaMerge.Redirected r : m.writtenTo()) {
        sb.append("\n- but nova writes by uuid, and root ").append(Md.code(r.writtenTo().label()))
            .append(" is named ").append(Md.code(r.found().uuid())).append(": the additions go to it, not to ")
            .append(Md.code(r.found().label())).append(" (PT214)");
      }
      for (TreeProvider t : first(m.skipped())) {
        sb.append("\n- skips root ").append(Md.code(t.label())).append(": another entry names it");
        NovaMerge.Entry by = m.bound().merge().matchedBy(t);
        if (by != null) {
          sb.append(" (").append(Md.code(by.key())).append(" in ").append(Md.file(by.file().path())).append(')');
        }
      }
      more(sb, m.skipped(), "roots it skips");
      for (TreeProvider t : m.conflicts()) {
        sb.append("\n- reaches ").append(Md.code(t.label()))
            .append(", which another entry already matched: nova raises ValueError (PT504)");
      }
      if (m.notFound()) {
        sb.append(id.isComputeNode()
            ? "\n- matches no root with the `COMPUTE_NODE` trait (PT505)"
            : "\n- matches no provider: nova logs it and ignores the entry (PT203)");
      }
    }
    return sb.toString();
  }

  /** At most this many providers are listed by name in one hover. */
  static final int MAX_LISTED = 20;

  /** The providers a hover lists by name: at most {@link #MAX_LISTED}. */
  static <T> List<T> first(List<T> all) {
    return all.size() <= MAX_LISTED ? all : all.subList(0, MAX_LISTED);
  }

  private static void more(StringBuilder sb, List<?> all, String what) {
    if (all.size() > MAX_LISTED) {
      sb.append("\n- … and ").append(all.size() - MAX_LISTED).append(" more ").append(what)
          .append(" (").append(all.size()).append(" in all)");
    }
  }
}
