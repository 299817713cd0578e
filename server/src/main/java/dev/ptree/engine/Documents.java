package dev.ptree.engine;

import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Input;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.model.ItemReparse;
import dev.ptree.model.Paths;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.SourceDocument;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeReader;
import dev.ptree.yaml.JsonParser;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YamlDocument;
import dev.ptree.yaml.YamlParser;
import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading documents: parsing a text and deciding what it is (DESIGN §2.3), and the config
 * directories parsed trees bind. A loader parses once, learns the bindings from the parsed trees,
 * reads those directories, and builds one snapshot from all of it.
 */
public final class Documents {
  private Documents() {}

  /** Every input parsed, in order; in parallel when there are several. */
  public static List<Document> readAll(List<Input> inputs) {
    return readAll(inputs, path -> null);
  }

  /**
   * Every input parsed, in order, each a new version of {@code previous}'s document of its path
   * (null when there is none): an edit inside one provider item re-reads that item alone.
   */
  public static List<Document> readAll(List<Input> inputs, Function<String, Document> previous) {
    return (inputs.size() > 1 ? inputs.parallelStream() : inputs.stream())
        .map(input -> read(input, previous.apply(input.source().path()))).toList();
  }

  /** A new version of a document: the edited provider item alone re-read when that is exact, else all of it. */
  public static Document read(Input input, Document previous) {
    if (previous != null && previous.kind() == Kind.CONFIG && previous.config() != null
        && (input.kind() == Kind.AUTO || input.kind() == Kind.CONFIG)
        && previous.source().fileName().equals(input.source().fileName())) {
      ItemReparse.Result r = ItemReparse.apply(previous.config(), input.source());
      if (r != null) {
        return new Document(input.source(), Kind.CONFIG, r.file(), null, previous.directory(),
            new Workspace.ItemEdit(new WeakReference<>(previous.config()), r.item(), r.regionStart(), r.regionEnd(), r.delta()));
      }
    }
    return read(input);
  }

  /**
   * The config directories the trees among these documents bind that hold none of them, in the
   * order the trees write them: what a loader still has to read.
   */
  public static Set<String> unreadBindings(Collection<Document> documents) {
    Set<String> out = new LinkedHashSet<>();
    for (Document d : documents) {
      if (d.kind() == Kind.TREE) {
        for (TreeFile.Binding b : d.tree().bindings()) {
          out.add(b.directory());
        }
      }
    }
    if (!out.isEmpty()) {
      for (Document d : documents) {
        if (d.kind() == Kind.CONFIG) {
          out.remove(d.directory());
        }
      }
    }
    return out;
  }

  /** Parses a document and decides what it is (DESIGN §2.3). */
  public static Document read(Input input) {
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
    YamlDocument yaml = json ? JsonParser.parse(source.text().content()) : YamlParser.parse(source.text().content());
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

  /** The nodes of a parsed config or tree; none for an ignored document. */
  static List<YNode> nodes(Document d) {
    return d.config() != null ? d.config().nodes() : d.tree() != null ? d.tree().nodes() : List.of();
  }

  /** Whether two lists hold the very same documents in the same order: the stages' test for "unchanged". */
  static boolean same(List<Document> a, List<Document> b) {
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
}
