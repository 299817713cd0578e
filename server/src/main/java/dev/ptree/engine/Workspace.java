package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.EffectiveTree;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.Paths;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.SourceDocument;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeReader;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YamlDocument;
import dev.ptree.yaml.YamlParser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One immutable version of the whole workspace: every document (provider configs and tree files),
 * the cross-file index, and the findings. {@link #update} returns a new snapshot that re-parses only
 * the changed documents, reruns the rules of the config sets and tree files they belong to plus
 * the cross-file rules, and reuses everything else. Both {@code ptree check} and the language
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

  private record SetResult(List<Document> members, Map<String, List<Finding>> raw) {}

  private record TreeResult(Document document, List<Finding> raw) {}

  private record MergeKey(String tree, String directory) {}

  private record MergeResult(Document tree, List<Document> members, NovaMerge merge) {}

  private record Final(List<Finding> set, List<Finding> tree, List<Finding> cross, Map<Integer, String> unsent,
      List<Finding> findings) {}

  private final Engine engine;
  private final Consumer<String> log;
  private final Map<String, Document> documents;
  private final Map<String, SetResult> sets;
  private final Map<String, TreeResult> trees;
  private final List<Document> treeDocuments;
  private final ProviderIndex index;
  private final Map<MergeKey, MergeResult> merges;
  private final WorkspaceContext context;
  private final List<Finding> treeFindings;
  private final Map<String, Final> findings;

  private Workspace(Engine engine, Consumer<String> log, Map<String, Document> documents, Workspace previous) {
    this.engine = engine;
    this.log = log;
    this.documents = documents;
    long t0 = System.nanoTime();
    // Config sets: one per folder; a set is rechecked only when one of its members changed.
    Map<String, List<Document>> members = new TreeMap<>();
    List<Document> treeDocs = new ArrayList<>();
    for (Document d : documents.values()) {
      if (d.kind() == Kind.CONFIG) {
        members.computeIfAbsent(d.directory(), k -> new ArrayList<>()).add(d);
      } else if (d.kind() == Kind.TREE) {
        treeDocs.add(d);
      }
    }
    members.values().forEach(list -> list.sort(Comparator.comparing(d -> d.source().fileName(), Engine::compareCodePoints)));
    Map<String, SetResult> setResults = new HashMap<>();
    Map<String, ConfigSetContext> contexts = new LinkedHashMap<>();
    List<Runnable> work = new ArrayList<>();
    for (var e : members.entrySet()) {
      ConfigSetContext ctx = new ConfigSetContext(e.getKey(), e.getValue().stream().map(Document::config).toList());
      contexts.put(e.getKey(), ctx);
      SetResult old = previous == null ? null : previous.sets.get(e.getKey());
      if (old != null && sameDocuments(old.members(), e.getValue())) {
        setResults.put(e.getKey(), old);
      } else {
        work.add(() -> {
          SetResult r = new SetResult(List.copyOf(e.getValue()), Engine.byPath(engine.runConfigSet(ctx)));
          synchronized (setResults) {
            setResults.put(e.getKey(), r);
          }
        });
      }
    }
    Map<String, TreeResult> treeResults = new HashMap<>();
    for (Document d : treeDocs) {
      TreeResult old = previous == null ? null : previous.trees.get(d.path());
      if (old != null && old.document() == d) {
        treeResults.put(d.path(), old);
      } else {
        work.add(() -> {
          TreeResult r = new TreeResult(d, engine.runTree(d.tree()));
          synchronized (treeResults) {
            treeResults.put(d.path(), r);
          }
        });
      }
    }
    (work.size() > 1 ? work.parallelStream() : work.stream()).forEach(Runnable::run);
    this.sets = setResults;
    this.trees = treeResults;
    long t1 = System.nanoTime();

    // The cross-file part: the provider index (rebuilt only when a tree changed), the merges of
    // bound config sets (recomputed only when the tree or the set changed), then the rules.
    this.treeDocuments = List.copyOf(treeDocs);
    this.index = previous != null && sameDocuments(previous.treeDocuments, treeDocs) ? previous.index
        : new ProviderIndex(treeDocs.stream().map(Document::tree).toList());
    Map<MergeKey, MergeResult> mergeResults = new HashMap<>();
    List<WorkspaceContext.Bound> bindings = new ArrayList<>();
    for (Document d : treeDocs) {
      for (TreeFile.Binding b : d.tree().bindings()) {
        List<Document> set = members.get(b.directory());
        if (set == null) {
          bindings.add(new WorkspaceContext.Bound(d.tree(), b, null, null));
          continue;
        }
        MergeKey key = new MergeKey(d.path(), b.directory());
        MergeResult old = previous == null ? null : previous.merges.get(key);
        MergeResult now = old != null && old.tree() == d && sameDocuments(old.members(), set)
            && index == previous.index ? old
            : new MergeResult(d, List.copyOf(set), NovaMerge.of(d.tree(), index, contexts.get(b.directory()).files()));
        mergeResults.put(key, now);
        bindings.add(new WorkspaceContext.Bound(d.tree(), b, contexts.get(b.directory()), now.merge()));
      }
    }
    this.merges = mergeResults;
    this.context = new WorkspaceContext(index.files(), index, Collections.unmodifiableMap(contexts), List.copyOf(bindings));
    // Rules over the trees alone are rerun only when a tree changed.
    this.treeFindings = previous != null && index == previous.index ? previous.treeFindings
        : treeDocs.isEmpty() ? List.of() : engine.runWorkspace(context, false);
    List<Finding> crossRaw = new ArrayList<>(treeFindings);
    if (!bindings.isEmpty()) {
      crossRaw.addAll(engine.runWorkspace(context, true));
    }
    Map<String, List<Finding>> cross = Engine.byPath(crossRaw);
    long t2 = System.nanoTime();

    // Each file's findings: its raw parts, then suppressions; redone only when a part changed.
    Map<String, Final> done = new HashMap<>();
    for (Document d : documents.values()) {
      if (d.kind() == Kind.IGNORED) {
        continue;
      }
      List<Finding> fromSet = d.kind() == Kind.CONFIG ? sets.get(d.directory()).raw().getOrDefault(d.path(), List.of()) : List.of();
      List<Finding> fromTree = d.kind() == Kind.TREE ? trees.get(d.path()).raw() : List.of();
      List<Finding> fromCross = cross.getOrDefault(d.path(), List.of());
      Map<Integer, String> unsent = d.kind() == Kind.CONFIG ? NeverSent.of(d.config(), bindings) : Map.of();
      Final old = previous == null ? null : previous.findings.get(d.path());
      if (old != null && previous.documents.get(d.path()) == d && old.set() == fromSet && old.tree() == fromTree
          && old.cross().equals(fromCross) && old.unsent().equals(unsent)) {
        done.put(d.path(), new Final(fromSet, fromTree, fromCross, unsent, old.findings()));
        continue;
      }
      List<Finding> raw = new ArrayList<>(fromSet.size() + fromTree.size() + fromCross.size());
      raw.addAll(NeverSent.lower(fromSet, unsent));
      raw.addAll(fromTree);
      raw.addAll(fromCross);
      done.put(d.path(), new Final(fromSet, fromTree, fromCross, unsent, List.copyOf(
          engine.finish(d.source().text(), d.path(), nodes(d), raw))));
    }
    this.findings = done;
    log.accept("timing: snapshot: rules " + (t1 - t0) / 1_000_000 + " ms, cross-file "
        + (t2 - t1) / 1_000_000 + " ms, findings " + (System.nanoTime() - t2) / 1_000_000 + " ms");
  }

  public static Workspace empty(Settings settings, Consumer<String> log) {
    return new Workspace(new Engine(settings, log), log, new TreeMap<>(), null);
  }

  /** A new snapshot with these documents added or replaced; only they are parsed. */
  public Workspace update(List<Input> inputs) {
    long t0 = System.nanoTime();
    List<Document> parsed = (inputs.size() > 1 ? inputs.parallelStream() : inputs.stream())
        .map(Workspace::read).toList();
    log.accept("timing: parsed " + parsed.size() + " documents in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
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
    Final f = findings.get(path);
    return f == null ? List.of() : f.findings();
  }

  /** Every analysed document's findings, by path in path order. */
  public Map<String, List<Finding>> allFindings() {
    Map<String, List<Finding>> out = new TreeMap<>();
    findings.forEach((path, f) -> out.put(path, f.findings()));
    return out;
  }

  public WorkspaceContext context() {
    return context;
  }

  public ProviderIndex index() {
    return index;
  }

  /** What nova would report for a tree file, with its bound configs merged in; null if not a tree. */
  public EffectiveTree effectiveTree(String treePath) {
    Document d = documents.get(treePath);
    if (d == null || d.kind() != Kind.TREE) {
      return null;
    }
    return EffectiveTree.of(d.tree(), index, context.mergesOf(d.tree()));
  }

  private static boolean sameDocuments(List<Document> a, List<Document> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static List<dev.ptree.yaml.YNode> nodes(Document d) {
    return d.config() != null ? d.config().nodes() : d.tree() != null ? d.tree().nodes() : List.of();
  }

  /** Parses a document and decides what it is (DESIGN §2.3). */
  static Document read(Input input) {
    SourceDocument source = input.source();
    Kind kind = input.kind();
    String name = source.fileName();
    if (kind == Kind.AUTO && Paths.inConfigFolder(source.path()) && Paths.isYamlName(name)) {
      kind = Kind.CONFIG;
    } else if (kind == Kind.AUTO && TreeReader.isTreeFileName(name)) {
      kind = Kind.TREE;
    }
    if (kind == Kind.IGNORED) {
      return new Document(source, Kind.IGNORED, null, null);
    }
    if (source.readProblem() != null) {
      // the bytes are not text: nothing more to detect, but the problem must be reported
      Kind read = kind == Kind.AUTO ? Kind.CONFIG : kind;
      return read == Kind.TREE ? new Document(source, read, null, TreeReader.read(source))
          : new Document(source, read, ProviderConfigReader.read(source), null);
    }
    if (kind == Kind.TREE) {
      return new Document(source, kind, null, TreeReader.read(source));
    }
    boolean json = TreeReader.isJson(name);
    if (kind == Kind.AUTO && !json && !Paths.isYamlName(name)) {
      return new Document(source, Kind.IGNORED, null, null);
    }
    YamlDocument yaml = json ? dev.ptree.yaml.JsonParser.parse(source.text().content())
        : YamlParser.parse(source.text().content());
    if (kind == Kind.AUTO) {
      YMapping top = ProviderConfigReader.asMapping(yaml.root());
      if (top != null && top.effective(TreeReader.VERSION_KEY) != null) {
        kind = Kind.TREE;
      } else if (!json && top != null && (top.effective("meta") != null || top.effective("providers") != null)) {
        kind = Kind.CONFIG;
      } else {
        return new Document(source, Kind.IGNORED, null, null);
      }
    }
    return kind == Kind.TREE ? new Document(source, kind, null, TreeReader.read(source, yaml))
        : new Document(source, kind, ProviderConfigReader.read(source, yaml), null);
  }

  @Override
  public String toString() {
    return "Workspace[" + documents.size() + " documents]";
  }

}
