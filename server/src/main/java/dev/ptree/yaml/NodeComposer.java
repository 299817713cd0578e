package dev.ptree.yaml;

import dev.ptree.text.Span;
import dev.ptree.yaml.PyYamlScalars.Resolution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the node graph SnakeYAML's composer builds into our nodes the way PyYAML's
 * SafeConstructor reads it: PyYAML's implicit typing, merge keys flattened, standard tags
 * checked against the node they are on, an aliased node built once and shared, and a node
 * that contains itself reported instead of followed.
 */
final class NodeComposer {
  private static final String P = PyYamlScalars.TAG_PREFIX;
  private static final String PLAIN_TAG = DeferringResolver.PLAIN.getValue();
  private static final String NON_PLAIN_TAG = DeferringResolver.NON_PLAIN.getValue();
  private static final String MAP_TAG = DeferringResolver.MAP.getValue();
  private static final String SEQ_TAG = DeferringResolver.SEQ.getValue();

  /** The unmasked text: scalars are decoded from it. */
  private final String original;
  private final MarkOffsets offsets;
  private final List<YamlProblem> problems;
  private final Map<Node, YNode> converted = new IdentityHashMap<>();
  private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
  private int maxDepth;

  NodeComposer(String original, MarkOffsets offsets, List<YamlProblem> problems) {
    this.original = original;
    this.offsets = offsets;
    this.problems = problems;
  }

  /** Our node for SnakeYAML's root node. */
  YNode compose(Node root) {
    return convert(root, 1);
  }

  /** The deepest collection seen so far, the root at 1. */
  int maxDepth() {
    return maxDepth;
  }

  /** A block collection ends where its last child ends (not at the next token, as SnakeYAML marks it). */
  private Span collectionSpan(Node node, boolean flow, YNode lastChild) {
    Span raw = offsets.span(node);
    if (flow || lastChild == null) {
      return raw;
    }
    return new Span(raw.start(), Math.max(raw.start(), lastChild.span().end()));
  }

  private YNode convert(Node node, int depth) {
    YNode done = converted.get(node);
    if (done != null) {
      return done;
    }
    if (!inProgress.add(node)) {
      problems.add(new YamlProblem(YamlProblem.Code.RECURSIVE_ALIAS,
          "recursive alias: this node contains itself; nova's schema validation recurses until"
              + " RecursionError", offsets.span(node)));
      return new YScalar("", ScalarStyle.PLAIN, offsets.span(node), null, ValueKind.NULL, null);
    }
    if (!(node instanceof ScalarNode)) {
      maxDepth = Math.max(maxDepth, depth);
    }
    YNode result;
    if (node instanceof ScalarNode scalar) {
      result = convertScalar(scalar);
    } else if (node instanceof SequenceNode sequence) {
      result = convertSequence(sequence, depth);
    } else {
      result = convertMapping((MappingNode) node, depth);
    }
    inProgress.remove(node);
    converted.put(node, result);
    return result;
  }

  private YNode convertScalar(ScalarNode node) {
    ScalarStyle style = switch (node.getScalarStyle()) {
      case PLAIN -> ScalarStyle.PLAIN;
      case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
      case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
      case LITERAL -> ScalarStyle.LITERAL;
      default -> ScalarStyle.FOLDED;
    };
    String tag = node.getTag().getValue();
    if (tag.equals(PLAIN_TAG)) {
      return ScalarBuilder.plain(node.getValue(), offsets.span(node), problems);
    }
    if (tag.equals(NON_PLAIN_TAG)) {
      tag = null;
    }
    String value = node.getValue();
    Span span = offsets.span(node);
    if (style == ScalarStyle.DOUBLE_QUOTED && span.length() >= 2 && original.indexOf('\\', span.start()) >= 0
        && original.indexOf('\\', span.start()) < span.end()) {
      int quote = original.indexOf('"', span.start()); // a tag or anchor may come first
      try {
        value = DoubleQuoted.decode(original.substring(quote + 1, span.end() - 1));
      } catch (DoubleQuoted.BadEscape e) {
        problems.add(new YamlProblem(YamlProblem.Code.BAD_ESCAPE, "while scanning a double-quoted scalar, "
            + e.getMessage(), span));
      }
    }
    return ScalarBuilder.build(value, style, span, tag, problems);
  }

