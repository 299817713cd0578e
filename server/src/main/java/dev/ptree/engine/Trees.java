package dev.ptree.engine;

import dev.ptree.engine.Workspace.Change;
import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Stage two of a snapshot: the tree files, each with the raw findings of the rules that read one
 * tree on its own. Reuse rule: a tree whose document is the very same keeps its previous result;
 * when no change touches a tree, the whole stage is the previous one.
 */
final class Trees {
  record CheckedTree(Document document, List<Finding> raw) {}

  static final Trees NONE = new Trees(List.of(), PersistentMap.empty());

  private final List<Document> documents;
  private final PersistentMap<String, CheckedTree> byPath;

  private Trees(List<Document> documents, PersistentMap<String, CheckedTree> byPath) {
    this.documents = documents;
    this.byPath = byPath;
  }

  static Trees next(Trees previous, Collection<Change> changes, Engine engine) {
    List<Change> mine = changes.stream().filter(Trees::touchesTree).toList();
    if (mine.isEmpty()) {
      return previous;
    }
    TreeMap<String, Document> ordered = new TreeMap<>();
    previous.documents.forEach(d -> ordered.put(d.path(), d));
    PersistentMap<String, CheckedTree> out = previous.byPath;
    List<Document> changed = new ArrayList<>();
    for (Change c : mine) {
      ordered.remove(c.path());
      out = out.remove(c.path());
      if (c.after() != null && c.after().kind() == Kind.TREE) {
        ordered.put(c.path(), c.after());
        changed.add(c.after());
      }
    }
    List<CheckedTree> checked = (changed.size() > 1 ? changed.parallelStream() : changed.stream())
        .map(d -> new CheckedTree(d, engine.runTree(d.tree()))).toList();
    for (CheckedTree t : checked) {
      out = out.put(t.document().path(), t);
    }
    return new Trees(List.copyOf(ordered.values()), out);
  }

  private static boolean touchesTree(Change c) {
    return c.before() != null && c.before().kind() == Kind.TREE || c.after() != null && c.after().kind() == Kind.TREE;
  }

  /** The tree documents in path order. */
  List<Document> documents() {
    return documents;
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
