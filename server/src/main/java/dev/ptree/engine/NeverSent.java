package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NovaMerge;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.Escaper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Config entries that the trees their set is bound to give nothing to send for. nova sends an
 * entry's inventories and traits to Placement only for a provider the merge finds; where every
 * bound tree has none, what Placement would refuse never reaches it on those hosts, so such a
 * finding ({@link Finding#sentBy()}) is lowered to a warning that says why. A set bound to no tree
 * keeps its errors: the entry is then taken to reach the provider it names.
 */
final class NeverSent {
  private NeverSent() {}

  /**
   * For every bound config file: entry index → why it is never sent. One pass over the bindings
   * and their merges' events, so a snapshot pays for the bindings, not for files × bindings.
   */
  static Map<ConfigFile, Map<Integer, String>> byFile(List<WorkspaceContext.Bound> bindings) {
    Map<ConfigFile, Map<Integer, String>> out = new IdentityHashMap<>();
    for (WorkspaceContext.Bound b : bindings) {
      if (b.merge() == null || b.set() == null) {
        continue;
      }
      Map<ConfigFile, Map<Integer, String>> here = new IdentityHashMap<>();
      for (NovaMerge.Event e : b.merge().events()) {
        if (e instanceof NovaMerge.NotFound || e instanceof NovaMerge.NoComputeNodeRoot) {
          here.computeIfAbsent(e.entry().file(), f -> new HashMap<>()).put(e.entry().provider().index(),
              "no provider of the bound tree " + Escaper.quote(b.tree().path())
                  + " receives this entry, so nova sends none of it");
        }
      }
      for (ConfigFile f : b.set().files()) {
        Map<Integer, String> mine = here.getOrDefault(f, Map.of());
        Map<Integer, String> sofar = out.get(f);
        if (sofar == null) {
          out.put(f, new HashMap<>(mine));
        } else {
          sofar.keySet().retainAll(mine.keySet()); // sent for some bound tree: the finding stands
        }
      }
    }
    return out;
  }

  static List<Finding> lower(List<Finding> findings, Map<Integer, String> unsent) {
    if (unsent.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      String why = f.sentBy() < 0 ? null : unsent.get(f.sentBy());
      out.add(why == null ? f : f.neverSent(why));
    }
    return out;
  }
}
