package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.List;

/**
 * Copies of nodes moved by an edit before them: the same nodes with every span shifted by a
 * delta. The copies are recorded as they are made, children before their parent, as a parser
 * records the nodes it builds. Also the nesting depth of a subtree, which a re-read item is
 * measured by.
 */
public final class NodeShift {
  private NodeShift() {}

  public static YNode shift(YNode node, int delta, List<YNode> made) {
    YNode out;
    if (node instanceof YScalar s) {
      out = new YScalar(s.text(), s.style(), shift(s.span(), delta), s.explicitTag(), s.kind(), s.value());
    } else if (node instanceof YSequence q) {
      List<YNode> items = q.items();
      YNode[] moved = new YNode[items.size()];
      for (int i = 0; i < moved.length; i++) {
        moved[i] = shift(items.get(i), delta, made);
      }
      out = new YSequence(List.of(moved), shift(q.span(), delta), q.explicitTag(), q.kind(), q.flow());
    } else {
      YMapping m = (YMapping) node;
      List<YEntry> entries = m.entries();
      YEntry[] moved = new YEntry[entries.size()];
      for (int i = 0; i < moved.length; i++) {
        moved[i] = shift(entries.get(i), delta, made);
      }
      out = new YMapping(List.of(moved), shift(m.span(), delta), m.explicitTag(), m.kind(), m.flow());
    }
    made.add(out);
    return out;
  }

  public static YEntry shift(YEntry entry, int delta, List<YNode> made) {
    YNode key = shift(entry.key(), delta, made);
    return new YEntry(key, shift(entry.value(), delta, made), entry.merged());
  }

  public static Span shift(Span span, int delta) {
    return delta == 0 ? span : new Span(span.start() + delta, span.end() + delta);
  }

  /** The deepest nesting of collections in a node: 0 for a scalar, 1 for a flat collection. */
  public static int collectionDepth(YNode node) {
    int deepest = 0;
    if (node instanceof YSequence q) {
      for (YNode item : q.items()) {
        deepest = Math.max(deepest, collectionDepth(item));
      }
    } else if (node instanceof YMapping m) {
      for (YEntry e : m.entries()) {
        deepest = Math.max(deepest, Math.max(collectionDepth(e.key()), collectionDepth(e.value())));
      }
    } else {
      return 0;
    }
    return 1 + deepest;
  }
}
