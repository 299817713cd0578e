package dev.ptree.yaml;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Leaves the typing to us: SnakeYAML's own implicit resolvers differ from PyYAML's. Each node
 * gets a placeholder tag saying only what it is, and {@link NodeComposer} types it PyYAML's way.
 */
final class DeferringResolver extends Resolver {
  /** A plain scalar with no tag: typed by PyYAML's implicit resolvers. */
  static final Tag PLAIN = new Tag("tag:ptree.dev,2026:plain");
  /** A quoted or block scalar with no tag: a string. */
  static final Tag NON_PLAIN = new Tag("tag:ptree.dev,2026:non-plain");
  static final Tag MAP = new Tag("tag:ptree.dev,2026:map");
  static final Tag SEQ = new Tag("tag:ptree.dev,2026:seq");

  @Override
  protected void addImplicitResolvers() {}

  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    return switch (kind) {
      case scalar -> implicit ? PLAIN : NON_PLAIN;
      case mapping -> MAP;
      default -> SEQ;
    };
  }
}
