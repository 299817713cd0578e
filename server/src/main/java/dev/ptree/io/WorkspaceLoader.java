package dev.ptree.io;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.rules.WorkspaceContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads files into a workspace snapshot, with the config directories their trees bind. */
public final class WorkspaceLoader {
  private WorkspaceLoader() {}

  /**
   * The workspace of the named files, plus the config directories their trees bind when those
   * were not named: a tree is checked against the configs it says apply to it.
   */
  public static Workspace load(Settings settings, List<Inputs.FileInput> inputs, java.util.function.Consumer<String> log) {
    return load(settings, inputs, List.of(), log);
  }

  /** The same, with documents that do not come from disk (standard input) added. */
  public static Workspace load(Settings settings, List<Inputs.FileInput> inputs, List<Workspace.Input> extra,
      java.util.function.Consumer<String> log) {
    List<Workspace.Input> all = new ArrayList<>(read(inputs));
    all.addAll(extra);
    Workspace workspace = Workspace.empty(settings, log).update(all);
    Set<String> known = new HashSet<>();
    inputs.forEach(i -> known.add(i.key()));
    extra.forEach(i -> known.add(i.source().path()));
    List<Workspace.Input> bound = unreadBindings(workspace, known);
    return bound.isEmpty() ? workspace : workspace.update(bound);
  }

  public static List<Workspace.Input> read(List<Inputs.FileInput> inputs) {
    return inputs.parallelStream()
        .map(in -> new Workspace.Input(SourceReader.read(in.path(), in.key()), in.kind()))
        .toList();
  }


  /** The config directories the snapshot's trees bind that it does not hold yet, read from disk. */
  public static List<Workspace.Input> unreadBindings(Workspace workspace, Set<String> known) {
    List<Inputs.FileInput> bound = new ArrayList<>();
    Set<String> directories = new HashSet<>();
    for (WorkspaceContext.Bound b : workspace.context().bindings()) {
      if (b.set() == null && directories.add(b.binding().directory())) {
        for (Inputs.FileInput in : Inputs.configDirectory(Path.of(b.binding().directory()))) {
          if (known.add(in.key())) {
            bound.add(in);
          }
        }
      }
    }
    return read(bound);
  }
}
