package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.EffectiveTree;
import dev.ptree.model.Paths;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.SourceDocument;
import dev.ptree.model.TreeFile;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * One document as parsed; kept as is by later snapshots until its text changes. {@code directory}
   * is the config set (folder) of a provider config, null for other documents.
   */
  public record Document(SourceDocument source, Kind kind, ConfigFile config, TreeFile tree, String directory,
      ItemEdit edit) {
    public Document(SourceDocument source, Kind kind, ConfigFile config, TreeFile tree) {
      this(source, kind, config, tree, kind == Kind.CONFIG ? Paths.folder(source.path()) : null, null);
    }

    public String path() {
      return source.path();
    }
  }

  /**
   * How a provider config was read from its previous version when an edit stayed inside one
   * provider item ({@link dev.ptree.model.ItemReparse}): the rules local to a provider item then
   * run on that item alone. {@code base} is the previous version's file, held weakly: the
   * snapshot that still has its findings holds it too, and no chain of old versions is kept.
   */
  public record ItemEdit(java.lang.ref.WeakReference<ConfigFile> base, int item, int regionStart, int regionEnd,
      int delta) {
    boolean follows(ConfigFile previous) {
      return base.get() == previous;
    }
  }

  /** One document's change between two snapshots: before or after is null when it was added or removed. */
  record Change(String path, Document before, Document after) {}

  private final Engine engine;
  private final Consumer<String> log;
  private final PersistentMap<String, Document> documents;
  private final String[] sortedPaths;
  private final ConfigSets sets;
  private final Trees trees;
  private final CrossFile crossFile;
  private final FileFindings findings;

  /**
   * Runs the stages in order over what changed since {@code previous} (everything when it is
   * null); each reuses what its reuse rule allows of {@code previous}'s.
   */
  private Workspace(Engine engine, Consumer<String> log, PersistentMap<String, Document> documents,
      String[] sortedPaths, Workspace previous, Collection<Change> changes) {
    this.engine = engine;
    this.log = log;
    this.documents = documents;
    this.sortedPaths = sortedPaths;
    long t0 = System.nanoTime();
    Set<String> touchedSets = new HashSet<>();
    this.sets = ConfigSets.next(previous == null ? ConfigSets.NONE : previous.sets, changes, engine, touchedSets);
    this.trees = Trees.next(previous == null ? Trees.NONE : previous.trees, changes, engine);
    long t1 = System.nanoTime();
    Set<String> affected = new HashSet<>();
    this.crossFile = CrossFile.next(previous == null ? CrossFile.NONE : previous.crossFile, sets, touchedSets,
        trees, changes, engine, affected);
    long t2 = System.nanoTime();
    changes.forEach(c -> affected.add(c.path()));
    for (String dir : previous == null ? Set.<String>of() : touchedSets) { // a first build: every path changed
      ConfigSets.ConfigSet set = sets.get(dir);
      if (set != null) {
        set.members().forEach(d -> affected.add(d.path()));
      }
    }
    this.findings = FileFindings.next(previous == null ? FileFindings.NONE : previous.findings, documents, affected,
        sets, trees, crossFile, engine);
    if (!changes.isEmpty()) {
      log.accept("timing: snapshot: rules " + (t1 - t0) / 1_000_000 + " ms, cross-file "
          + (t2 - t1) / 1_000_000 + " ms, findings " + (System.nanoTime() - t2) / 1_000_000 + " ms");
    }
  }

  public static Workspace empty(Settings settings, Consumer<String> log) {
    return empty(new Engine(settings, log), log);
  }

  static Workspace empty(Engine engine, Consumer<String> log) {
    return new Workspace(engine, log, PersistentMap.empty(), new String[0], null, List.of());
  }

  /** A snapshot of documents parsed already (see {@link Documents}), built once. */
  public static Workspace of(Settings settings, Consumer<String> log, List<Document> parsed) {
    Workspace none = empty(settings, log);
    return none.changed(parsed, List.of(), null);
  }

  /** A new snapshot with these documents added or replaced; only they are parsed. */
  public Workspace update(List<Input> inputs) {
    long t0 = System.nanoTime();
    List<Document> parsed = Documents.readAll(inputs, documents::get);
    log.accept("timing: parsed " + parsed.size() + " documents in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    return withDocuments(parsed);
  }

  /** A new snapshot with these documents, parsed already, added or replaced. */
  public Workspace withDocuments(List<Document> parsed) {
    return changed(parsed, List.of(), this);
  }

  public Workspace update(SourceDocument source, Kind kind) {
    return update(List.of(new Input(source, kind)));
  }

  /** A new snapshot without these documents. */
  public Workspace remove(Collection<String> paths) {
    return changed(List.of(), paths, this);
  }

  /**
   * This snapshot with documents added or replaced and paths removed, built on {@code previous}
   * (this one, or null to build every stage afresh); this very snapshot when nothing differs.
   */
  private Workspace changed(List<Document> parsed, Collection<String> removed, Workspace previous) {
    Map<String, Document> latest = new LinkedHashMap<>();
    parsed.forEach(d -> latest.put(d.path(), d));
    List<Change> changes = new ArrayList<>(latest.size() + removed.size());
    PersistentMap.Builder<String, Document> next = new PersistentMap.Builder<>(documents);
    for (Document d : latest.values()) {
      Document before = documents.get(d.path());
      if (before != d) {
        changes.add(new Change(d.path(), before, d));
        next.put(d.path(), d);
      }
    }
    for (String path : new LinkedHashSet<>(removed)) {
      Document before = documents.get(path);
      if (before != null) {
        changes.add(new Change(path, before, null));
        next.remove(path);
      }
    }
    return changes.isEmpty() && previous == this ? this
        : new Workspace(engine, log, next.build(), pathsAfter(changes), previous, changes);
  }

  /** The same documents under other settings: every rule runs again. */
  public Workspace withSettings(Settings settings) {
    List<Change> all = new ArrayList<>(documents.size());
    documents.forEach((path, d) -> all.add(new Change(path, null, d)));
    return new Workspace(new Engine(settings, log), log, documents, sortedPaths, null, all);
  }

  /** The paths in order after these changes: the same array unless a document came or went. */
  private String[] pathsAfter(List<Change> changes) {
    Set<String> gone = new HashSet<>();
    List<String> added = new ArrayList<>();
    for (Change c : changes) {
      if (c.after() == null) {
        gone.add(c.path());
      } else if (c.before() == null) {
        added.add(c.path());
      }
    }
    if (gone.isEmpty() && added.isEmpty()) {
      return sortedPaths;
    }
    added.sort(null);
    String[] out = new String[sortedPaths.length - gone.size() + added.size()];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < sortedPaths.length || j < added.size()) {
      if (i < sortedPaths.length && gone.contains(sortedPaths[i])) {
        i++;
      } else if (j == added.size() || i < sortedPaths.length && sortedPaths[i].compareTo(added.get(j)) < 0) {
        out[n++] = sortedPaths[i++];
      } else {
        out[n++] = added.get(j++);
      }
    }
    return out;
  }

  public Document document(String path) {
    return documents.get(path);
  }

  /** Every document, in path order. */
  public Collection<Document> documents() {
    return new AbstractCollection<>() {
      @Override
      public Iterator<Document> iterator() {
        return Arrays.stream(sortedPaths).map(documents::get).iterator();
      }

      @Override
      public int size() {
        return sortedPaths.length;
      }
    };
  }

  /**
   * The paths whose findings differ from those of {@code older} (another snapshot of the same
   * lineage): a document added, removed or found differently. What this snapshot shares with
   * {@code older} is skipped, so after one edit this costs that edit.
   */
  public List<String> findingsChangedSince(Workspace older) {
    return findings.changedSince(older.findings);
  }

  /**
   * The paths whose documents differ from those of {@code older} (another snapshot of the same
   * lineage): added, removed or read again; at the cost of the change.
   */
  public List<String> documentsChangedSince(Workspace older) {
    return documents.changedSince(older.documents);
  }

  /** Whether some tree file binds this config folder. */
  public boolean bound(String folder) {
    return crossFile.bound(folder);
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
