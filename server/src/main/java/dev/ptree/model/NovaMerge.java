package dev.ptree.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What nova's resource tracker does when it merges a config set into a provider tree
 * ({@code ResourceTracker._merge_provider_configs}), predicted for one tree file:
 * <ul>
 *   <li>the entries are taken in the loader's order (files sorted by name, providers in order),
 *       keyed by identification uuid, else name; a key seen twice is the loader's error (PT201)
 *       and only its first entry is kept here;</li>
 *   <li>{@code $COMPUTE_NODE} applies to every root that carries the COMPUTE_NODE trait, except a
 *       root some other entry names by name or uuid;</li>
 *   <li>any other key is looked up like {@code ProviderTree.data()}: roots by uuid, roots by name,
 *       then depth first; no match is only a log line;</li>
 *   <li>a provider reached by a second entry raises ValueError, and so does an additional
 *       resource class the provider already has. (The trait check can never raise: config traits
 *       are all CUSTOM_, and custom traits the provider has are exempt.)</li>
 * </ul>
 * nova stops at the first ValueError; every one is recorded here so that all can be fixed at once.
 */
public final class NovaMerge {
  /** One provider entry of the config set, with the file that holds it. */
  public record Entry(ConfigFile file, ProviderEntry provider) {
    public String key() {
      return provider.identification().value();
    }

    public boolean isComputeNode() {
      return provider.identification().isComputeNodeUuid();
    }
  }

  public sealed interface Event permits NotFound, NoComputeNodeRoot, MatchedTwice, OwnedInventory {
    Entry entry();
  }

  public record NotFound(Entry entry) implements Event {}

  /** {@code named}: the compute-node roots that exist but are all named by other entries. */
  public record NoComputeNodeRoot(Entry entry, List<TreeProvider> named) implements Event {}

  public record MatchedTwice(Entry entry, Entry first, TreeProvider provider) implements Event {}

  public record OwnedInventory(Entry entry, InventoryRecord added, TreeProvider provider,
      InventoryRecord owned) implements Event {}

  /** Something a config entry adds to a provider. */
  public record Addition(Entry entry, InventoryRecord record, TraitItem trait) {}

  private final TreeFile tree;
  private final List<Event> events = new ArrayList<>();
  private final Map<TreeProvider, List<Addition>> additions = new IdentityHashMap<>();
  private final Map<TreeProvider, Entry> matchedBy = new IdentityHashMap<>();

  private NovaMerge(TreeFile tree) {
    this.tree = tree;
  }

  public TreeFile tree() {
    return tree;
  }

  public List<Event> events() {
    return events;
  }

  /** What the config entries add to a provider, in the order nova applies them. */
  public List<Addition> additions(TreeProvider provider) {
    return additions.getOrDefault(provider, List.of());
  }

  /** The entry whose additions a provider received, or null. */
  public Entry matchedBy(TreeProvider provider) {
    return matchedBy.get(provider);
  }

  /** {@code configs}: the files of one config set, in nova's order. */
  public static NovaMerge of(TreeFile tree, ProviderIndex index, List<ConfigFile> configs) {
    NovaMerge merge = new NovaMerge(tree);
    merge.run(new Shape(tree, index), entries(configs));
    return merge;
  }

