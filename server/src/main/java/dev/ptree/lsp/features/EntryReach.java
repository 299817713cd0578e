package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.WorkspaceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What nova's merge does with every entry of one config document, or to every provider of one
 * tree, read from the merges the snapshot predicted ({@link NovaMerge}) in one pass per binding:
 * inlay hints and code lenses ask for a whole document on every edit, where {@link Matches}
 * answers for one entry.
 */
final class EntryReach {
  private EntryReach() {}

  /** A tree provider and the tree file it is in. */
  record Target(TreeFile tree, TreeProvider provider) {}

  /**
   * One entry's reach over every binding of its set: {@code applied} the providers it finds,
   * {@code conflicts} those it reaches where nova raises (matched twice), {@code shadowed} when
   * another entry has the same identification (nova refuses the directory), {@code dropped} for a
   * no-op entry nova drops.
   */
  record Reached(List<Target> applied, List<Target> conflicts, boolean shadowed, boolean dropped) {}

  /** The number of trees that bind the document's config set; reach means nothing without one. */
  static int bindings(Workspace ws, Workspace.Document config) {
    return Matches.bindings(ws, config).size();
  }

  /** Each identified entry of a config document, with what it reaches in every bound tree. */
  static Map<ProviderEntry, Reached> ofConfig(Workspace ws, Workspace.Document config) {
    Map<ProviderEntry, List<Target>> applied = new IdentityHashMap<>();
    Map<ProviderEntry, List<Target>> conflicts = new IdentityHashMap<>();
    Map<ProviderEntry, Boolean> shadowed = new IdentityHashMap<>();
    List<ProviderEntry> entries = config.config() == null ? List.of() : config.config().providers();
    for (WorkspaceContext.Bound b : Matches.bindings(ws, config)) {
      NovaMerge merge = b.merge();
      Map<String, Integer> keys = new HashMap<>();
      for (NovaMerge.Entry e : merge.entries()) {
        keys.merge(e.key(), 1, Integer::sum);
      }
      for (ProviderEntry e : entries) {
        if (e.identification() != null && !e.noOp() && keys.getOrDefault(e.identification().value(), 0) > 1) {
          shadowed.put(e, true);
        }
      }
      for (TreeProvider p : b.tree().providers()) {
        NovaMerge.Entry by = merge.matchedBy(p);
        if (by != null) {
          applied.computeIfAbsent(by.provider(), k -> new ArrayList<>()).add(new Target(b.tree(), p));
        }
      }
      for (NovaMerge.Event ev : merge.events()) {
        if (ev instanceof NovaMerge.MatchedTwice m) {
          conflicts.computeIfAbsent(m.entry().provider(), k -> new ArrayList<>()).add(new Target(b.tree(), m.provider()));
        }
      }
    }
    Map<ProviderEntry, Reached> out = new IdentityHashMap<>();
    for (ProviderEntry e : entries) {
      if (e.identification() != null) {
        out.put(e, new Reached(applied.getOrDefault(e, List.of()), conflicts.getOrDefault(e, List.of()),
            shadowed.containsKey(e), e.noOp()));
      }
    }
    return out;
  }

  /** The config entries that reach each provider of a tree: the one it was found by, then any that reach it again. */
  static Map<TreeProvider, List<NovaMerge.Entry>> ofTree(Workspace ws, TreeFile tree) {
    Map<TreeProvider, List<NovaMerge.Entry>> out = new IdentityHashMap<>();
    for (WorkspaceContext.Bound b : ws.context().bindingsOf(tree)) {
      if (b.merge() == null) {
        continue;
      }
      for (TreeProvider p : tree.providers()) {
        NovaMerge.Entry by = b.merge().matchedBy(p);
        if (by != null) {
          out.computeIfAbsent(p, k -> new ArrayList<>()).add(by);
        }
      }
      for (NovaMerge.Event ev : b.merge().events()) {
        if (ev instanceof NovaMerge.MatchedTwice m) {
          out.computeIfAbsent(m.provider(), k -> new ArrayList<>()).add(m.entry());
        }
      }
    }
    return out;
  }

  /** Whether a tree binds any config set the snapshot holds. */
  static boolean isBound(Workspace ws, TreeFile tree) {
    return ws.context().bindingsOf(tree).stream().anyMatch(b -> b.merge() != null);
  }
}
