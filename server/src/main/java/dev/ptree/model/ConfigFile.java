package dev.ptree.model;

import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YamlDocument;
import java.util.List;

/**
 * One provider config file as nova would see it, lossless: the YAML with every position, plus
 * the providers found where the schema puts them. {@code loadedByNova} is false for files nova's
 * {@code *.yaml} glob skips (e.g. {@code *.yml}). {@code yaml} is null when the file could not be
 * read at all.
 */
public record ConfigFile(SourceDocument document, YamlDocument yaml, boolean loadedByNova,
    List<ProviderEntry> providers, List<YNode> nodes) {

  /** The same file seen through a slice of its providers, for rules that read one provider at a time. */
  public ConfigFile withProviders(List<ProviderEntry> slice) {
    return new ConfigFile(document, yaml, loadedByNova, slice, nodes);
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
