package dev.ptree.model;

import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import dev.ptree.yaml.YSequence;
import dev.ptree.yaml.YamlDocument;
import dev.ptree.yaml.YamlParser;
import java.util.ArrayList;
import java.util.List;

/** Reads a provider config document into the lossless model; never throws. */
public final class ProviderConfigReader {
  private ProviderConfigReader() {}

  public static ConfigFile read(SourceDocument document) {
    boolean loaded = document.fileName().endsWith(".yaml");
    if (document.readProblem() != null) {
      // nova dies reading the bytes, before any YAML: nothing else about the file is meaningful
      return new ConfigFile(document, null, loaded, List.of(), List.of());
    }
    return read(document, YamlParser.parse(document.text().content()));
  }

  /** A config from an already parsed document (content detection parsed it to look at its keys). */
  public static ConfigFile read(SourceDocument document, YamlDocument yaml) {
    boolean loaded = document.fileName().endsWith(".yaml");
    return new ConfigFile(document, yaml, loaded, providers(yaml.root()), java.util.Collections.unmodifiableList(yaml.nodes()));
  }

  private static List<ProviderEntry> providers(YNode root) {
    if (!(root instanceof YMapping top) || top.kind() != ValueKind.MAPPING
        || !(top.get("providers") instanceof YSequence list) || list.kind() != ValueKind.SEQUENCE) {
      return List.of();
    }
    List<ProviderEntry> out = new ArrayList<>(list.items().size());
    for (int i = 0; i < list.items().size(); i++) {
      out.add(provider(i, list.items().get(i)));
    }
    return out;
  }

  static ProviderEntry provider(int index, YNode item) {
    YMapping mapping = asMapping(item);
    if (mapping == null) {
      return ProviderEntry.of(index, item, null, null, List.of(), List.of(), false);
    }
    Identification id = identification(mapping.get("identification"));
    YNode inventoriesNode = mapping.get("inventories");
    YNode traitsNode = mapping.get("traits");
    List<InventoryItem> inventories = new ArrayList<>();
    YSequence invList = additional(inventoriesNode);
    if (invList != null) {
      for (int i = 0; i < invList.items().size(); i++) {
        YNode node = invList.items().get(i);
        boolean tuple = invList.kind() != ValueKind.SEQUENCE;
        inventories.add(new InventoryItem(i, node, tuple ? List.of() : records(node), tuple));
      }
    }
    List<TraitItem> traits = new ArrayList<>();
    YSequence traitList = additional(traitsNode);
    if (traitList != null) {
      boolean tuples = traitList.kind() != ValueKind.SEQUENCE;
      for (int i = 0; i < traitList.items().size(); i++) {
        YNode node = traitList.items().get(i);
        traits.add(new TraitItem(i, node, !tuples && node instanceof YScalar s && s.isString() ? s.text() : null));
      }
    }
    boolean noOp = inventories.isEmpty() && traits.isEmpty()
        && wellFormed(inventoriesNode) && wellFormed(traitsNode);
    return ProviderEntry.of(index, item, mapping, id, List.copyOf(inventories), List.copyOf(traits), noOp);
  }

  private static List<InventoryRecord> records(YNode item) {
    YMapping m = asMapping(item);
    if (m == null) {
      return List.of();
    }
    List<InventoryRecord> records = new ArrayList<>(m.entries().size());
    for (YEntry e : m.entries()) {
      records.add(new InventoryRecord(e, e.keyString(), asMapping(e.value()), m.isEffective(e)));
    }
    return records;
  }

  private static Identification identification(YNode node) {
    YMapping m = asMapping(node);
    if (m == null) {
      return null;
    }
    List<YEntry> entries = m.effectiveEntries();
    YEntry uuid = m.effective("uuid");
    YEntry name = m.effective("name");
    // nova keys providers by `uuid or name`: the uuid wins when both are present and truthy.
    YEntry chosen = uuid != null && truthyString(uuid.value()) ? uuid : name != null ? name : uuid;
    if (chosen == null || !(chosen.value() instanceof YScalar s) || !s.isString()) {
      return null;
    }
    String method = chosen == uuid ? "uuid" : "name";
    boolean valid = entries.size() == 1 && (method.equals("uuid") ? validUuid(s.text()) : validName(s.text()));
    return new Identification(chosen, method, s.text(), valid);
  }

  public static boolean validUuid(String value) {
    return NovaSchema.COMPUTE_NODE.equals(value) || NovaSchema.isUuid(value);
  }

  public static boolean validName(String value) {
    int length = value.codePointCount(0, value.length());
    return length >= 1 && length <= NovaSchema.NAME_MAX_LENGTH;
  }

  private static boolean truthyString(YNode node) {
    return node instanceof YScalar s && s.isString() && !s.text().isEmpty();
  }

  /** Absent, or a mapping whose `additional` is absent or a list: what nova's schema accepts. */
  private static boolean wellFormed(YNode adjectives) {
    if (adjectives == null) {
      return true;
    }
    YMapping m = asMapping(adjectives);
    if (m == null) {
      return false;
    }
    YNode additional = m.get("additional");
    return additional == null || isPythonList(additional);
  }

  /** The `additional` list: a YAML sequence, or an !!omap / !!pairs one (a Python list of tuples). */
  private static YSequence additional(YNode adjectives) {
    YMapping m = asMapping(adjectives);
    return m != null && m.get("additional") instanceof YSequence s ? s : null;
  }

  /** Whether a node becomes a Python list (a plain sequence, or !!omap / !!pairs). */
  public static boolean isPythonList(YNode node) {
    return node instanceof YSequence;
  }

  public static YMapping asMapping(YNode node) {
    return node instanceof YMapping m && m.kind() == ValueKind.MAPPING ? m : null;
  }
}
