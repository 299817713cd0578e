package dev.ptree.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What nova's resource tracker does when it merges a config set into a provider tree
 * ({@code nova/compute/resource_tracker.py} {@code ResourceTracker._merge_provider_configs}),
 * predicted for one tree file by replaying it on a copy of the tree's state. The conformance suite
 * ({@code conformance/merge_conformance.py}) holds this to nova's real code.
 * <ul>
 *   <li>Only the entries the loader keeps take part: a no-op entry (no additional inventories
 *       and no traits) is dropped by {@code provider_config._validate_provider_config} before the
 *       entries are keyed. The rest are taken in the loader's order (files sorted by name,
 *       providers in order), keyed by {@code uuid or name}; a key seen twice is the loader's
 *       error (PT201) and only its first entry is kept here.</li>
 *   <li>The key {@code $COMPUTE_NODE}, whether written as uuid or as name, applies to every root
 *       that carries the COMPUTE_NODE trait, except a root whose name or uuid is another key.</li>
 *   <li>Any other key is looked up like {@code ProviderTree.data()}: roots by uuid, roots by name,
 *       then depth first; no match is only a log line.</li>
 *   <li>A provider found a second time raises ValueError, and so does an additional resource
 *       class the found provider already has. (The trait check can never raise: config traits are
 *       all CUSTOM_, and custom traits the provider has are exempt.)</li>
 *   <li>nova then writes by the found provider's uuid ({@code add_traits(provider.uuid, ...)},
 *       {@code update_inventory(provider.uuid, merged)}), and that lookup again checks roots by
 *       name before the walk: a root <em>named</em> with the found provider's uuid receives the
 *       found provider's inventory plus the additions, and the traits.</li>
 * </ul>
 * nova stops at the first ValueError; every one is recorded here so that all can be fixed at once.
 */
public final class NovaMerge {
  /** One provider entry of the config set, with the file that holds it. */
  public record Entry(ConfigFile file, ProviderEntry provider) {
    public String key() {
      return provider.identification().value();
    }

    /** {@code uuid: $COMPUTE_NODE} or {@code name: $COMPUTE_NODE}: nova keys both the same. */
    public boolean isComputeNode() {
      return provider.identification().isComputeNode();
    }
  }

  public sealed interface Event permits NotFound, NoComputeNodeRoot, MatchedTwice, OwnedInventory, Redirected {
    Entry entry();
  }

  public record NotFound(Entry entry) implements Event {}

  /** {@code named}: the compute-node roots that exist but are all named by other entries. */
  public record NoComputeNodeRoot(Entry entry, List<TreeProvider> named) implements Event {}

  public record MatchedTwice(Entry entry, Entry first, TreeProvider provider) implements Event {}

  /**
   * {@code owned}: the record the found provider already holds; {@code ownedFrom} the config
   * entry that put it there earlier in the merge, or null for the tree's own record.
   */
  public record OwnedInventory(Entry entry, InventoryRecord added, TreeProvider provider,
      InventoryRecord owned, Entry ownedFrom) implements Event {}

  /** nova found {@code found} but writes the entry's additions to {@code writtenTo}. */
  public record Redirected(Entry entry, TreeProvider found, TreeProvider writtenTo) implements Event {}

  /** Something a config entry adds to a provider. */
  public record Addition(Entry entry, InventoryRecord record, TraitItem trait) {}

  /**
   * One inventory record a provider holds after the merge: {@code from} is the config entry that
   * added it, or null for a record of the tree file (possibly another provider's, see
   * {@link Redirected}).
   */
  public record Held(InventoryRecord record, Entry from) {}

  private final TreeFile tree;
  private final List<Entry> entries;
  private final Set<String> keys;
  private final List<Event> events = new ArrayList<>();
  private final Map<TreeProvider, List<Addition>> additions = new IdentityHashMap<>();
  private final Map<TreeProvider, Entry> matchedBy = new IdentityHashMap<>();
  private final Map<TreeProvider, Map<String, Held>> inventories = new IdentityHashMap<>();

  private NovaMerge(TreeFile tree, List<Entry> entries) {
    this.tree = tree;
    this.entries = entries;
    Set<String> k = new LinkedHashSet<>();
    entries.forEach(e -> k.add(e.key()));
    this.keys = Collections.unmodifiableSet(k);
  }

  public TreeFile tree() {
    return tree;
  }

  public List<Event> events() {
    return events;
  }

  /** The entries nova's loader keeps, in the order the merge takes them. */
  public List<Entry> entries() {
    return entries;
  }

  /** The keys of {@link #entries()}: what {@code $COMPUTE_NODE} compares roots with. */
  public Set<String> keys() {
    return keys;
  }

  /** What the config entries add to a provider, in the order nova applies them. */
  public List<Addition> additions(TreeProvider provider) {
    return additions.getOrDefault(provider, List.of());
  }

