package dev.ptree.model;

import dev.ptree.text.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What nova would report to Placement for one tree file: its providers in tree order (depth
 * first, parents before children), each with its inventory, Placement's defaults filled in and
 * the capacity computed, and its traits, after the bound provider configs are merged in as
 * {@link NovaMerge} predicts. Where nova would raise, the provider carries a note and the
 * conflicting record is left out, as nova's merge never applies it.
 */
public final class EffectiveTree {
  /**
   * One inventory record. A field is null when the written value is unusable (the rules say why).
   * {@code storedRatio} is the allocation ratio as Placement's float32 column keeps it.
   */
  public record Inventory(String resourceClass, Long total, Long reserved, Long minUnit, Long maxUnit,
      Long stepSize, Double allocationRatio, Float storedRatio, Double capacity, String sourcePath, Span at) {}

  /** A trait and where it comes from: the tree file, or the config file that adds it. */
  public record Trait(String name, String sourcePath, Span at) {}

  /** One provider: {@code depth} 0 for a root. {@code parent} null for a root. */
  public record Provider(TreeProvider provider, int depth, TreeProvider parent, String uuid,
      List<Inventory> inventory, List<Trait> traits, List<String> aggregates, List<String> notes,
      NovaMerge.Entry matchedBy) {
    public String name() {
      return provider.name();
    }
  }

  /** A provider still to visit in the depth-first walk. */
  private record Pending(TreeProvider provider, int depth, TreeProvider parent) {}

  private final TreeFile tree;
  private final List<Provider> providers;

  private EffectiveTree(TreeFile tree, List<Provider> providers) {
    this.tree = tree;
    this.providers = providers;
  }

  public TreeFile tree() {
    return tree;
  }

  public List<Provider> providers() {
    return providers;
  }

