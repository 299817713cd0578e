package dev.ptree.yaml;

import dev.ptree.text.Span;

/**
 * A composed YAML node with its exact source span. Aliased nodes are shared: an alias yields the
 * very node its anchor names, so a walk must not assume the graph is a tree.
 */
public sealed interface YNode permits YScalar, YMapping, YSequence {
  Span span();

  /** The explicit tag as written and resolved (e.g. {@code tag:yaml.org,2002:int}), or null. */
  String explicitTag();

  /** What PyYAML's SafeConstructor would build from this node, as far as a rule cares. */
  ValueKind kind();
}
