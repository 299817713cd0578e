package dev.ptree.engine;

import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage four of a snapshot: each file's findings as a user sees them — its raw findings from the
 * three stages before, with suppressions, severities, sorting and de-duplication applied. Reuse
 * rule: a file whose document is the very same and whose raw parts are unchanged (the same set
 * and tree lists, equal cross-file findings, the same entries never sent: {@link NeverSent})
 * keeps its previous findings.
 */
final class FileFindings {
  private record Finished(Document document, List<Finding> set, List<Finding> tree, List<Finding> cross,
      Map<Integer, String> unsent, List<Finding> findings) {
    boolean reusableFor(Document document, List<Finding> set, List<Finding> tree, List<Finding> cross,
        Map<Integer, String> unsent) {
      return this.document == document && this.set == set && this.tree == tree && this.cross.equals(cross)
          && this.unsent.equals(unsent);
    }
  }

  static final FileFindings NONE = new FileFindings(Map.of());

  private final Map<String, Finished> byPath;

  private FileFindings(Map<String, Finished> byPath) {
    this.byPath = byPath;
  }

  static FileFindings next(FileFindings previous, Collection<Document> documents, ConfigSets sets, Trees trees,
      CrossFile cross, Engine engine) {
    Map<String, Finished> out = new HashMap<>();
    Map<ConfigFile, Map<Integer, String>> unsentByFile = NeverSent.byFile(cross.context().bindings());
    for (Document d : documents) {
      if (d.kind() == Kind.IGNORED) {
        continue;
      }
      List<Finding> fromSet = d.kind() == Kind.CONFIG ? sets.raw(d) : List.of();
      List<Finding> fromTree = d.kind() == Kind.TREE ? trees.raw(d) : List.of();
      List<Finding> fromCross = cross.raw(d.path());
      Map<Integer, String> unsent = d.kind() == Kind.CONFIG ? unsentByFile.getOrDefault(d.config(), Map.of())
          : Map.of();
      Finished old = previous.byPath.get(d.path());
      if (old != null && old.reusableFor(d, fromSet, fromTree, fromCross, unsent)) {
        out.put(d.path(), new Finished(d, fromSet, fromTree, fromCross, unsent, old.findings()));
        continue;
      }
      List<Finding> raw = new ArrayList<>(fromSet.size() + fromTree.size() + fromCross.size());
      raw.addAll(NeverSent.lower(fromSet, unsent));
      raw.addAll(fromTree);
      raw.addAll(fromCross);
      out.put(d.path(), new Finished(d, fromSet, fromTree, fromCross, unsent,
          List.copyOf(engine.finish(d.source().text(), d.path(), Documents.nodes(d), raw))));
    }
    return new FileFindings(out);
  }

  /** The findings of one document, sorted; empty for an unknown or ignored one. */
  List<Finding> of(String path) {
    Finished f = byPath.get(path);
    return f == null ? List.of() : f.findings();
  }

  /** Every analysed document's findings, by path in path order. */
  Map<String, List<Finding>> all() {
    Map<String, List<Finding>> out = new TreeMap<>();
    byPath.forEach((path, f) -> out.put(path, f.findings()));
    return out;
  }
}