  public static EffectiveTree of(TreeFile tree, ProviderIndex index, List<NovaMerge> merges) {
    Map<TreeProvider, List<TreeProvider>> children = new IdentityHashMap<>();
    List<TreeProvider> roots = new ArrayList<>();
    for (TreeProvider p : tree.providers()) {
      ProviderIndex.Located up = index.parent(tree, p);
      if (up == null || up.file() != tree) {
        roots.add(p); // a parent in another file, or a reference that resolves nowhere: noted
      } else {
        children.computeIfAbsent(up.provider(), k -> new ArrayList<>()).add(p);
      }
    }
    List<Provider> out = new ArrayList<>(tree.providers().size());
    Set<TreeProvider> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Pending> stack = new ArrayDeque<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      stack.push(new Pending(roots.get(i), 0, null));
    }
    walk(tree, index, merges, children, stack, seen, out);
    // Providers no root reaches: their parents form a cycle. Shown last, so nothing is lost.
    for (TreeProvider p : tree.providers()) {
      if (!seen.contains(p)) {
        stack.push(new Pending(p, 0, null));
        walk(tree, index, merges, children, stack, seen, out);
      }
    }
    return new EffectiveTree(tree, List.copyOf(out));
  }

  /**
   * One provider of the tree as {@link #of} would give it, without building the rest: its parent
   * in the file (none for a root, or for a provider on a parent cycle) and its depth, its inventory
   * and traits with the merges applied, and the notes. Costs the provider's depth plus the merges'
   * events, not the whole tree.
   */
  public static Provider of(TreeFile tree, ProviderIndex index, List<NovaMerge> merges, TreeProvider p) {
    TreeProvider parent = null;
    int depth = 0;
    Set<TreeProvider> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(p);
    ProviderIndex.Located up = index.parent(tree, p);
    while (up != null && up.file() == tree) {
      if (!seen.add(up.provider())) {
        if (up.provider() == p) {
          return provider(tree, index, merges, p, 0, null); // p itself is on the cycle
        }
        break; // a cycle above: the depth counts up to it
      }
      if (parent == null) {
        parent = up.provider();
      }
      depth++;
      up = index.parent(tree, up.provider());
    }
    return provider(tree, index, merges, p, depth, parent);
  }

  private static void walk(TreeFile tree, ProviderIndex index, List<NovaMerge> merges,
      Map<TreeProvider, List<TreeProvider>> children, Deque<Pending> stack, Set<TreeProvider> seen,
      List<Provider> out) {
    while (!stack.isEmpty()) {
      Pending next = stack.pop();
      TreeProvider p = next.provider();
      if (!seen.add(p)) {
        continue;
      }
      out.add(provider(tree, index, merges, p, next.depth(), next.parent()));
      List<TreeProvider> kids = children.getOrDefault(p, List.of());
      for (int i = kids.size() - 1; i >= 0; i--) {
        stack.push(new Pending(kids.get(i), next.depth() + 1, p));
      }
    }
  }

  private static Provider provider(TreeFile tree, ProviderIndex index, List<NovaMerge> merges, TreeProvider p,
      int depth, TreeProvider parent) {
    List<String> notes = new ArrayList<>();
    ProviderIndex.Located up = index.parent(tree, p);
    if (parent == null && up != null && up.file() != tree) {
      notes.add("parent " + up.provider().label() + " is in " + up.path());
    } else if (parent == null && up != null) {
      notes.add("in a parent cycle");
    } else if (parent == null && p.parent() != null) {
      notes.add(p.parent().field() + " " + p.parent().value() + " names no provider");
    }
    Map<String, Inventory> inventory = new LinkedHashMap<>();
    for (InventoryRecord r : p.records()) {
      if (r.resourceClass() != null && r.record() != null) {
        inventory.put(r.resourceClass(), inventory(r, tree.path()));
      }
    }
    Set<String> traitNames = new LinkedHashSet<>();
    List<Trait> traits = new ArrayList<>();
    for (TraitItem t : p.traits()) {
      if (t.name() != null && traitNames.add(t.name())) {
        traits.add(new Trait(t.name(), tree.path(), t.node().span()));
      }
    }
    NovaMerge.Entry matchedBy = null;
    for (NovaMerge merge : merges) {
      if (merge.matchedBy(p) != null) {
        matchedBy = merge.matchedBy(p);
      }
      for (NovaMerge.Addition a : merge.additions(p)) {
        if (a.trait() != null && traitNames.add(a.trait().name())) {
          traits.add(new Trait(a.trait().name(), a.entry().file().path(), a.trait().node().span()));
        }
      }
      List<NovaMerge.Held> written = merge.inventory(p);
      if (written != null) {
        inventory.clear(); // update_inventory replaces the whole inventory
        for (NovaMerge.Held h : written) {
          if (h.record().record() != null) {
            inventory.put(h.record().resourceClass(),
                inventory(h.record(), h.from() == null ? tree.path() : h.from().file().path()));
          }
        }
      }
      for (NovaMerge.Event e : merge.events()) {
        if (e instanceof NovaMerge.OwnedInventory o && o.provider() == p) {
          notes.add("nova raises ValueError: " + o.entry().file().path() + " adds "
              + o.added().resourceClass() + ", which the provider's inventory already has");
        } else if (e instanceof NovaMerge.MatchedTwice m && m.provider() == p) {
          notes.add("nova raises ValueError: matched by both " + m.first().key() + " and " + m.entry().key());
        } else if (e instanceof NovaMerge.Redirected r && r.found() == p) {
          notes.add(r.entry().key() + " finds this provider, but nova writes by its uuid and root "
              + r.writtenTo().label() + " is named so: the additions go there");
        } else if (e instanceof NovaMerge.Redirected r && r.writtenTo() == p) {
          notes.add("receives what " + r.entry().file().path() + " adds for " + r.found().label()
              + " (nova writes by uuid, and this root is named " + r.found().uuid() + ")"
              + (r.entry().provider().inventoryItems().isEmpty() ? "" : ", its inventory replaced by that provider's"));
        }
      }
    }
    List<String> aggregates = new ArrayList<>();
    p.aggregates().forEach(a -> {
      if (a instanceof dev.ptree.yaml.YScalar s && s.isString()) {
        aggregates.add(s.text());
      }
    });
    return new Provider(p, depth, parent, p.uuid(), List.copyOf(inventory.values()), List.copyOf(traits),
        List.copyOf(aggregates), List.copyOf(notes), matchedBy);
  }

  public static Inventory inventory(InventoryRecord r, String path) {
    Double ratio = r.allocationRatio();
    return new Inventory(r.resourceClass(), r.integerField("total"), r.integerOrDefault("reserved"),
        r.integerOrDefault("min_unit"), r.integerOrDefault("max_unit"), r.integerOrDefault("step_size"),
        ratio, ratio == null ? null : ratio.floatValue(), Capacity.of(r), path, r.entry().keySpan());
  }
}
