package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.Capacity;
import dev.ptree.model.EffectiveTree;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.schema.InventorySchema;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.PythonRepr;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Hover on an inventory record: the effective record (Placement's defaults, the capacity, the
 * float32 ratio Placement stores), and what the bound provider configs do with it.
 */
final class RecordHover {
  private RecordHover() {}

  /** On a provider config's record: the record, and which tree providers nova adds it to. */
  static String config(Workspace ws, Workspace.Document d, ProviderEntry entry, InventoryRecord r) {
    StringBuilder sb = new StringBuilder();
    sb.append(recordTable(r, EffectiveTree.inventory(r, d.path())));
    if (entry == null || entry.identification() == null) {
      return sb.toString();
    }
    List<Matches.Result> results = Matches.of(ws, d, entry);
    if (results.isEmpty()) {
      sb.append("\n\n").append(IdentificationHover.noBinding(d));
      return sb.toString();
    }
    for (Matches.Result m : results) {
      List<String> targets = new ArrayList<>();
      for (TreeProvider t : IdentificationHover.first(m.applied())) {
        targets.add(Md.code(t.label()));
      }
      if (m.applied().size() > targets.size()) {
        targets.add("and " + (m.applied().size() - targets.size()) + " more");
      }
      sb.append("\n\nIn ").append(Md.file(m.tree().path())).append(": ");
      sb.append(targets.isEmpty() ? "added to no provider." : "nova adds it to " + String.join(", ", targets) + ".");
      for (NovaMerge.Event e : m.bound().merge().events()) {
        if (e instanceof NovaMerge.OwnedInventory o && o.added() == r) {
          sb.append("\n\n- nova raises ValueError: ").append(Md.code(o.provider().label()))
              .append(" already has ").append(Md.code(r.resourceClass())).append(" in its inventory");
        }
      }
    }
    return sb.toString();
  }

  /** On a tree provider's record: the record as merged, and what bound configs add. */
  static String tree(Workspace ws, Workspace.Document d, TreeProvider p, InventoryRecord r) {
    EffectiveTree.Provider e = p == null ? null : TreeHover.effective(ws, d, p);
    EffectiveTree.Inventory inv = null;
    if (e != null) {
      for (EffectiveTree.Inventory i : e.inventory()) {
        if (i.resourceClass().equals(r.resourceClass()) && i.sourcePath().equals(d.path())) {
          inv = i;
        }
      }
    }
    StringBuilder sb = new StringBuilder(recordTable(r, inv != null ? inv : EffectiveTree.inventory(r, d.path())));
    if (e != null) {
      String merged = merged(ws, d.tree(), p);
      if (!merged.isEmpty()) {
        sb.append("\n\n").append(merged);
      }
      for (String note : e.notes()) {
        sb.append("\n\n- ").append(Md.text(note));
      }
    }
    return sb.toString();
  }

  /** What the bound configs add to a tree provider, entry by entry. */
  private static String merged(Workspace ws, TreeFile tree, TreeProvider p) {
    StringBuilder sb = new StringBuilder();
    for (WorkspaceContext.Bound b : ws.context().bindings()) {
      if (b.tree() != tree || b.merge() == null) {
        continue;
      }
      for (NovaMerge.Addition a : b.merge().additions(p)) {
        sb.append(sb.length() == 0 ? "Bound provider configs add to " + Md.code(p.label()) + ":\n" : "").append("\n- ");
        if (a.record() != null) {
          Double capacity = Capacity.of(a.record());
          sb.append("inventory ").append(Md.code(a.record().resourceClass()));
          if (capacity != null) {
            sb.append(" (capacity ").append(Capacity.show(capacity)).append(')');
          }
        } else {
          sb.append("trait ").append(Md.code(a.trait().name()));
        }
        sb.append(" from ").append(Md.file(a.entry().file().path())).append(" (")
            .append(Md.code(a.entry().key())).append(')');
      }
    }
    return sb.toString();
  }

  /** The effective record with Placement's defaults marked, the capacity and the stored ratio. */
  private static String recordTable(InventoryRecord r, EffectiveTree.Inventory inv) {
    StringBuilder sb = new StringBuilder();
    sb.append("**Inventory** ").append(Md.code(r.resourceClass() == null ? "?" : r.resourceClass()))
        .append(" as Placement will hold it\n\n| field | value |\n|---|---|\n");
    sb.append("| total | ").append(integer(r, InventorySchema.TOTAL.name(), inv.total())).append(" |\n");
    sb.append("| reserved | ").append(integer(r, InventorySchema.RESERVED.name(), inv.reserved())).append(" |\n");
    sb.append("| min_unit | ").append(integer(r, InventorySchema.MIN_UNIT.name(), inv.minUnit())).append(" |\n");
    sb.append("| max_unit | ").append(integer(r, InventorySchema.MAX_UNIT.name(), inv.maxUnit())).append(" |\n");
    sb.append("| step_size | ").append(integer(r, InventorySchema.STEP_SIZE.name(), inv.stepSize())).append(" |\n");
    sb.append("| allocation_ratio | ").append(ratio(r, inv)).append(" |\n\n");
    if (inv.capacity() == null) {
      sb.append("capacity unknown: total, reserved or allocation_ratio is not a usable number");
    } else if (Capacity.fails(inv.capacity())) {
      sb.append("capacity int((").append(inv.total()).append(" − ").append(inv.reserved()).append(") × ")
          .append(PythonRepr.of(inv.allocationRatio())).append(") raises in Python: Placement answers 500");
    } else {
      sb.append("capacity ").append(Capacity.show(inv.capacity())).append(" = int((").append(inv.total())
          .append(" − ").append(inv.reserved()).append(") × ").append(PythonRepr.of(inv.allocationRatio()))
          .append(')');
      if (inv.capacity() == 0) {
        sb.append(": Placement accepts it, but nothing can be allocated");
      }
    }
    return sb.toString();
  }

  private static String integer(InventoryRecord r, String field, Long value) {
    YNode node = r.field(field);
    if (node == null) {
      return InventorySchema.RECORD.child(field).isRequired() ? "missing (required)" : NovaSchema.defaultOf(field) + " *(default)*";
    }
    if (value == null) {
      return written(node) + " *(not an integer)*";
    }
    return value.toString();
  }

  private static String ratio(InventoryRecord r, EffectiveTree.Inventory inv) {
    YNode node = r.field(InventorySchema.ALLOCATION_RATIO.name());
    if (inv.allocationRatio() == null) {
      return written(node) + " *(not a number)*";
    }
    String written = PythonRepr.of(inv.allocationRatio());
    String shown = node == null ? written + " *(default)*" : written;
    double stored = inv.storedRatio();
    if (Double.isNaN(stored) || stored == inv.allocationRatio()) {
      return shown + ", stored exactly as float32";
    }
    return shown + ", stored as " + PythonRepr.of(stored) + " (float32)";
  }

  private static String written(YNode node) {
    return node instanceof YScalar s ? Md.code(s.text()) : "a " + node.kind().label();
  }
}
