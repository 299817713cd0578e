package dev.ptree.yaml;

import dev.ptree.text.Span;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns SnakeYAML's marks, which count code points, into UTF-16 offsets into the text. Most
 * texts have no character beyond the BMP, and then the two agree and no index is built.
 */
final class MarkOffsets {
  private final int length;
  /** The UTF-16 offset of each code point, or null when every code point is one char. */
  private final int[] codePointToChar;

  /** {@code text}: exactly what SnakeYAML reads. */
  MarkOffsets(String text) {
    this.length = text.length();
    this.codePointToChar = codePointIndex(text);
  }

  private static int[] codePointIndex(String text) {
    boolean astral = false;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        astral = true;
        break;
      }
    }
    if (!astral) {
      return null;
    }
    int[] index = new int[text.codePointCount(0, text.length()) + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
      index[cp++] = i;
    }
    index[cp] = text.length();
    return index;
  }

  int offset(Mark mark) {
    int index = mark.getIndex();
    if (codePointToChar == null) {
      return Math.min(index, length);
    }
    return codePointToChar[Math.min(index, codePointToChar.length - 1)];
  }

  Span span(Node node) {
    int start = offset(node.getStartMark());
    int end = Math.max(start, offset(node.getEndMark()));
    return new Span(start, end);
  }
}
