package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.Capacity;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.schema.InventorySchema;
import dev.ptree.text.PythonRepr;
import java.util.List;

/** The tooltips inlay hints get on resolve: how a capacity is computed, which providers an entry reaches. */
final class HintTooltips {
  private HintTooltips() {}

  /** At most this many providers are listed; the rest are counted. */
  static final int MAX_LISTED = 20;

  static String capacity(Workspace.Document d, int offset) {
    List<ProviderEntry> entries = d.tree() != null
        ? d.tree().providers().stream().map(TreeProvider::entry).toList() : d.config().providers();
    for (ProviderEntry p : entries) {
      for (InventoryRecord r : p.records()) {
        if (Folding.lastCharacter(d.source().text(), Locate.span(r.entry())) + 1 != offset) {
          continue;
        }
        Double capacity = Capacity.of(r);
        Double ratio = r.allocationRatio();
        if (capacity == null || ratio == null) {
          return null;
        }
        long total = r.integerField(InventorySchema.TOTAL.name());
        long reserved = r.integerOrDefault(InventorySchema.RESERVED.name());
        StringBuilder sb = new StringBuilder("**Capacity** of ").append(Md.code(r.resourceClass())).append("\n\n")
            .append("int((total − reserved) × allocation_ratio) = int((").append(total).append(" − ").append(reserved)
            .append(") × ").append(PythonRepr.of(ratio)).append(") = ").append(Capacity.show(capacity));
        if (r.field(InventorySchema.RESERVED.name()) == null || r.field(InventorySchema.ALLOCATION_RATIO.name()) == null) {
          sb.append("\n\nPlacement's defaults fill what is not written (reserved ")
              .append(NovaSchema.defaultOf(InventorySchema.RESERVED.name())).append(", allocation_ratio 1.0).");
        }
        if (!Double.isNaN(ratio) && (double) ratio.floatValue() != ratio) {
          sb.append("\n\nPlacement stores allocation_ratio in a single-precision (float32) column: ")
              .append(Md.code(PythonRepr.of(ratio))).append(" is kept as ")
              .append(Md.code(PythonRepr.of(ratio.floatValue()))).append(".");
        }
        return sb.toString();
      }
    }
    return null;
  }

  static String reach(Workspace ws, Workspace.Document d, int offset) {
    if (d.config() == null) {
      return null;
    }
    for (var e : EntryReach.ofConfig(ws, d).entrySet()) {
      ProviderEntry p = e.getKey();
      if (p.identification().entry().value().span().end() != offset) {
        continue;
      }
      EntryReach.Reached r = e.getValue();
      StringBuilder sb = new StringBuilder("**What nova's merge applies this entry to**, in the trees that bind ")
          .append(Md.file(d.directory())).append("\n\n");
      if (r.dropped()) {
        return sb.append("Nothing: the entry adds no inventory and no trait, and nova's loader drops it.").toString();
      }
      if (r.shadowed()) {
        return sb.append("Nothing: another entry has the same identification, and nova refuses the directory.").toString();
      }
      if (r.applied().isEmpty()) {
        sb.append(p.identification().isComputeNode() ? "No compute-node root (trait `COMPUTE_NODE`, not named by another entry)."
            : "No provider of the bound trees has this " + p.identification().method() + ": nova logs it and ignores the entry.");
      }
      list(sb, r.applied(), "");
      list(sb, r.conflicts(), " — matched twice: nova's merge raises ValueError");
      return sb.toString();
    }
    return null;
  }

  private static void list(StringBuilder sb, List<EntryReach.Target> targets, String note) {
    int shown = 0;
    for (EntryReach.Target t : targets) {
      if (shown++ == MAX_LISTED) {
        sb.append("- … and ").append(targets.size() - MAX_LISTED).append(" more\n");
        break;
      }
      sb.append("- ").append(Md.code(t.provider().label())).append(" in ").append(Md.file(t.tree().path()))
          .append(note).append("\n");
    }
  }
}
