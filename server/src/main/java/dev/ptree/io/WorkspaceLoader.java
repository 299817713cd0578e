package dev.ptree.io;

import dev.ptree.engine.Documents;
import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads files for a workspace snapshot in one pass: the named files are read and parsed, the
 * config directories their trees bind are read and parsed next, and the snapshot is built once
 * from all of them.
 */
public final class WorkspaceLoader {
  private WorkspaceLoader() {}

  /**
   * The workspace of the named files, plus the config directories their trees bind when those
   * were not named: a tree is checked against the configs it says apply to it.
   */
  public static Workspace load(Settings settings, List<Inputs.FileInput> inputs, Consumer<String> log) {
    return load(settings, inputs, List.of(), log);
  }

  /** The same, with documents that do not come from disk (standard input) added. */
  public static Workspace load(Settings settings, List<Inputs.FileInput> inputs, List<Workspace.Input> extra,
      Consumer<String> log) {
    long t0 = System.nanoTime();
    List<Workspace.Input> named = new ArrayList<>(read(inputs));
    named.addAll(extra);
    List<Workspace.Document> documents = withBindings(Documents.readAll(named), List.of());
    log.accept("timing: parsed " + documents.size() + " documents in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    return Workspace.of(settings, log, documents);
  }

  public static List<Workspace.Input> read(List<Inputs.FileInput> inputs) {
    return inputs.parallelStream()
        .map(in -> new Workspace.Input(SourceReader.read(in.path(), in.key()), in.kind()))
        .toList();
  }

  /**
   * These parsed documents followed by the config files of the directories their trees bind that
   * hold no provider config yet, read from disk and parsed. {@code present} are documents held
   * elsewhere (an editor's open files): their trees' bindings count, and their configs count as
   * held. A file already among {@code parsed} is not read again.
   */
  public static List<Workspace.Document> withBindings(List<Workspace.Document> parsed,
      Collection<Workspace.Document> present) {
    Collection<Workspace.Document> view = parsed;
    if (!present.isEmpty()) {
      Map<String, Workspace.Document> both = new LinkedHashMap<>();
      present.forEach(d -> both.put(d.path(), d));
      parsed.forEach(d -> both.put(d.path(), d));
      view = both.values();
    }
    Set<String> unread = Documents.unreadBindings(view);
    if (unread.isEmpty()) {
      return parsed;
    }
    Set<String> known = new HashSet<>();
    parsed.forEach(d -> known.add(d.path()));
    List<Inputs.FileInput> bound = new ArrayList<>();
    for (String directory : unread) {
      for (Inputs.FileInput in : Inputs.configDirectory(Path.of(directory))) {
        if (known.add(in.key())) {
          bound.add(in);
        }
      }
    }
    if (bound.isEmpty()) {
      return parsed;
    }
    List<Workspace.Document> out = new ArrayList<>(parsed);
    out.addAll(Documents.readAll(read(bound)));
    return out;
  }
}
