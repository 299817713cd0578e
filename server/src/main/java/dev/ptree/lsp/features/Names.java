package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NameUse;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TraitItem;
import dev.ptree.model.TreeProvider;
import java.util.Map;
import java.util.TreeMap;

/** Trait and resource class names as the workspace writes them, across provider configs and trees. */
final class Names {
  private Names() {}

  /** How often each file writes a name, split by dialect; files in path order. */
  record Uses(Map<String, Integer> configs, Map<String, Integer> trees) {
    int files() {
      return configs.size() + trees.size();
    }

    int total() {
      return configs.values().stream().mapToInt(Integer::intValue).sum()
          + trees.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  static Uses uses(Workspace ws, NameUse.Kind kind, String name) {
    Map<String, Integer> configs = new TreeMap<>();
    Map<String, Integer> trees = new TreeMap<>();
    for (Workspace.Document d : ws.documents()) {
      Map<String, Integer> into = d.tree() != null ? trees : configs;
      forEach(d, (k, n) -> {
        if (k == kind && n.equals(name)) {
          into.merge(d.path(), 1, Integer::sum);
        }
      });
    }
    return new Uses(configs, trees);
  }

  /** Every name of one kind the workspace writes, with how many times, in name order. */
  static Map<String, Integer> all(Workspace ws, NameUse.Kind kind) {
    Map<String, Integer> out = new TreeMap<>();
    for (Workspace.Document d : ws.documents()) {
      forEach(d, (k, n) -> {
        if (k == kind) {
          out.merge(n, 1, Integer::sum);
        }
      });
    }
    return out;
  }

  /** Every resource class key and trait name the document writes, without building lists. */
  private static void forEach(Workspace.Document d, NameAction action) {
    if (d.tree() != null) {
      for (TreeProvider p : d.tree().providers()) {
        each(p.entry(), action);
      }
    } else if (d.config() != null && d.kind() == Workspace.Kind.CONFIG) {
      for (ProviderEntry p : d.config().providers()) {
        each(p, action);
      }
    }
  }

  private static void each(ProviderEntry p, NameAction action) {
    for (InventoryRecord r : p.records()) {
      if (r.resourceClass() != null) {
        action.accept(NameUse.Kind.RESOURCE_CLASS, r.resourceClass());
      }
    }
    for (TraitItem t : p.traits()) {
      if (t.name() != null) {
        action.accept(NameUse.Kind.TRAIT, t.name());
      }
    }
  }

  private interface NameAction {
    void accept(NameUse.Kind kind, String name);
  }
}
