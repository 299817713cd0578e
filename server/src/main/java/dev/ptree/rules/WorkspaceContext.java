package dev.ptree.rules;

import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import java.util.List;
import java.util.Map;

/**
 * What cross-file rules see: every tree file, the provider index over them, the config sets by
 * directory, and each binding of a tree to a config set with nova's merge predicted for it.
 */
public record WorkspaceContext(List<TreeFile> trees, ProviderIndex index,
    Map<String, ConfigSetContext> configSets, List<Bound> bindings) {

  /**
   * A tree's {@code provider_configs} entry: {@code set} is the config set in that directory, or
   * null when the workspace holds none; {@code merge} is null then too.
   */
  public record Bound(TreeFile tree, TreeFile.Binding binding, ConfigSetContext set, NovaMerge merge) {}

  /** The bindings a tree file writes, in order. */
  public List<Bound> bindingsOf(TreeFile tree) {
    return bindings.stream().filter(b -> b.tree() == tree).toList();
  }

  /** The merges of the config sets a tree binds (a directory with no config set merges nothing). */
  public List<NovaMerge> mergesOf(TreeFile tree) {
    return bindingsOf(tree).stream().map(Bound::merge).filter(java.util.Objects::nonNull).toList();
  }
}
