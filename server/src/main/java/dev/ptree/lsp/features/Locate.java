package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.ConfigFile;
import dev.ptree.model.Identification;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TraitItem;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.text.Span;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YSequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What is at an offset of a document: the chain of YAML nodes that enclose it, and the model
 * element there (a provider, an inventory record, a trait, an identification, a reference). The
 * features share it. A node "holds" an offset that lies inside it or touches its end, so a cursor
 * right after a word still finds the word. Each level looks at its children once and descends
 * into one, so a lookup costs at most one pass over the document.
 */
final class Locate {
  private Locate() {}

  /** One node on the way down, and the mapping entry it is the key or value of (null otherwise). */
  record Step(YNode node, YEntry entry) {
    boolean isKey() {
      return entry != null && entry.key() == node;
    }
  }

  /** The model element at an offset; any field may be null. */
  record Hit(Workspace.Document document, int offset, List<Step> chain,
      ProviderEntry entry, TreeProvider provider, InventoryRecord record, TraitItem trait,
      Identification identification, TreeProvider.Reference reference, boolean onName, boolean onUuid,
      TreeFile.Binding binding) {

    boolean isConfig() {
      return document.config() != null && document.kind() == Workspace.Kind.CONFIG;
    }

    boolean isTree() {
      return document.tree() != null;
    }

    /** Whether the offset is on the resource class key of {@link #record}. */
    boolean onRecordKey() {
      return record != null && holds(record.entry().key().span(), offset);
    }
  }

  /** Whether a span holds the offset: inside it, or touching its end. */
  static boolean holds(Span span, int offset) {
    return span.start() <= offset && offset <= span.end();
  }

  static boolean inside(Span span, int offset) {
    return span.start() <= offset && offset < span.end();
  }

  /** An entry's whole extent: key through value. */
  static Span span(YEntry e) {
    return new Span(Math.min(e.key().span().start(), e.value().span().start()),
        Math.max(e.key().span().end(), e.value().span().end()));
  }

  /** The root of a document as parsed, or null when it has none (ignored, unreadable, empty). */
  static YNode root(Workspace.Document d) {
    if (d == null) {
      return null;
    }
    if (d.tree() != null) {
      return d.tree().yaml() == null ? null : d.tree().yaml().root();
    }
    ConfigFile c = d.config();
    return c == null ? null : c.root();
  }

  /** The nodes enclosing the offset, outermost first; empty when the offset is outside the root. */
  static List<Step> chain(YNode root, int offset) {
    if (root == null || !holds(root.span(), offset)) {
      return List.of();
    }
    List<Step> out = new ArrayList<>();
    Set<YNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Step at = new Step(root, null);
    while (at != null && seen.add(at.node())) {
      out.add(at);
      at = child(at.node(), offset);
    }
    return out;
  }

  /** The child of a collection that holds the offset: one strictly inside first, else one ending there. */
  private static Step child(YNode node, int offset) {
    Step touching = null;
    if (node instanceof YMapping m) {
      for (YEntry e : m.entries()) {
        if (e.merged()) {
          continue; // brought in by <<: its nodes are written elsewhere
        }
        for (YNode n : new YNode[] {e.key(), e.value()}) {
          if (n == node) {
            continue;
          }
          if (inside(n.span(), offset)) {
            return new Step(n, e);
          }
          if (touching == null && n.span().end() == offset && n.span().length() > 0) {
            touching = new Step(n, e);
          }
        }
      }
    } else if (node instanceof YSequence q) {
      for (YNode n : q.items()) {
        if (n == node) {
          continue;
        }
        if (inside(n.span(), offset)) {
          return new Step(n, null);
        }
        if (touching == null && n.span().end() == offset && n.span().length() > 0) {
          touching = new Step(n, null);
        }
      }
    }
    return touching;
  }

  /** What is at the offset; null when the document is missing, ignored or unreadable. */
  static Hit at(Workspace.Document d, int offset) {
    YNode root = root(d);
    if (root == null) {
      return null;
    }
    List<Step> chain = chain(root, offset);
    if (d.tree() != null) {
      return inTree(d, d.tree(), offset, chain);
    }
    return inConfig(d, d.config(), offset, chain);
  }

  private static Hit inConfig(Workspace.Document d, ConfigFile config, int offset, List<Step> chain) {
    ProviderEntry entry = null;
    for (ProviderEntry p : config.providers()) {
      if (holds(p.item().span(), offset)) {
        entry = p;
        break;
      }
    }
    InventoryRecord record = null;
    TraitItem trait = null;
    Identification id = null;
    if (entry != null) {
      record = record(entry.records(), offset);
      trait = trait(entry.traits(), offset);
      Identification candidate = entry.identification();
      if (candidate != null && holds(candidate.entry().value().span(), offset)) {
        id = candidate;
      }
    }
    return new Hit(d, offset, chain, entry, null, record, trait, id, null, false, false, null);
  }

  private static Hit inTree(Workspace.Document d, TreeFile tree, int offset, List<Step> chain) {
    TreeProvider provider = null;
    for (TreeProvider p : tree.providers()) {
      if (holds(p.node().span(), offset)) {
        provider = p; // document order puts a parent before its children: the last one is the deepest
      }
    }
    InventoryRecord record = null;
    TraitItem trait = null;
    TreeProvider.Reference reference = null;
    boolean onName = false;
    boolean onUuid = false;
    if (provider != null) {
      record = record(provider.records(), offset);
      trait = trait(provider.traits(), offset);
      for (TreeProvider.Reference r : new TreeProvider.Reference[] {provider.parent(), provider.root()}) {
        if (r != null && holds(r.node().span(), offset)) {
          reference = r;
        }
      }
      onName = provider.nameNode() != null && holds(provider.nameNode().span(), offset);
      onUuid = provider.uuidNode() != null && holds(provider.uuidNode().span(), offset);
    }
    TreeFile.Binding binding = null;
    for (TreeFile.Binding b : tree.bindings()) {
      if (holds(b.node().span(), offset)) {
        binding = b;
      }
    }
    return new Hit(d, offset, chain, null, provider, record, trait, null, reference, onName, onUuid, binding);
  }

  private static InventoryRecord record(List<InventoryRecord> records, int offset) {
    for (InventoryRecord r : records) {
      if (holds(span(r.entry()), offset)) {
        return r;
      }
    }
    return null;
  }

  private static TraitItem trait(List<TraitItem> traits, int offset) {
    for (TraitItem t : traits) {
      if (t.name() != null && holds(t.node().span(), offset)) {
        return t;
      }
    }
    return null;
  }
}
