package dev.ptree.engine;

import dev.ptree.engine.Workspace.Change;
import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stage three of a snapshot: what spans files. Each part has one reuse rule:
 * <ul>
 *   <li>the provider index and the findings of the rules over the trees alone, per group of
 *       linked trees ({@link TreeGroups}): kept while no tree of the group changed;
 *   <li>one binding (a tree's entry naming a config set): its merge and the findings of the
 *       rules that read bindings, which read each binding on its own, are kept while the tree,
 *       the set's members and the parents the index gives the tree's providers are the same.
 *       Only the bindings of changed sets and of the trees in regrouped groups are looked at,
 *       found through the index of which trees bind a folder.
 * </ul>
 * The index of every tree at once, and the context with every binding, are built when asked for.
 */
final class CrossFile {
  /** One binding as merged and checked, with the set members it read (null: no set there). */
  private record Checked(WorkspaceContext.Bound bound, List<Document> members, List<Finding> findings) {}

  /** A tree's bindings in the order it writes them, checked against {@code index}. */
  private record Bindings(Document tree, ProviderIndex index, List<Checked> checked) {}

  static final CrossFile NONE = new CrossFile(TreeGroups.NONE, PersistentMap.empty(), PersistentMap.empty(),
      Trees.NONE, null, new AtomicReference<>(new ProviderIndex(List.of())));

  private final TreeGroups groups;
  private final PersistentMap<String, Bindings> byTree;
  /** Folder → the paths of the trees that bind it, in path order. */
  private final PersistentMap<String, List<String>> bindersOf;
  private final Trees trees;
  private final Map<String, dev.ptree.rules.ConfigSetContext> setContexts;
  /** Shared by the snapshots of the same trees, so they share one index of them. */
  private final AtomicReference<ProviderIndex> index;
  private volatile WorkspaceContext context;

  private CrossFile(TreeGroups groups, PersistentMap<String, Bindings> byTree,
      PersistentMap<String, List<String>> bindersOf, Trees trees,
      Map<String, dev.ptree.rules.ConfigSetContext> setContexts, AtomicReference<ProviderIndex> index) {
    this.groups = groups;
    this.byTree = byTree;
    this.bindersOf = bindersOf;
    this.trees = trees;
    this.setContexts = setContexts;
    this.index = index;
  }

  /**
   * The cross-file stage after these changes. {@code touchedSets}: the folders whose set was
   * checked again or dropped. {@code affected} receives the paths whose cross-file findings or
   * never-sent entries may differ from the previous snapshot's.
   */
  static CrossFile next(CrossFile previous, ConfigSets sets, Set<String> touchedSets, Trees trees,
      Collection<Change> changes, Engine engine, Set<String> affected) {
    Map<String, dev.ptree.rules.ConfigSetContext> contexts = sets.contexts();
    List<Change> treeChanges = Trees.changes(changes);
    TreeGroups groups = previous.groups;
    Set<String> rebind = new HashSet<>();
    if (!treeChanges.isEmpty()) {
      List<TreeGroups.Group> before = new ArrayList<>();
      List<TreeGroups.Group> after = new ArrayList<>();
      groups = TreeGroups.next(previous.groups, trees, treeChanges, contexts, engine, before, after);
      treeChanges.forEach(c -> rebind.add(c.path()));
      for (List<TreeGroups.Group> side : List.of(before, after)) {
        for (TreeGroups.Group g : side) {
          g.trees().forEach(d -> rebind.add(d.path()));
          affected.addAll(g.byPath().keySet());
        }
      }
      affected.addAll(rebind);
    }
    for (String folder : touchedSets) {
      rebind.addAll(previous.bindersOf.getOrDefault(folder, List.of()));
    }
    PersistentMap<String, Bindings> byTree = previous.byTree;
    PersistentMap<String, List<String>> bindersOf = previous.bindersOf;
    for (String path : rebind) {
      Bindings old = previous.byTree.get(path);
      Document tree = trees.get(path);
      Bindings now = tree == null ? null : bind(tree, old, groups.of(path).index(), sets, contexts, engine);
      if (now == old) {
        continue;
      }
      byTree = now == null ? byTree.remove(path) : byTree.put(path, now);
      Set<String> before = old == null ? Set.of() : folders(old.tree().tree());
      Set<String> after = now == null ? Set.of() : folders(tree.tree());
      for (String folder : before) {
        if (!after.contains(folder)) {
          bindersOf = PersistentMap.withoutValue(bindersOf, folder, path);
        }
      }
      for (String folder : after) {
        if (!before.contains(folder)) {
          bindersOf = with(bindersOf, folder, path);
        }
      }
      affected.add(path);
      for (Bindings b : new Bindings[] {old, now}) {
        if (b != null) {
          for (Checked c : b.checked()) {
            c.findings().forEach(f -> affected.add(f.path()));
            ConfigSets.ConfigSet set = sets.get(c.bound().binding().directory());
            if (set != null) {
              set.members().forEach(d -> affected.add(d.path()));
            }
          }
        }
      }
    }
    return new CrossFile(groups, byTree, bindersOf, trees, contexts, treeChanges.isEmpty() ? previous.index : new AtomicReference<>());
  }

  /** A tree's bindings checked again; the very same {@code old} when none of them can differ. */
  private static Bindings bind(Document tree, Bindings old, ProviderIndex index, ConfigSets sets,
      Map<String, dev.ptree.rules.ConfigSetContext> contexts, Engine engine) {
    boolean sameShape = old != null && old.tree() == tree && (old.index() == index || sameParents(tree.tree(), old.index(), index));
    List<TreeFile.Binding> bindings = tree.tree().bindings();
    List<Checked> out = new ArrayList<>(bindings.size());
    boolean reused = sameShape;
    for (int i = 0; i < bindings.size(); i++) {
      TreeFile.Binding b = bindings.get(i);
      ConfigSets.ConfigSet set = sets.get(b.directory());
      Checked before = sameShape ? old.checked().get(i) : null;
      if (before != null && (set == null ? before.members() == null
          : before.members() != null && Documents.same(before.members(), set.members()))) {
        out.add(before);
        continue;
      }
      reused = false;
      WorkspaceContext.Bound bound = set == null ? new WorkspaceContext.Bound(tree.tree(), b, null, null)
          : new WorkspaceContext.Bound(tree.tree(), b, set.context(), NovaMerge.of(tree.tree(), index, set.context().files()));
      WorkspaceContext one = new WorkspaceContext(index.files(), index, contexts, List.of(bound));
      out.add(new Checked(bound, set == null ? null : set.members(), engine.runWorkspace(one, true)));
    }
    if (reused && old.index() == index) {
      return old;
    }
    return new Bindings(tree, index, List.copyOf(out));
  }

  /**
   * Whether the index gives every provider of the tree the same parent in both (each index holds
   * the tree): its merges then agree.
   */
  private static boolean sameParents(TreeFile tree, ProviderIndex a, ProviderIndex b) {
    for (TreeProvider p : tree.providers()) {
      ProviderIndex.Located x = a.parent(tree, p);
      ProviderIndex.Located y = b.parent(tree, p);
      if (x == null ? y != null : y == null || x.provider() != y.provider()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> folders(TreeFile tree) {
    Set<String> out = new HashSet<>();
    tree.bindings().forEach(b -> out.add(b.directory()));
    return out;
  }

  private static PersistentMap<String, List<String>> with(PersistentMap<String, List<String>> map, String folder,
      String tree) {
    TreeSet<String> paths = new TreeSet<>(map.getOrDefault(folder, List.of()));
    paths.add(tree);
    return map.put(folder, List.copyOf(paths));
  }


  /** The index of every tree at once, built on first use after a tree changed. */
  ProviderIndex index() {
    ProviderIndex i = index.get();
    if (i == null) {
      index.compareAndSet(null, new ProviderIndex(trees.documents().stream().map(Document::tree).toList()));
      i = index.get();
    }
    return i;
  }

  /** Whether some tree binds this folder. */
  boolean bound(String folder) {
    return bindersOf.containsKey(folder);
  }

  /** The bindings that name a folder, in tree path order then as each tree writes them. */
  List<WorkspaceContext.Bound> bindingsOf(String folder) {
    List<WorkspaceContext.Bound> out = new ArrayList<>();
    for (String tree : bindersOf.getOrDefault(folder, List.of())) {
      for (Checked c : byTree.get(tree).checked()) {
        if (c.bound().binding().directory().equals(folder)) {
          out.add(c.bound());
        }
      }
    }
    return out;
  }

  /** What cross-file rules see, built on first use: every tree and every binding, in path order. */
  WorkspaceContext context() {
    WorkspaceContext c = context;
    if (c == null) {
      List<WorkspaceContext.Bound> bindings = new ArrayList<>();
      for (Document d : trees.documents()) {
        Bindings b = byTree.get(d.path());
        if (b != null) {
          b.checked().forEach(x -> bindings.add(x.bound()));
        }
      }
      c = new WorkspaceContext(index().files(), index(), setContexts, List.copyOf(bindings));
      context = c;
    }
    return c;
  }

  /** The cross-file findings of one document: the tree rules' and those of the bindings that read it. */
  List<Finding> raw(Document d) {
    List<Finding> fromTrees = d.kind() == Kind.TREE ? groups.findings(d.path()) : List.of();
    if (d.kind() == Kind.CONFIG && !bound(d.directory())) {
      return fromTrees;
    }
    List<Finding> out = new ArrayList<>(fromTrees);
    if (d.kind() == Kind.CONFIG) {
      String folder = d.directory();
      for (String tree : bindersOf.getOrDefault(folder, List.of())) {
        for (Checked c : byTree.get(tree).checked()) {
          if (c.bound().binding().directory().equals(folder)) {
            addOn(d.path(), c.findings(), out);
          }
        }
      }
    } else if (d.kind() == Kind.TREE) {
      Bindings b = byTree.get(d.path());
      if (b != null) {
        b.checked().forEach(c -> addOn(d.path(), c.findings(), out));
      }
    }
    return out;
  }

  private static void addOn(String path, List<Finding> findings, List<Finding> out) {
    for (Finding f : findings) {
      if (f.path().equals(path)) {
        out.add(f);
      }
    }
  }
}