  private <T extends YNode> T unknownTag(String tag, String what, Span span, T fallback) {
    problems.add(new YamlProblem(YamlProblem.Code.UNKNOWN_TAG,
        "could not determine a constructor for the tag '" + tag + "' on this " + what, span));
    return fallback;
  }

  private YNode convertSequence(SequenceNode node, int depth) {
    List<YNode> items = new ArrayList<>(node.getValue().size());
    for (Node child : node.getValue()) {
      items.add(convert(child, depth + 1));
    }
    boolean flow = node.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    Span span = collectionSpan(node, flow, items.isEmpty() ? null : items.get(items.size() - 1));
    String tag = node.getTag().getValue();
    if (tag.equals(SEQ_TAG) || tag.equals("!") || tag.equals(P + "seq")) {
      String explicit = tag.equals(P + "seq") ? tag : null;
      return new YSequence(List.copyOf(items), span, explicit, ValueKind.SEQUENCE, flow);
    }
    YSequence other = new YSequence(List.copyOf(items), span, tag, ValueKind.OTHER_COLLECTION, flow);
    if (tag.equals(P + "omap") || tag.equals(P + "pairs")) {
      for (YNode item : items) {
        if (!(item instanceof YMapping m) || m.entries().size() != 1) {
          problems.add(new YamlProblem(YamlProblem.Code.BAD_ORDERED_MAP,
              "while constructing an ordered map, expected a mapping of length 1", item.span()));
        }
      }
      return other;
    }
    if (tag.startsWith(P) && List.of("map", "set", "str", "int", "float", "bool", "null",
        "timestamp", "binary").contains(tag.substring(P.length()))) {
      problems.add(new YamlProblem(YamlProblem.Code.TAG_MISMATCH,
          "expected a " + (tag.endsWith("map") || tag.endsWith("set") ? "mapping" : "scalar")
              + " node, but found sequence", span));
      return other;
    }
    return unknownTag(tag, "sequence", span, other);
  }