  /** The entry that found a provider (whose additions nova writes by its uuid), or null. */
  public Entry matchedBy(TreeProvider provider) {
    return matchedBy.get(provider);
  }

  /**
   * The inventory nova leaves on a provider whose inventory the merge replaced, in order; null
   * when the merge never wrote it (the tree's own records stand).
   */
  public List<Held> inventory(TreeProvider provider) {
    Map<String, Held> held = inventories.get(provider);
    return held == null ? null : List.copyOf(held.values());
  }

  /** {@code configs}: the files of one config set, in nova's order. */
  public static NovaMerge of(TreeFile tree, ProviderIndex index, List<ConfigFile> configs) {
    NovaMerge merge = new NovaMerge(tree, entries(configs));
    merge.run(new Shape(tree, index));
    return merge;
  }

  static List<Entry> entries(List<ConfigFile> configs) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (ConfigFile f : configs) {
      if (!f.loadedByNova()) {
        continue;
      }
      for (ProviderEntry p : f.providers()) {
        if (p.identification() != null && !p.noOp()) {
          byKey.putIfAbsent(p.identification().value(), new Entry(f, p));
        }
      }
    }
    return List.copyOf(byKey.values());
  }

  private void run(Shape shape) {
    for (Entry entry : entries) {
      List<TreeProvider> targets;
      if (entry.isComputeNode()) {
        List<TreeProvider> computeRoots = shape.roots.stream().filter(NovaMerge::isComputeNodeRoot).toList();
        targets = computeRoots.stream().filter(r -> !namedByKey(r)).toList();
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
        apply(shape, entry, target);
      }
    }
  }

  public static boolean isComputeNodeRoot(TreeProvider p) {
    return p.traits().stream().anyMatch(t -> "COMPUTE_NODE".equals(t.name()));
  }

  /** Whether another entry's key is this root's name or uuid, so {@code $COMPUTE_NODE} skips it. */
  public boolean namedByKey(TreeProvider root) {
    return root.name() != null && keys.contains(root.name()) || root.uuid() != null && keys.contains(root.uuid());
  }

  private void apply(Shape shape, Entry entry, TreeProvider found) {
    Entry first = matchedBy.get(found);
    if (first != null) {
      events.add(new MatchedTwice(entry, first, found));
      return; // nova raises here: this entry adds nothing
    }
    matchedBy.put(found, entry);
    ProviderEntry config = entry.provider();
    // A provider with no uuid in the file gets a fresh one at runtime, which nothing else can match.
    TreeProvider writtenTo = found.uuid() == null ? found : shape.find(found.uuid());
    if (writtenTo != found && (!config.traits().isEmpty() || !config.inventoryItems().isEmpty())) {
      events.add(new Redirected(entry, found, writtenTo));
    }
    List<Addition> added = additions.computeIfAbsent(writtenTo, k -> new ArrayList<>());
    for (TraitItem t : config.traits()) {
      if (t.name() != null) {
        added.add(new Addition(entry, null, t));
      }
    }
    if (config.inventoryItems().isEmpty()) {
      return; // `if additional_inventories:` - nova leaves the inventory alone
    }
    Map<String, Held> merged = new LinkedHashMap<>(heldBy(found));
    boolean owned = false;
    for (InventoryRecord r : config.records()) {
      Held mine = r.resourceClass() == null ? null : merged.get(r.resourceClass());
      if (mine != null) {
        events.add(new OwnedInventory(entry, r, found, mine.record(), mine.from()));
        owned = true;
      }
    }
    if (owned) {
      return; // nova raises before it writes anything
    }
    for (InventoryRecord r : config.mergedRecords()) {
      merged.remove(r.resourceClass());
      merged.put(r.resourceClass(), new Held(r, entry));
      added.add(new Addition(entry, r, null));
    }
    inventories.put(writtenTo, merged);
  }

  /** A provider's inventory as the merge has left it so far. */
  private Map<String, Held> heldBy(TreeProvider p) {
    Map<String, Held> held = inventories.get(p);
    if (held != null) {
      return held;
    }
    Map<String, Held> own = new LinkedHashMap<>();
    for (InventoryRecord r : p.records()) {
      if (r.resourceClass() != null) {
        own.put(r.resourceClass(), new Held(r, null));
      }
    }
    return own;
  }

  /** One tree file's providers as nova's ProviderTree holds them: roots, children, lookups. */
  private static final class Shape {
    final List<TreeProvider> roots = new ArrayList<>();
    final Map<TreeProvider, List<TreeProvider>> children = new IdentityHashMap<>();
    final Map<String, TreeProvider> rootsByUuid = new HashMap<>();
    final Map<String, TreeProvider> rootsByName = new HashMap<>();
    private Map<String, TreeProvider> firstFound;

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
