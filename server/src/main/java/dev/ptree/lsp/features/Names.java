package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.NameUse;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeProvider;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

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
      forEach(d, u -> {
        if (u.kind() == kind && u.name().equals(name)) {
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
      forEach(d, u -> {
        if (u.kind() == kind) {
          out.merge(u.name(), 1, Integer::sum);
        }
      });
    }
    return out;
  }

  private static void forEach(Workspace.Document d, Consumer<NameUse> action) {
    if (d.tree() != null) {
      for (TreeProvider p : d.tree().providers()) {
        p.entry().names().forEach(action);
      }
    } else if (d.config() != null && d.kind() == Workspace.Kind.CONFIG) {
      List<ProviderEntry> providers = d.config().providers();
      for (ProviderEntry p : providers) {
        p.names().forEach(action);
      }
    }
  }
}
