package dev.ptree.engine;

import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage two of a snapshot: the tree files, each with the raw findings of the rules that read one
 * tree on its own. Reuse rule: a tree whose document is the very same keeps its previous result.
 */
final class Trees {
  record CheckedTree(Document document, List<Finding> raw) {
    boolean reusableFor(Document now) {
      return document == now;
    }
  }

  static final Trees NONE = new Trees(List.of(), Map.of());

  private final List<Document> documents;
  private final Map<String, CheckedTree> byPath;

  private Trees(List<Document> documents, Map<String, CheckedTree> byPath) {
    this.documents = documents;
    this.byPath = byPath;
  }

  static Trees next(Trees previous, Collection<Document> all, Engine engine) {
    List<Document> trees = all.stream().filter(d -> d.kind() == Kind.TREE).toList();
    Map<String, CheckedTree> out = new HashMap<>();
    List<Document> changed = new ArrayList<>();
    for (Document d : trees) {
      CheckedTree old = previous.byPath.get(d.path());
      if (old != null && old.reusableFor(d)) {
        out.put(d.path(), old);
      } else {
        changed.add(d);
      }
    }
    (changed.size() > 1 ? changed.parallelStream() : changed.stream())
        .map(d -> new CheckedTree(d, engine.runTree(d.tree()))).toList()
        .forEach(t -> out.put(t.document().path(), t));
    return new Trees(trees, out);
  }

  /** The tree documents in path order. */
  List<Document> documents() {
    return documents;
  }

  /** The raw findings of a tree file, from the rules that read it alone. */
  List<Finding> raw(Document tree) {
    return byPath.get(tree.path()).raw();
  }
}
