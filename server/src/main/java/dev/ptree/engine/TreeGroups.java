package dev.ptree.engine;

import dev.ptree.engine.Workspace.Change;
import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree files in groups that share no provider uuid, name or reference value: the only ways
 * the provider index links one file to another (a reference resolves by uuid or by name, a
 * duplicate is one uuid or name twice, a name that is another provider's uuid is one string).
 * Each group has its own index and the findings of the rules over trees alone; those rules find
 * in a group what they would find with every tree indexed at once. So a tree edit rebuilds the
 * index of the groups the tree was and is in — usually the tree alone — not of the workspace.
 */
final class TreeGroups {
  /** One group: its trees in path order, their index, and what the tree rules found, by path. */
  record Group(List<Document> trees, ProviderIndex index, Map<String, List<Finding>> byPath) {}

  static final TreeGroups NONE = new TreeGroups(PersistentMap.empty(), PersistentMap.empty());

  private final PersistentMap<String, Group> byTree;
  /** A uuid, name or reference value → the paths of the trees that hold it. */
  private final PersistentMap<String, List<String>> treesWithKey;

  private TreeGroups(PersistentMap<String, Group> byTree, PersistentMap<String, List<String>> treesWithKey) {
    this.byTree = byTree;
    this.treesWithKey = treesWithKey;
  }

  /**
   * The groups after these changes of tree documents. {@code before} and {@code after} receive
   * the groups that were replaced and the groups built in their place.
   */
  static TreeGroups next(TreeGroups previous, Trees trees, Collection<Change> treeChanges,
      Map<String, ConfigSetContext> contexts, Engine engine, List<Group> before, List<Group> after) {
    PersistentMap<String, List<String>> keys = previous.treesWithKey;
    Set<String> seeds = new LinkedHashSet<>();
    Set<Group> replaced = new LinkedHashSet<>();
    for (Change c : treeChanges) {
      seeds.add(c.path());
      if (c.before() != null && c.before().kind() == Kind.TREE) {
        for (String k : keys(c.before().tree())) {
          keys = PersistentMap.withoutValue(keys, k, c.path());
        }
      }
      if (c.after() != null && c.after().kind() == Kind.TREE) {
        for (String k : keys(c.after().tree())) {
          keys = with(keys, k, c.path());
        }
      }
      Group old = previous.byTree.get(c.path());
      if (old != null) {
        replaced.add(old);
      }
    }
    replaced.forEach(g -> g.trees().forEach(d -> seeds.add(d.path())));
    PersistentMap<String, Group> byTree = previous.byTree;
    for (String path : seeds) {
      byTree = byTree.remove(path);
    }
    Set<String> visited = new HashSet<>();
    List<List<Document>> found = new ArrayList<>();
    for (String seed : seeds) {
      List<Document> members = reach(seed, trees, keys, visited);
      if (!members.isEmpty()) {
        members.sort(Comparator.comparing(Document::path));
        found.add(members);
      }
    }
    List<Group> built = (found.size() > 1 ? found.parallelStream() : found.stream())
        .map(members -> check(members, contexts, engine)).toList();
    for (Group g : built) {
      for (Document d : g.trees()) {
        byTree = byTree.put(d.path(), g);
      }
    }
    before.addAll(replaced);
    after.addAll(built);
    return new TreeGroups(byTree, keys);
  }

  /** Every tree linked to {@code seed} through shared keys, not visited yet. */
  private static List<Document> reach(String seed, Trees trees, PersistentMap<String, List<String>> keys,
      Set<String> visited) {
    List<Document> out = new ArrayList<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(seed));
    while (!queue.isEmpty()) {
      String path = queue.poll();
      Document d = trees.get(path);
      if (d == null || !visited.add(path)) {
        continue;
      }
      out.add(d);
      for (String k : keys(d.tree())) {
        for (String other : keys.getOrDefault(k, List.of())) {
          if (!visited.contains(other)) {
            queue.add(other);
          }
        }
      }
    }
    return out;
  }

  private static Group check(List<Document> members, Map<String, ConfigSetContext> contexts, Engine engine) {
    ProviderIndex index = new ProviderIndex(members.stream().map(Document::tree).toList());
    WorkspaceContext alone = new WorkspaceContext(index.files(), index, contexts, List.of());
    return new Group(List.copyOf(members), index, Engine.byPath(engine.runWorkspace(alone, false)));
  }

  /** What links a tree to others in the index: its providers' uuids, names and reference values. */
  private static Set<String> keys(TreeFile tree) {
    Set<String> out = new HashSet<>();
    for (TreeProvider p : tree.providers()) {
      if (p.uuid() != null) {
        out.add(p.uuid());
      }
      if (p.name() != null) {
        out.add(p.name());
      }
      if (p.parent() != null) {
        out.add(p.parent().value());
      }
      if (p.root() != null) {
        out.add(p.root().value());
      }
    }
    return out;
  }

  private static PersistentMap<String, List<String>> with(PersistentMap<String, List<String>> map, String key,
      String tree) {
    List<String> paths = new ArrayList<>(map.getOrDefault(key, List.of()));
    paths.add(tree);
    return map.put(key, List.copyOf(paths));
  }


  /** The group of a tree, or null when it is not a tree of this snapshot. */
  Group of(String treePath) {
    return byTree.get(treePath);
  }

  /** What the rules over trees alone found in a tree file. */
  List<Finding> findings(String treePath) {
    Group g = byTree.get(treePath);
    return g == null ? List.of() : g.byPath().getOrDefault(treePath, List.of());
  }
}
