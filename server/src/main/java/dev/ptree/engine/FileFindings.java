package dev.ptree.engine;

import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stage four of a snapshot: each file's findings as a user sees them — its raw findings from the
 * three stages before, with suppressions, severities, sorting and de-duplication applied. Only
 * the paths the stages before name as affected are looked at; every other file keeps its
 * previous findings. Reuse rule: an affected file whose document is the very same and whose raw
 * parts are unchanged (the same set and tree lists, equal cross-file findings, the same entries
 * never sent: {@link NeverSent}) keeps its previous findings too.
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

  static final FileFindings NONE = new FileFindings(PersistentMap.empty());

  private final PersistentMap<String, Finished> byPath;

  private FileFindings(PersistentMap<String, Finished> byPath) {
    this.byPath = byPath;
  }

  static FileFindings next(FileFindings previous, PersistentMap<String, Document> documents, Set<String> affected,
      ConfigSets sets, Trees trees, CrossFile cross, Engine engine) {
    Map<String, Map<ConfigFile, Map<Integer, String>>> unsentByFolder = new ConcurrentHashMap<>();
    List<String> paths = new ArrayList<>(affected);
    List<Finished> done = (paths.size() > 64 ? paths.parallelStream() : paths.stream())
        .map(path -> finish(previous.byPath.get(path), documents.get(path), sets, trees, cross, engine, unsentByFolder))
        .toList();
    PersistentMap.Builder<String, Finished> out = new PersistentMap.Builder<>(previous.byPath);
    for (int i = 0; i < paths.size(); i++) {
      Finished f = done.get(i);
      if (f != null) {
        out.put(paths.get(i), f);
      }
    }
    for (int i = 0; i < paths.size(); i++) {
      if (done.get(i) == null) {
        out.remove(paths.get(i));
      }
    }
    return new FileFindings(out.build());
  }

  /** A file's findings now; null when it is gone or ignored. */
  private static Finished finish(Finished old, Document d, ConfigSets sets, Trees trees, CrossFile cross,
      Engine engine, Map<String, Map<ConfigFile, Map<Integer, String>>> unsentByFolder) {
    if (d == null || d.kind() == Kind.IGNORED) {
      return null;
    }
    List<Finding> fromSet = d.kind() == Kind.CONFIG ? sets.raw(d) : List.of();
    List<Finding> fromTree = d.kind() == Kind.TREE ? trees.raw(d) : List.of();
    List<Finding> fromCross = cross.raw(d);
    Map<Integer, String> unsent = d.kind() == Kind.CONFIG
        ? unsentByFolder.computeIfAbsent(d.directory(), dir -> cross.bound(dir) ? NeverSent.byFile(cross.bindingsOf(dir)) : Map.of())
            .getOrDefault(d.config(), Map.of())
        : Map.of();
    if (old != null && old.reusableFor(d, fromSet, fromTree, fromCross, unsent)) {
      return old;
    }
    List<Finding> raw = new ArrayList<>(fromSet.size() + fromTree.size() + fromCross.size());
    raw.addAll(NeverSent.lower(fromSet, unsent));
    raw.addAll(fromTree);
    raw.addAll(fromCross);
    return new Finished(d, fromSet, fromTree, fromCross, unsent,
        List.copyOf(engine.finish(d.source().text(), d.path(), Documents.nodes(d), raw)));
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

  /** The paths whose findings differ from {@code older}'s; the parts both share are skipped. */
  List<String> changedSince(FileFindings older) {
    List<String> out = new ArrayList<>();
    for (String path : byPath.changedSince(older.byPath)) {
      Finished now = byPath.get(path);
      Finished then = older.byPath.get(path);
      if (now == null || then == null || now.findings() != then.findings()) {
        out.add(path);
      }
    }
    return out;
  }
}
