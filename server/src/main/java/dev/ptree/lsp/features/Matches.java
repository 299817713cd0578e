package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.WorkspaceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which tree providers a provider config entry reaches, read from the merges the snapshot
 * predicted for each tree that binds the entry's config set ({@link NovaMerge}).
 */
final class Matches {
  private Matches() {}

  /**
   * One binding's answer. {@code applied}: the providers the entry finds (nova writes its
   * additions by their uuids); {@code writtenTo}: where nova writes instead, when that lookup lands
   * on another provider (a root named with the found provider's uuid); {@code conflicts}:
   * providers the entry reaches where nova raises (matched twice); {@code skipped}: for
   * {@code $COMPUTE_NODE}, the compute-node roots left out because another entry names them;
   * {@code notFound}: the entry reaches nothing; {@code shadowed}: an earlier entry has the same
   * identification, so nova refuses the directory and this one counts for nothing;
   * {@code dropped}: a no-op entry, which nova's loader drops before anything else.
   */
  record Result(WorkspaceContext.Bound bound, List<TreeProvider> applied, List<NovaMerge.Redirected> writtenTo,
      List<TreeProvider> conflicts, List<TreeProvider> skipped, boolean notFound, boolean shadowed,
      boolean dropped) {
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
    if (entry.noOp()) {
      return new Result(b, List.of(), List.of(), List.of(), List.of(), false, false, true);
    }
    String key = entry.identification().value();
    boolean shadowed = merge.entries().stream().anyMatch(e -> e.key().equals(key) && e.provider() != entry);
    List<TreeProvider> applied = new ArrayList<>();
    List<TreeProvider> skipped = new ArrayList<>();
    boolean computeNode = entry.identification().isComputeNode();
    for (TreeProvider p : tree.providers()) {
      NovaMerge.Entry by = merge.matchedBy(p);
      if (by != null && by.provider() == entry) {
        applied.add(p);
      } else if (computeNode && isRoot(index, tree, p) && NovaMerge.isComputeNodeRoot(p) && merge.namedByKey(p)) {
        skipped.add(p);
      }
    }
    List<TreeProvider> conflicts = new ArrayList<>();
    List<NovaMerge.Redirected> writtenTo = new ArrayList<>();
    boolean notFound = false;
    for (NovaMerge.Event e : merge.events()) {
      if (e.entry().provider() != entry) {
        continue;
      }
      if (e instanceof NovaMerge.MatchedTwice m) {
        conflicts.add(m.provider());
      } else if (e instanceof NovaMerge.Redirected r) {
        writtenTo.add(r);
      } else if (e instanceof NovaMerge.NotFound || e instanceof NovaMerge.NoComputeNodeRoot) {
        notFound = true;
      }
    }
    return new Result(b, List.copyOf(applied), List.copyOf(writtenTo), List.copyOf(conflicts), List.copyOf(skipped),
        notFound && applied.isEmpty() && conflicts.isEmpty(), shadowed, false);
  }

  /** A root as nova's ProviderTree for this file holds it: no parent in the same file. */
  static boolean isRoot(ProviderIndex index, TreeFile tree, TreeProvider p) {
    ProviderIndex.Located up = index.parent(tree, p);
    return up == null || up.file() != tree;
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
