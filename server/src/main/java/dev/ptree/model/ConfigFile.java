package dev.ptree.model;

import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YamlDocument;
import java.util.List;

/**
 * One file as the per-file rules see it, lossless: the YAML with every position, plus the
 * providers found where the schema puts them. Normally a provider config as nova would see it;
 * {@code loadedByNova} is false for files nova's {@code *.yaml} glob skips (e.g. {@code *.yml}).
 * A provider tree file is seen the same way through {@link TreeFile#view()}: its providers'
 * inventories and traits, so that the value and text rules read both dialects alike; then
 * {@code tree} is that tree, otherwise null. {@code yaml} is null when the file could not be read.
 */
public record ConfigFile(SourceDocument document, YamlDocument yaml, boolean loadedByNova,
    List<ProviderEntry> providers, List<YNode> nodes, TreeFile tree) {

  public ConfigFile(SourceDocument document, YamlDocument yaml, boolean loadedByNova,
      List<ProviderEntry> providers, List<YNode> nodes) {
    this(document, yaml, loadedByNova, providers, nodes, null);
  }

  /** The same file seen through a slice of its providers, for rules that read one provider at a time. */
  public ConfigFile withProviders(List<ProviderEntry> slice) {
    return new ConfigFile(document, yaml, loadedByNova, slice, nodes, tree);
  }

  /**
   * The same file seen through one provider item: that provider, and the nodes of its item (a
   * {@link dev.ptree.rules.FileRule} then reads the item and the file around the providers list).
   */
  public ConfigFile itemView(ProviderEntry provider) {
    return new ConfigFile(document, yaml, loadedByNova, List.of(provider),
        YamlDocument.nodesUnder(provider.item()), tree);
  }

  public boolean isTree() {
    return tree != null;
  }

  public String path() {
    return document.path();
  }

  public YNode root() {
    return yaml == null ? null : yaml.root();
  }

  public YMapping rootMapping() {
    return root() instanceof YMapping m && m.kind() == dev.ptree.yaml.ValueKind.MAPPING ? m : null;
  }
}