  private YNode convertMapping(MappingNode node, int depth) {
    List<YEntry> merged = new ArrayList<>();
    List<YEntry> explicit = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (isMergeKey(keyNode)) {
        Node mergeValue = tuple.getValueNode();
        if (inProgress.contains(mergeValue)) {
          continue; // PyYAML drops the merge key before following it: merging a node into itself adds nothing
        }
        if (mergeValue instanceof SequenceNode list && list.getValue().stream().anyMatch(inProgress::contains)) {
          List<YNode> parts = new ArrayList<>();
          for (Node item : list.getValue()) {
            if (!inProgress.contains(item)) {
              parts.add(convert(item, depth + 2));
            }
          }
          mergeInto(merged, new YSequence(List.copyOf(parts), offsets.span(list), null, ValueKind.SEQUENCE, true));
          continue;
        }
        mergeInto(merged, convert(mergeValue, depth + 1));
        continue;
      }
      YNode key = isValueKey(keyNode)
          ? new YScalar(((ScalarNode) keyNode).getValue(), ScalarStyle.PLAIN, offsets.span(keyNode), null, ValueKind.STR,
              ((ScalarNode) keyNode).getValue())
          : convert(keyNode, depth + 1);
      if (key instanceof YScalar && original.codePointCount(key.span().start(), key.span().end()) > 1024
          && !explicitKey(key.span().start())) {
        problems.add(new YamlProblem(YamlProblem.Code.KEY_TOO_LONG, "while scanning a simple key, could"
            + " not find expected ':' (a key without '?' may be at most 1024 characters)", key.span()));
      }
      YNode value = convert(tuple.getValueNode(), depth + 1);
      if (key.kind() == ValueKind.MAPPING || key.kind() == ValueKind.SEQUENCE
          || key.kind() == ValueKind.OTHER_COLLECTION) {
        problems.add(new YamlProblem(YamlProblem.Code.UNHASHABLE_KEY,
            "while constructing a mapping, found unhashable key", key.span()));
      }
      explicit.add(new YEntry(key, value, false));
    }
    List<YEntry> entries = new ArrayList<>(merged.size() + explicit.size());
    entries.addAll(merged);
    entries.addAll(explicit);
    boolean flow = node.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    YNode last = node.getValue().isEmpty() ? null
        : converted.get(node.getValue().get(node.getValue().size() - 1).getValueNode());
    Span span = collectionSpan(node, flow, last);
    String tag = node.getTag().getValue();
    if (tag.equals(MAP_TAG) || tag.equals("!") || tag.equals(P + "map")) {
      String explicitTag = tag.equals(P + "map") ? tag : null;
      return new YMapping(List.copyOf(entries), span, explicitTag, ValueKind.MAPPING, flow);
    }
    YMapping other = new YMapping(List.copyOf(entries), span, tag, ValueKind.OTHER_COLLECTION, flow);
    if (tag.equals(P + "set")) {
      return other;
    }
    if (tag.startsWith(P) && List.of("seq", "omap", "pairs", "str", "int", "float", "bool", "null",
        "timestamp", "binary").contains(tag.substring(P.length()))) {
      problems.add(new YamlProblem(YamlProblem.Code.TAG_MISMATCH,
          "expected a " + (tag.endsWith("seq") || tag.endsWith("omap") || tag.endsWith("pairs")
              ? "sequence" : "scalar") + " node, but found mapping", span));
      return other;
    }
    return unknownTag(tag, "mapping", span, other);
  }

  /** Whether a '?' indicator precedes the key at this offset (an explicit key has no length limit). */
  private boolean explicitKey(int start) {
    int i = start - 1;
    while (i >= 0 && (original.charAt(i) == ' ' || original.charAt(i) == '\t')) {
      i--;
    }
    return i >= 0 && original.charAt(i) == '?';
  }

  /** PyYAML turns a {@code =} (or {@code !!value}) key into a string; as a value it has no constructor. */
  private static boolean isValueKey(Node key) {
    return key instanceof ScalarNode scalar && ((scalar.getTag().getValue().equals(PLAIN_TAG)
        && scalar.getValue().equals("=")) || scalar.getTag().getValue().equals(P + "value"));
  }

  private static boolean isMergeKey(Node key) {
    if (!(key instanceof ScalarNode scalar)) {
      return false;
    }
    String tag = scalar.getTag().getValue();
    return tag.equals(P + "merge")
        || (tag.equals(PLAIN_TAG) && PyYamlScalars.resolvePlain(scalar.getValue()) == Resolution.MERGE);
  }

  /** PyYAML's flatten_mapping: later mappings in a merge list lose to earlier ones. */
  private void mergeInto(List<YEntry> merged, YNode value) {
    if (value instanceof YMapping m && m.kind() == ValueKind.MAPPING) {
      for (YEntry e : m.entries()) {
        merged.add(new YEntry(e.key(), e.value(), true));
      }
    } else if (value instanceof YSequence s && s.kind() == ValueKind.SEQUENCE) {
      List<YMapping> parts = new ArrayList<>();
      for (YNode item : s.items()) {
        if (item instanceof YMapping m && m.kind() == ValueKind.MAPPING) {
          parts.add(m);
        } else {
          problems.add(new YamlProblem(YamlProblem.Code.BAD_MERGE,
              "while constructing a mapping, expected a mapping for merging, but found "
                  + item.kind().label(), item.span()));
        }
      }
      Collections.reverse(parts);
      for (YMapping m : parts) {
        for (YEntry e : m.entries()) {
          merged.add(new YEntry(e.key(), e.value(), true));
        }
      }
    } else {
      problems.add(new YamlProblem(YamlProblem.Code.BAD_MERGE,
          "while constructing a mapping, expected a mapping or list of mappings for merging,"
              + " but found " + value.kind().label(), value.span()));
    }
  }
}
