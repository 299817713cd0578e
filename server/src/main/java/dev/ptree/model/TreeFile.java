package dev.ptree.model;

import dev.ptree.text.Span;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import dev.ptree.yaml.YamlDocument;
import java.util.List;

/**
 * One provider tree file (DESIGN §2.2), YAML or JSON, lossless. {@code providers} lists every
 * provider in document order; {@code bindings} the config directories named by
 * {@code provider_configs}, resolved against the file's folder; {@code problems} what the reader
 * found out of shape (reported by the tree-schema rule). {@code yaml} is null when the bytes could
 * not be read.
 */
public final class TreeFile {
  /** A config directory the tree names: {@code directory} normalised, {@code node} as written. */
  public record Binding(String directory, YScalar node) {}

  /** Something not in the tree format; {@code replacement} is a safe textual fix for {@code span}, or null. */
  public record Problem(Span span, String message, String fixTitle, String replacement) {
    public Problem(Span span, String message) {
      this(span, message, null, null);
    }
  }

  private final SourceDocument document;
  private final YamlDocument yaml;
  private final YMapping root;
  private final List<TreeProvider> providers;
  private final List<Binding> bindings;
  private final List<Problem> problems;
  private final List<YNode> nodes;
  private final ConfigFile view;

  TreeFile(SourceDocument document, YamlDocument yaml, YMapping root, List<TreeProvider> providers,
      List<Binding> bindings, List<Problem> problems) {
    this.document = document;
    this.yaml = yaml;
    this.root = root;
    this.providers = providers;
    this.bindings = bindings;
    this.problems = problems;
    this.nodes = yaml == null ? List.of() : java.util.Collections.unmodifiableList(yaml.nodes());
    this.view = new ConfigFile(document, yaml, true,
        providers.stream().map(TreeProvider::entry).toList(), nodes, this);
  }

  public SourceDocument document() {
    return document;
  }

  public String path() {
    return document.path();
  }

  public YamlDocument yaml() {
    return yaml;
  }

  /** The top-level mapping, or null when the document is not one. */
  public YMapping root() {
    return root;
  }

  public List<TreeProvider> providers() {
    return providers;
  }

  public List<Binding> bindings() {
    return bindings;
  }

  public List<Problem> problems() {
    return problems;
  }

  public List<YNode> nodes() {
    return nodes;
  }

  /** The file as the per-file value and text rules see it. */
  public ConfigFile view() {
    return view;
  }

  /** The folder of the file (the path up to its last '/'), "" for a bare name. */
  public String folder() {
    return Paths.folder(path());
  }
}
