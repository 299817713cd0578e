package dev.ptree.engine;

import dev.ptree.engine.Workspace.Document;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage three of a snapshot: what spans files. Each part has one reuse rule:
 * <ul>
 *   <li>the provider index and the findings of the rules over the trees alone: kept while the
 *       tree documents are the very same ones;
 *   <li>the merge of one binding (a tree and a config set it names): kept while the tree, the
 *       set's members and the index are the very same;
 *   <li>the rules that read bindings: run again whenever there is a binding, since any config
 *       or tree may change what they find.
 * </ul>
 */
final class CrossFile {
  /** The index over a list of trees, and what the rules over those trees alone found. */
  record TreeIndex(List<Document> trees, ProviderIndex index, List<Finding> findings) {
    boolean reusableFor(List<Document> now) {
      return Documents.same(trees, now);
    }
  }

  /** A bound config set merged into its tree. */
  record Merge(Document tree, List<Document> members, ProviderIndex index, NovaMerge merge) {
    boolean reusableFor(Document tree, ConfigSets.ConfigSet set, ProviderIndex index) {
      return this.tree == tree && this.index == index && Documents.same(members, set.members());
    }
  }

  private record MergeKey(String tree, String directory) {}

  static final CrossFile NONE = new CrossFile(null, Map.of(), null, Map.of());

  private final TreeIndex treeIndex;
  private final Map<MergeKey, Merge> merges;
  private final WorkspaceContext context;
  private final Map<String, List<Finding>> byPath;

  private CrossFile(TreeIndex treeIndex, Map<MergeKey, Merge> merges, WorkspaceContext context,
      Map<String, List<Finding>> byPath) {
    this.treeIndex = treeIndex;
    this.merges = merges;
    this.context = context;
    this.byPath = byPath;
  }

  static CrossFile next(CrossFile previous, ConfigSets sets, Trees trees, Engine engine) {
    List<Document> treeDocs = trees.documents();
    TreeIndex kept = previous.treeIndex != null && previous.treeIndex.reusableFor(treeDocs) ? previous.treeIndex : null;
    ProviderIndex index = kept != null ? kept.index() : new ProviderIndex(treeDocs.stream().map(Document::tree).toList());
    Map<MergeKey, Merge> merges = new HashMap<>();
    List<WorkspaceContext.Bound> bindings = new ArrayList<>();
    for (Document d : treeDocs) {
      for (TreeFile.Binding b : d.tree().bindings()) {
        ConfigSets.ConfigSet set = sets.get(b.directory());
        if (set == null) {
          bindings.add(new WorkspaceContext.Bound(d.tree(), b, null, null));
          continue;
        }
        MergeKey key = new MergeKey(d.path(), b.directory());
        Merge old = previous.merges.get(key);
        Merge now = old != null && old.reusableFor(d, set, index) ? old
            : new Merge(d, set.members(), index, NovaMerge.of(d.tree(), index, set.context().files()));
        merges.put(key, now);
        bindings.add(new WorkspaceContext.Bound(d.tree(), b, set.context(), now.merge()));
      }
    }
    WorkspaceContext context = new WorkspaceContext(index.files(), index, sets.contexts(), List.copyOf(bindings));
    TreeIndex treeIndex = kept != null ? kept : new TreeIndex(treeDocs, index,
        treeDocs.isEmpty() ? List.of() : engine.runWorkspace(context, false));
    List<Finding> raw = new ArrayList<>(treeIndex.findings());
    if (!bindings.isEmpty()) {
      raw.addAll(engine.runWorkspace(context, true));
    }
    return new CrossFile(treeIndex, merges, context, Engine.byPath(raw));
  }

  ProviderIndex index() {
    return treeIndex.index();
  }

  WorkspaceContext context() {
    return context;
  }

  /** The cross-file findings of one document. */
  List<Finding> raw(String path) {
    return byPath.getOrDefault(path, List.of());
  }
}
