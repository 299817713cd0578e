package dev.ptree.engine;

import dev.ptree.engine.Workspace.Change;
import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stage two of a snapshot: the tree files, each with the raw findings of the rules that read one
 * tree on its own. Reuse rule: a tree whose document is the very same keeps its previous result;
 * when no change touches a tree, the whole stage is the previous one.
 */
final class Trees {
  record CheckedTree(Document document, List<Finding> raw) {}

  static final Trees NONE = new Trees(PersistentMap.empty());

  private final PersistentMap<String, CheckedTree> byPath;
  private volatile List<Document> documents;

  private Trees(PersistentMap<String, CheckedTree> byPath) {
    this.byPath = byPath;
  }

  static Trees next(Trees previous, Collection<Change> changes, Engine engine) {
    List<Change> mine = changes(changes);
    if (mine.isEmpty()) {
      return previous;
    }
    PersistentMap.Builder<String, CheckedTree> out = new PersistentMap.Builder<>(previous.byPath);
    List<Document> changed = new ArrayList<>();
    for (Change c : mine) {
      if (c.after() != null && c.after().kind() == Kind.TREE) {
        changed.add(c.after());
      }
    }
    List<CheckedTree> checked = (changed.size() > 1 ? changed.parallelStream() : changed.stream())
        .map(d -> new CheckedTree(d, engine.runTree(d.tree()))).toList();
    for (CheckedTree t : checked) {
      out.put(t.document().path(), t);
    }
    for (Change c : mine) {
      if (c.after() == null || c.after().kind() != Kind.TREE) {
        out.remove(c.path());
      }
    }
    return new Trees(out.build());
  }

  /** The changes that touch a tree: one was a tree before, or is one now. */
  static List<Change> changes(Collection<Change> changes) {
    return changes.stream().filter(Trees::touchesTree).toList();
  }

  private static boolean touchesTree(Change c) {
    return c.before() != null && c.before().kind() == Kind.TREE || c.after() != null && c.after().kind() == Kind.TREE;
  }

  /** The tree documents in path order, sorted on first use. */
  List<Document> documents() {
    List<Document> d = documents;
    if (d == null) {
      List<Document> all = new ArrayList<>();
      byPath.forEach((path, t) -> all.add(t.document()));
      all.sort(java.util.Comparator.comparing(Document::path));
      d = List.copyOf(all);
      documents = d;
    }
    return d;
  }

  /** The tree document at a path, or null. */
  Document get(String path) {
    CheckedTree t = byPath.get(path);
    return t == null ? null : t.document();
  }

  /** The raw findings of a tree file, from the rules that read it alone. */
  List<Finding> raw(Document tree) {
    return byPath.get(tree.path()).raw();
  }
}
