package dev.ptree.yaml;

import java.util.List;

/**
 * The result of parsing one YAML text: the root node (null for an empty stream or when the text
 * could not be composed) and every problem found. Parsing never throws.
 */
public record YamlDocument(YNode root, List<YamlProblem> problems, int maxCollectionDepth, boolean shared,
    List<YNode> builtNodes) {

  public YamlDocument(YNode root, List<YamlProblem> problems, int maxCollectionDepth, boolean shared) {
    this(root, problems, maxCollectionDepth, shared, null);
  }

  /** Every distinct node, keys included, in no particular order; aliased nodes appear once. */
  public List<YNode> nodes() {
    return builtNodes != null ? builtNodes : walk(root, shared);
  }

  /** A node and every node under it, keys included (a tree without aliases). */
  public static List<YNode> nodesUnder(YNode node) {
    return walk(node, false);
  }

  private static List<YNode> walk(YNode root, boolean shared) {
    java.util.ArrayList<YNode> out = new java.util.ArrayList<>();
    if (root == null) {
      return out;
    }
    java.util.Set<YNode> seen = shared ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : null;
    java.util.ArrayDeque<YNode> stack = new java.util.ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      YNode node = stack.pop();
      if (seen != null && !seen.add(node)) {
        continue;
      }
      out.add(node);
      if (node instanceof YMapping m) {
        for (int i = m.entries().size() - 1; i >= 0; i--) {
          YEntry e = m.entries().get(i);
          stack.push(e.value());
          stack.push(e.key());
        }
      } else if (node instanceof YSequence q) {
        for (int i = q.items().size() - 1; i >= 0; i--) {
          stack.push(q.items().get(i));
        }
      }
    }
    return out;
  }
}
