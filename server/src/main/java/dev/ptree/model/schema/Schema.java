package dev.ptree.model.schema;

import dev.ptree.yaml.CursorPath;
import java.util.ArrayList;
import java.util.List;

/**
 * A dialect's schema: the root mapping's key and a path lookup. A path is keys and {@link #ITEM}s
 * from the top, as the YAML layer reports the path at a cursor.
 */
public final class Schema {
  /** The path element of a sequence item. */
  public static final String ITEM = CursorPath.ITEM;

  private final Key root;

  public Schema(Key root) {
    this.root = root;
  }

  public Key root() {
    return root;
  }

  /** The key whose value the path leads to, or null where the schema says nothing. */
  public Key at(List<String> path) {
    Key k = root;
    for (String step : path) {
      k = step(k, step);
      if (k == null) {
        return null;
      }
    }
    return k;
  }

  public Key at(String... path) {
    return at(List.of(path));
  }

  private static Key step(Key k, String step) {
    if (k.type() == Key.Type.LIST) {
      return step.equals(ITEM) ? k.item() : null;
    }
    if (k.type() != Key.Type.MAPPING) {
      return null;
    }
    Key child = k.child(step);
    if (child != null) {
      return child;
    }
    return step.equals(ITEM) ? null : k.entry();
  }

  /**
   * This schema with one more key in the mapping at {@code parent}: the keys on the way are
   * copied, the rest shared. The path may pass through list items and declared children only.
   */
  public Schema with(List<String> parent, Key added) {
    return new Schema(insert(root, parent, 0, added));
  }

  private static Key insert(Key k, List<String> path, int at, Key added) {
    if (at == path.size()) {
      return k.withChild(added);
    }
    String step = path.get(at);
    if (k.type() == Key.Type.LIST && step.equals(ITEM)) {
      Key item = insert(k.item(), path, at + 1, added);
      return k.withItem(item);
    }
    Key child = k.child(step);
    if (child == null) {
      throw new IllegalArgumentException("no key " + step + " in " + k.name());
    }
    List<Key> children = new ArrayList<>(k.children());
    children.set(children.indexOf(child), insert(child, path, at + 1, added));
    return k.withChildren(children);
  }
}
