package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.Escaper;
import java.util.ArrayList;
import java.util.HashMap;
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

  /** Entry index → why it is never sent, for the entries of one config file. */
  static Map<Integer, String> of(ConfigFile file, List<WorkspaceContext.Bound> bindings) {
    Map<Integer, String> unsent = null;
    for (WorkspaceContext.Bound b : bindings) {
      if (b.merge() == null || b.set() == null || !b.set().files().contains(file)) {
        continue;
      }
      Map<Integer, String> here = new HashMap<>();
      for (NovaMerge.Event e : b.merge().events()) {
        if (e.entry().file() == file && (e instanceof NovaMerge.NotFound || e instanceof NovaMerge.NoComputeNodeRoot)) {
          here.put(e.entry().provider().index(), "no provider of the bound tree " + Escaper.quote(b.tree().path())
              + " receives this entry, so nova sends none of it");
        }
      }
      if (unsent == null) {
        unsent = here;
      } else {
        unsent.keySet().retainAll(here.keySet()); // sent for some bound tree: the finding stands
      }
    }
    return unsent == null ? Map.of() : unsent;
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