  static List<Entry> entries(List<ConfigFile> configs) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (ConfigFile f : configs) {
      if (!f.loadedByNova()) {
        continue;
      }
      for (ProviderEntry p : f.providers()) {
        if (p.identification() != null) {
          byKey.putIfAbsent(p.identification().value(), new Entry(f, p));
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  private void run(Shape shape, List<Entry> entries) {
    Set<String> keys = new java.util.HashSet<>();
    entries.forEach(e -> keys.add(e.key()));
    for (Entry entry : entries) {
      List<TreeProvider> targets;
      if (entry.isComputeNode()) {
        List<TreeProvider> computeRoots = shape.roots.stream()
            .filter(r -> r.traits().stream().anyMatch(t -> "COMPUTE_NODE".equals(t.name()))).toList();
        targets = computeRoots.stream()
            .filter(r -> !(r.name() != null && keys.contains(r.name()) || r.uuid() != null && keys.contains(r.uuid())))
            .toList();
        if (targets.isEmpty()) {
          events.add(new NoComputeNodeRoot(entry, computeRoots));
        }
      } else {
        TreeProvider found = shape.find(entry.key());
        if (found == null) {
          events.add(new NotFound(entry));
        }
        targets = found == null ? List.of() : List.of(found);
      }
      for (TreeProvider target : targets) {
        apply(entry, target);
      }
    }
  }

  private void apply(Entry entry, TreeProvider target) {
    Entry first = matchedBy.get(target);
    if (first != null) {
      events.add(new MatchedTwice(entry, first, target));
      return; // nova raises here: this entry adds nothing
    }
    Map<String, InventoryRecord> owned = new HashMap<>();
    for (InventoryRecord r : target.records()) {
      if (r.resourceClass() != null) {
        owned.put(r.resourceClass(), r);
      }
    }
    List<Addition> added = additions.computeIfAbsent(target, k -> new ArrayList<>());
    for (TraitItem t : entry.provider().traits()) {
      if (t.name() != null) {
        added.add(new Addition(entry, null, t));
      }
    }
    for (InventoryRecord r : entry.provider().records()) {
      if (r.resourceClass() != null && owned.containsKey(r.resourceClass())) {
        events.add(new OwnedInventory(entry, r, target, owned.get(r.resourceClass())));
      } else {
        added.add(new Addition(entry, r, null));
      }
    }
    matchedBy.put(target, entry);
  }

  /** One tree file's providers as nova's ProviderTree holds them: roots, children, lookups. */
  private static final class Shape {
    final List<TreeProvider> roots = new ArrayList<>();
    final Map<TreeProvider, List<TreeProvider>> children = new IdentityHashMap<>();
    final Map<String, TreeProvider> rootsByUuid = new HashMap<>();
    final Map<String, TreeProvider> rootsByName = new HashMap<>();

    Shape(TreeFile tree, ProviderIndex index) {
      for (TreeProvider p : tree.providers()) {
        ProviderIndex.Located up = index.parent(tree, p);
        if (up == null || up.file() != tree) {
          roots.add(p);
          if (p.uuid() != null) {
            rootsByUuid.putIfAbsent(p.uuid(), p);
          }
          if (p.name() != null) {
            rootsByName.put(p.name(), p);
          }
        } else {
          children.computeIfAbsent(up.provider(), k -> new ArrayList<>()).add(p);
        }
      }
    }

    /** ProviderTree._find_with_lock: roots by uuid, roots by name, then each root's find(). */
    TreeProvider find(String key) {
      TreeProvider hit = rootsByUuid.get(key);
      if (hit == null) {
        hit = rootsByName.get(key);
      }
      if (hit == null) {
        if (firstFound == null) {
          firstFound = firstFound();
        }
        hit = firstFound.get(key);
      }
      return hit;
    }

    private Map<String, TreeProvider> firstFound;

    /**
     * What {@code _Provider.find} returns for every key at once. Root by root, it checks a
     * provider's name and uuid, then its children's uuids, then walks into each child in turn;
     * one walk in that order, keeping the first provider seen for each string, gives the same
     * answer as searching key by key (which would cost the whole tree per lookup).
     */
    private Map<String, TreeProvider> firstFound() {
      Map<String, TreeProvider> first = new HashMap<>();
      java.util.ArrayDeque<TreeProvider> stack = new java.util.ArrayDeque<>();
      for (TreeProvider root : roots) {
        stack.push(root);
        while (!stack.isEmpty()) {
          TreeProvider p = stack.pop();
          remember(first, p.name(), p);
          remember(first, p.uuid(), p);
          List<TreeProvider> kids = children.getOrDefault(p, List.of());
          for (TreeProvider c : kids) {
            remember(first, c.uuid(), c);
          }
          for (int i = kids.size() - 1; i >= 0; i--) {
            stack.push(kids.get(i));
          }
        }
      }
      return first;
    }

    private static void remember(Map<String, TreeProvider> first, String key, TreeProvider p) {
      if (key != null) {
        first.putIfAbsent(key, p);
      }
    }
  }
}
