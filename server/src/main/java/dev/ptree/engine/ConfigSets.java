package dev.ptree.engine;

import dev.ptree.engine.Workspace.Document;
import dev.ptree.engine.Workspace.Kind;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage one of a snapshot: the config sets, one per folder, each with the raw findings of the
 * config-set rules. Reuse rule: a set whose members are the very same documents, in the same
 * order, keeps its previous result; any other set is checked again.
 */
final class ConfigSets {
  /** One folder's provider configs, sorted by file name as nova reads them, and what the rules found. */
  record ConfigSet(List<Document> members, ConfigSetContext context, Map<String, List<Finding>> raw) {
    boolean reusableFor(List<Document> now) {
      return Documents.same(members, now);
    }
  }

  static final ConfigSets NONE = new ConfigSets(Map.of());

  private final Map<String, ConfigSet> byDirectory;

  private ConfigSets(Map<String, ConfigSet> byDirectory) {
    this.byDirectory = byDirectory;
  }

  static ConfigSets next(ConfigSets previous, Collection<Document> documents, Engine engine) {
    Map<String, List<Document>> members = new TreeMap<>();
    for (Document d : documents) {
      if (d.kind() == Kind.CONFIG) {
        members.computeIfAbsent(d.directory(), k -> new ArrayList<>()).add(d);
      }
    }
    members.values().forEach(list -> list.sort(Comparator.comparing(d -> d.source().fileName(), Engine::compareCodePoints)));
    List<Map.Entry<String, List<Document>>> changed = new ArrayList<>();
    Map<String, ConfigSet> out = new TreeMap<>();
    for (var e : members.entrySet()) {
      ConfigSet old = previous.byDirectory.get(e.getKey());
      if (old != null && old.reusableFor(e.getValue())) {
        out.put(e.getKey(), old);
      } else {
        changed.add(e);
      }
    }
    List<ConfigSet> checked = (changed.size() > 1 ? changed.parallelStream() : changed.stream())
        .map(e -> check(e.getKey(), e.getValue(), engine)).toList();
    checked.forEach(s -> out.put(s.context().directory(), s));
    return new ConfigSets(out);
  }

  private static ConfigSet check(String directory, List<Document> members, Engine engine) {
    ConfigSetContext context = new ConfigSetContext(directory, members.stream().map(Document::config).toList());
    return new ConfigSet(List.copyOf(members), context, Engine.byPath(engine.runConfigSet(context)));
  }

  /** The set of a folder, or null when no provider config lives there. */
  ConfigSet get(String directory) {
    return byDirectory.get(directory);
  }

  /** The raw findings of a provider config, from its set's rules. */
  List<Finding> raw(Document config) {
    return byDirectory.get(config.directory()).raw().getOrDefault(config.path(), List.of());
  }

  /** Every set's context, by folder in folder order. */
  Map<String, ConfigSetContext> contexts() {
    Map<String, ConfigSetContext> out = new LinkedHashMap<>();
    byDirectory.forEach((dir, set) -> out.put(dir, set.context()));
    return Collections.unmodifiableMap(out);
  }
}
