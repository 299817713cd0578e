package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.EffectiveTree;
import dev.ptree.model.Paths;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.SourceDocument;
import dev.ptree.model.TreeFile;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One immutable version of the whole workspace: every document (provider configs and tree files),
 * then four stages built from them in order — {@link ConfigSets}, {@link Trees}, {@link CrossFile}
 * (the provider index, the merges of bindings, the cross-file rules) and {@link FileFindings}.
 * {@link #update} returns a new snapshot that re-parses only the changed documents; each stage
 * then reuses what its reuse rule allows of the previous snapshot's. Both {@code ptree check} and the language
 * server read findings from a snapshot, so the two always agree.
 */
public final class Workspace {
  /** How a document is read. AUTO decides by name, folder and top-level keys (DESIGN §2.3). */
  public enum Kind { AUTO, CONFIG, TREE, IGNORED }

  /** A document to add or replace: the text and how to read it. */
  public record Input(SourceDocument source, Kind kind) {}

  /** One document as parsed; kept as is by later snapshots until its text changes. */
  public record Document(SourceDocument source, Kind kind, ConfigFile config, TreeFile tree) {
    public String path() {
      return source.path();
    }

    /** The config set (folder) of a provider config; null for other documents. */
    public String directory() {
      return kind == Kind.CONFIG ? Paths.folder(source.path()) : null;
    }
  }

  private final Engine engine;
  private final Consumer<String> log;
  private final Map<String, Document> documents;
  private final ConfigSets sets;
  private final Trees trees;
  private final CrossFile crossFile;
  private final FileFindings findings;

  /** Runs the stages in order; each reuses what it can of {@code previous}'s (see their reuse rules). */
  private Workspace(Engine engine, Consumer<String> log, Map<String, Document> documents, Workspace previous) {
    this.engine = engine;
    this.log = log;
    this.documents = documents;
    long t0 = System.nanoTime();
    this.sets = ConfigSets.next(previous == null ? ConfigSets.NONE : previous.sets, documents.values(), engine);
    this.trees = Trees.next(previous == null ? Trees.NONE : previous.trees, documents.values(), engine);
    long t1 = System.nanoTime();
    this.crossFile = CrossFile.next(previous == null ? CrossFile.NONE : previous.crossFile, sets, trees, engine);
    long t2 = System.nanoTime();
    this.findings = FileFindings.next(previous == null ? FileFindings.NONE : previous.findings, documents.values(),
        sets, trees, crossFile, engine);
    log.accept("timing: snapshot: rules " + (t1 - t0) / 1_000_000 + " ms, cross-file "
        + (t2 - t1) / 1_000_000 + " ms, findings " + (System.nanoTime() - t2) / 1_000_000 + " ms");
  }

  public static Workspace empty(Settings settings, Consumer<String> log) {
    return empty(new Engine(settings, log), log);
  }

  static Workspace empty(Engine engine, Consumer<String> log) {
    return new Workspace(engine, log, new TreeMap<>(), null);
  }

  /** A snapshot of documents parsed already (see {@link Documents}), built once. */
  public static Workspace of(Settings settings, Consumer<String> log, List<Document> parsed) {
    Map<String, Document> all = new TreeMap<>();
    parsed.forEach(d -> all.put(d.path(), d));
    return new Workspace(new Engine(settings, log), log, all, null);
  }

  /** A new snapshot with these documents added or replaced; only they are parsed. */
  public Workspace update(List<Input> inputs) {
    long t0 = System.nanoTime();
    List<Document> parsed = Documents.readAll(inputs);
    log.accept("timing: parsed " + parsed.size() + " documents in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    return withDocuments(parsed);
  }

  /** A new snapshot with these documents, parsed already, added or replaced. */
  public Workspace withDocuments(List<Document> parsed) {
    Map<String, Document> next = new TreeMap<>(documents);
    for (Document d : parsed) {
      next.put(d.path(), d);
    }
    return new Workspace(engine, log, next, this);
  }

  public Workspace update(SourceDocument source, Kind kind) {
    return update(List.of(new Input(source, kind)));
  }

  /** A new snapshot without these documents. */
  public Workspace remove(Collection<String> paths) {
    Map<String, Document> next = new TreeMap<>(documents);
    paths.forEach(next::remove);
    return new Workspace(engine, log, next, this);
  }

  /** The same documents under other settings: every rule runs again. */
  public Workspace withSettings(Settings settings) {
    return new Workspace(new Engine(settings, log), log, documents, null);
  }

  public Document document(String path) {
    return documents.get(path);
  }

  public Collection<Document> documents() {
    return Collections.unmodifiableCollection(documents.values());
  }

  /** The findings of one document, sorted; empty for an unknown or ignored one. */
  public List<Finding> findings(String path) {
    return findings.of(path);
  }

  /** Every analysed document's findings, by path in path order. */
  public Map<String, List<Finding>> allFindings() {
    return findings.all();
  }

  public WorkspaceContext context() {
    return crossFile.context();
  }

  public ProviderIndex index() {
    return crossFile.index();
  }

  /** What nova would report for a tree file, with its bound configs merged in; null if not a tree. */
  public EffectiveTree effectiveTree(String treePath) {
    Document d = documents.get(treePath);
    if (d == null || d.kind() != Kind.TREE) {
      return null;
    }
    return EffectiveTree.of(d.tree(), index(), context().mergesOf(d.tree()));
  }

  @Override
  public String toString() {
    return "Workspace[" + documents.size() + " documents]";
  }

}
