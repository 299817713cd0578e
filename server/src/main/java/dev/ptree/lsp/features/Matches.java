package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.ConfigFile;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.WorkspaceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which tree providers a provider config entry reaches, read from the merges the snapshot
 * predicted for each tree that binds the entry's config set ({@link NovaMerge}).
 */
final class Matches {
  private Matches() {}

  /**
   * One binding's answer. {@code applied}: the providers that receive the entry's additions;
   * {@code conflicts}: providers the entry reaches where nova raises (matched twice);
   * {@code skipped}: for {@code $COMPUTE_NODE}, the compute-node roots left out because another
   * entry names them; {@code notFound}: the entry reaches nothing; {@code shadowed}: an earlier
   * entry has the same identification, so nova refuses the directory and this one counts for
   * nothing.
   */
  record Result(WorkspaceContext.Bound bound, List<TreeProvider> applied, List<TreeProvider> conflicts,
      List<TreeProvider> skipped, boolean notFound, boolean shadowed) {
    TreeFile tree() {
      return bound.tree();
    }
  }

  /** The tree bindings of a config document's set; empty when no tree binds it. */
  static List<WorkspaceContext.Bound> bindings(Workspace ws, Workspace.Document config) {
    List<WorkspaceContext.Bound> out = new ArrayList<>();
    String dir = config.directory();
    for (WorkspaceContext.Bound b : ws.context().bindings()) {
      if (b.set() != null && b.merge() != null && Objects.equals(b.binding().directory(), dir)) {
        out.add(b);
      }
    }
    return out;
  }

  static List<Result> of(Workspace ws, Workspace.Document config, ProviderEntry entry) {
    List<Result> out = new ArrayList<>();
    if (entry == null || entry.identification() == null) {
      return out;
    }
    for (WorkspaceContext.Bound b : bindings(ws, config)) {
      out.add(one(ws.index(), b, entry));
    }
    return out;
  }

  private static Result one(ProviderIndex index, WorkspaceContext.Bound b, ProviderEntry entry) {
    NovaMerge merge = b.merge();
    TreeFile tree = b.tree();
    String key = entry.identification().value();
    boolean shadowed = false;
    Set<String> keys = new HashSet<>();
    boolean found = false;
    for (ConfigFile f : b.set().files()) {
      if (!f.loadedByNova()) {
        continue;
      }
      for (ProviderEntry p : f.providers()) {
        if (p.identification() == null) {
          continue;
        }
        keys.add(p.identification().value());
        if (!found && p.identification().value().equals(key)) {
          found = true;
          shadowed = p != entry;
        }
      }
    }
    List<TreeProvider> applied = new ArrayList<>();
    List<TreeProvider> skipped = new ArrayList<>();
    boolean computeNode = entry.identification().isComputeNodeUuid();
    for (TreeProvider p : tree.providers()) {
      NovaMerge.Entry by = merge.matchedBy(p);
      if (by != null && by.provider() == entry) {
        applied.add(p);
      } else if (computeNode && isRoot(index, tree, p) && hasComputeNodeTrait(p)
          && (p.name() != null && keys.contains(p.name()) || p.uuid() != null && keys.contains(p.uuid()))) {
        skipped.add(p);
      }
    }
    List<TreeProvider> conflicts = new ArrayList<>();
    boolean notFound = false;
    for (NovaMerge.Event e : merge.events()) {
      if (e.entry().provider() != entry) {
        continue;
      }
      if (e instanceof NovaMerge.MatchedTwice m) {
        conflicts.add(m.provider());
      } else if (e instanceof NovaMerge.NotFound || e instanceof NovaMerge.NoComputeNodeRoot) {
        notFound = true;
      }
    }
    return new Result(b, List.copyOf(applied), List.copyOf(conflicts), List.copyOf(skipped),
        notFound && applied.isEmpty() && conflicts.isEmpty(), shadowed);
  }

  /** A root as nova's ProviderTree for this file holds it: no parent in the same file. */
  static boolean isRoot(ProviderIndex index, TreeFile tree, TreeProvider p) {
    ProviderIndex.Located up = index.parent(tree, p);
    return up == null || up.file() != tree;
  }

  static boolean hasComputeNodeTrait(TreeProvider p) {
    return p.traits().stream().anyMatch(t -> "COMPUTE_NODE".equals(t.name()));
  }

  /**
   * The entries of every binding that reach a tree provider: the one whose additions it receives,
   * and any that reach it a second time (where nova raises).
   */
  static List<NovaMerge.Entry> reaching(Workspace ws, TreeFile tree, TreeProvider p) {
    List<NovaMerge.Entry> out = new ArrayList<>();
    for (WorkspaceContext.Bound b : ws.context().bindings()) {
      if (b.tree() != tree || b.merge() == null) {
        continue;
      }
      NovaMerge.Entry by = b.merge().matchedBy(p);
      if (by != null) {
        out.add(by);
      }
      for (NovaMerge.Event e : b.merge().events()) {
        if (e instanceof NovaMerge.MatchedTwice m && m.provider() == p) {
          out.add(m.entry());
        }
      }
    }
    return out;
  }
}
