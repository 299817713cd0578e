package dev.ptree.engine;

import dev.ptree.engine.Workspace.Change;
import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Finding;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinTask;

/**
 * Stage one of a snapshot: the config sets, one per folder, each with the raw findings of the
 * config-set rules. Reuse rule: only the folders a changed document leaves or joins are looked at;
 * a set whose members are the very same documents, in the same order, keeps its previous result,
 * any other is checked again. Every other set is the previous snapshot's, untouched.
 */
final class ConfigSets {
  /** One folder's provider configs, sorted by file name as nova reads them, and what the rules found. */
  record ConfigSet(List<Document> members, ConfigSetContext context, Map<String, List<Finding>> raw,
      Map<String, LocalFindings> local) {
    boolean reusableFor(List<Document> now) {
      return Documents.same(members, now);
    }
  }

  static final ConfigSets NONE = new ConfigSets(PersistentMap.empty());

  private static final Comparator<Document> NOVA_ORDER =
      Comparator.comparing(d -> d.source().fileName(), Engine::compareCodePoints);

  private final PersistentMap<String, ConfigSet> byDirectory;

  private ConfigSets(PersistentMap<String, ConfigSet> byDirectory) {
    this.byDirectory = byDirectory;
  }

  /** The sets after these changes; {@code touched} receives every folder whose set was checked again or dropped. */
  static ConfigSets next(ConfigSets previous, Collection<Change> changes, Engine engine, Set<String> touched) {
    Set<String> changedPaths = new HashSet<>();
    Map<String, List<Document>> joining = new HashMap<>();
    Set<String> folders = new HashSet<>();
    for (Change c : changes) {
      changedPaths.add(c.path());
      if (c.before() != null && c.before().kind() == Kind.CONFIG) {
        folders.add(c.before().directory());
      }
      if (c.after() != null && c.after().kind() == Kind.CONFIG) {
        folders.add(c.after().directory());
        joining.computeIfAbsent(c.after().directory(), k -> new ArrayList<>()).add(c.after());
      }
    }
    PersistentMap.Builder<String, ConfigSet> out = new PersistentMap.Builder<>(previous.byDirectory);
    List<Map.Entry<String, List<Document>>> changed = new ArrayList<>();
    for (String folder : folders) {
      ConfigSet old = previous.byDirectory.get(folder);
      List<Document> members = new ArrayList<>();
      if (old != null) {
        for (Document d : old.members()) {
          if (!changedPaths.contains(d.path())) {
            members.add(d);
          }
        }
      }
      members.addAll(joining.getOrDefault(folder, List.of()));
      members.sort(NOVA_ORDER);
      if (members.isEmpty()) {
        out.remove(folder);
        touched.add(folder);
      } else if (old == null || !old.reusableFor(members)) {
        changed.add(Map.entry(folder, members));
        touched.add(folder);
      }
    }
    List<ConfigSet> checked = (changed.size() > 1 ? changed.parallelStream() : changed.stream())
        .map(e -> check(e.getKey(), e.getValue(), previous.byDirectory.get(e.getKey()), engine)).toList();
    for (ConfigSet s : checked) {
      out.put(s.context().directory(), s);
    }
    return new ConfigSets(out.build());
  }

  /**
   * A set checked again: its set-wide rules over every member; each member's local rules reused
   * from {@code before} for a member unchanged, run on the edited item for a member edited inside
   * one, run on everything otherwise.
   */
  private static ConfigSet check(String directory, List<Document> members, ConfigSet before, Engine engine) {
    ConfigSetContext context = new ConfigSetContext(directory, members.stream().map(Document::config).toList());
    // a large set's members, and its set-wide rules, are checked side by side
    boolean large = members.size() > 1 && members.stream().mapToInt(d -> d.config().providers().size()).sum() > 2_000;
    ForkJoinTask<List<Finding>> setWide = ForkJoinTask.adapt(() -> engine.runSetWide(context));
    if (large) {
      setWide.fork();
    } else {
      setWide.invoke();
    }
    List<LocalFindings> found = (large ? members.parallelStream() : members.stream())
        .map(d -> engine.runLocal(d.config(), before == null ? null : before.local().get(d.path()), d.edit()))
        .toList();
    Map<String, List<Finding>> raw = Engine.byPath(setWide.join());
    Map<String, LocalFindings> local = new HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      String path = members.get(i).path();
      LocalFindings mine = found.get(i);
      local.put(path, mine);
      if (!mine.findings().isEmpty()) {
        List<Finding> all = new ArrayList<>(raw.getOrDefault(path, List.of()));
        all.addAll(mine.findings());
        raw.put(path, all);
      }
    }
    return new ConfigSet(List.copyOf(members), context, raw, local);
  }

  /** The set of a folder, or null when no provider config lives there. */
  ConfigSet get(String directory) {
    return byDirectory.get(directory);
  }

  /** The raw findings of a provider config, from its set's rules. */
  List<Finding> raw(Document config) {
    return byDirectory.get(config.directory()).raw().getOrDefault(config.path(), List.of());
  }

  /**
   * Every set's context by folder: looking one up costs one lookup; walking them, in folder
   * order, sorts them on the first walk.
   */
  Map<String, ConfigSetContext> contexts() {
    return new AbstractMap<>() {
      private volatile Set<Map.Entry<String, ConfigSetContext>> entries;

      @Override
      public ConfigSetContext get(Object key) {
        ConfigSet set = byDirectory.get(key);
        return set == null ? null : set.context();
      }

      @Override
      public boolean containsKey(Object key) {
        return byDirectory.containsKey(key);
      }

      @Override
      public int size() {
        return byDirectory.size();
      }

      @Override
      public Set<Map.Entry<String, ConfigSetContext>> entrySet() {
        Set<Map.Entry<String, ConfigSetContext>> e = entries;
        if (e == null) {
          Map<String, ConfigSetContext> sorted = new TreeMap<>();
          byDirectory.forEach((dir, set) -> sorted.put(dir, set.context()));
          e = Collections.unmodifiableMap(sorted).entrySet();
          entries = e;
        }
        return e;
      }
    };
  }
}
