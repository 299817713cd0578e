package dev.ptree.yaml;

import dev.ptree.text.SourceText;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a cursor is in YAML text that may be mid-edit and not parse at all: the path of keys and
 * sequence items from the top, read from indentation by scanning the lines above for the nearest
 * parent keys, and flow brackets on the cursor's line. Block scalars are recognised so that no
 * completion is offered inside one. Works in one pass over the lines above and below the cursor.
 * This is the YAML layer's tolerant reading: the composer needs text that parses, the editor
 * asks about text half typed.
 */
final class LenientReading {
  private LenientReading() {}

  /** null where nothing can be completed: inside a comment, a quoted or block scalar, or past junk. */
  static CursorPath at(String text, int offset) {
    SourceText source = new SourceText(text);
    int off = Math.max(0, Math.min(offset, text.length()));
    int lineNo = source.lineOf(off);
    int lineStart = source.lineStart(lineNo);
    String before = text.substring(lineStart, off);
    String after = text.substring(off, source.lineEnd(lineNo));
    LenientLine line = LenientLine.parse(before);
    if (line == null || line.documentMarker) {
      return null;
    }
    // The cursor's own line: its dashes, then a flow or block key/value.
    LenientFlow frames = LenientFlow.scan(line.content, line.contentCol);
    if (frames == null) {
      return null; // in a comment or a quoted string
    }
    int outerCol = line.dashes.isEmpty() ? line.contentCol : line.dashes.get(0);
    boolean outerIsDash = !line.dashes.isEmpty();
    List<String> up = parents(source, lineNo, outerCol, outerIsDash);
    if (up == null) {
      return null;
    }
    List<String> path = new ArrayList<>(up);
    for (int i = 0; i < line.dashes.size(); i++) {
      path.add(CursorPath.ITEM);
    }
    path.addAll(frames.path);
    int wordEnd = off;
    while (wordEnd < lineStart + before.length() + after.length() && isWordChar(text.charAt(wordEnd), frames.slot)) {
      wordEnd++;
    }
    String rest = text.substring(wordEnd, source.lineEnd(lineNo)).stripLeading();
    boolean colon = rest.startsWith(":");
    int replaceStart = Math.min(lineStart + frames.tokenStart, off);
    Set<String> siblings = new LinkedHashSet<>();
    Set<String> items = new LinkedHashSet<>();
    if (frames.flow) {
      siblings.addAll(frames.keys);
      items.addAll(frames.items);
      LenientFlow.afterCursor(after, siblings, items);
    } else if (frames.slot == CursorPath.Slot.KEY) {
      int col = line.contentCol;
      if (line.dashes.isEmpty()) {
        collectAbove(source, lineNo, col, siblings);
      }
      collectBelow(source, lineNo, col, siblings);
      if (!line.dashes.isEmpty()) {
        int dash = line.dashes.get(line.dashes.size() - 1);
        collectItems(source, lineNo, dash, items);
      }
    }
    String prefix = text.substring(replaceStart, off);
    return new CursorPath(List.copyOf(path), frames.slot, frames.key, prefix, replaceStart, wordEnd, colon,
        Collections.unmodifiableSet(siblings), Collections.unmodifiableSet(items), frames.flow, frames.quote);
  }

  private static boolean isWordChar(char c, CursorPath.Slot slot) {
    if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-' || c == '.') {
      return true;
    }
    return slot == CursorPath.Slot.VALUE && c != ' ' && c != '#' && c != ',' && c != ']' && c != '}' && c != '\'' && c != '"';
  }

  /**
   * The keys and items above the cursor's line that enclose a node starting at {@code col}
   * ({@code dash}: the node is a sequence item). null when the cursor is inside a block scalar.
   */
  private static List<String> parents(SourceText source, int lineNo, int col, boolean dash) {
    Deque<String> out = new ArrayDeque<>();
    int limit = col;
    boolean isDash = dash;
    for (int i = lineNo - 1; i >= 0 && (limit > 0 || isDash); i--) {
      int indent = indent(source, i);
      if (indent > limit) {
        continue; // deeper than any parent can be (and not blank: blank lines are skipped anyway)
      }
      if (indent == limit && isDash && source.content().charAt(source.lineStart(i) + indent) == '-') {
        continue; // another item of the same sequence
      }
      LenientLine l = LenientLine.parse(source.lineText(i));
      if (l == null || l.blank) {
        continue;
      }
      if (l.documentMarker) {
        break;
      }
      if (l.key != null && (l.keyCol < limit || isDash && l.keyCol == limit && l.emptyValue)) {
        if (l.blockScalar) {
          return null;
        }
        out.addFirst(l.key);
        limit = l.keyCol;
        isDash = false;
        for (int d = l.dashes.size() - 1; d >= 0; d--) {
          out.addFirst(CursorPath.ITEM);
          limit = l.dashes.get(d);
          isDash = true;
        }
        continue;
      }
      for (int d = l.dashes.size() - 1; d >= 0; d--) {
        if (l.dashes.get(d) < limit) {
          out.addFirst(CursorPath.ITEM);
          limit = l.dashes.get(d);
          isDash = true;
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The spaces a line starts with, without building the line's text. */
  private static int indent(SourceText source, int line) {
    String text = source.content();
    int start = source.lineStart(line);
    int end = source.lineEnd(line);
    int i = start;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    return i == end ? Integer.MAX_VALUE : i - start; // a blank line: never a parent or a sibling
  }

  /** Keys at {@code col} in the lines above, up to the start of the mapping. */
  private static void collectAbove(SourceText source, int lineNo, int col, Set<String> into) {
    for (int i = lineNo - 1; i >= 0; i--) {
      if (indent(source, i) > col) {
        continue;
      }
      LenientLine l = LenientLine.parse(source.lineText(i));
      if (l == null || l.blank) {
        continue;
      }
      if (l.documentMarker) {
        return;
      }
      if (l.key != null && l.keyCol == col) {
        into.add(l.key);
      }
      if (l.leftmost() < col) {
        return;
      }
    }
  }

  /** Keys at {@code col} in the lines below, up to the end of the mapping. */
  private static void collectBelow(SourceText source, int lineNo, int col, Set<String> into) {
    for (int i = lineNo + 1; i < source.lineCount(); i++) {
      if (indent(source, i) > col) {
        continue;
      }
      LenientLine l = LenientLine.parse(source.lineText(i));
      if (l == null || l.blank) {
        continue;
      }
      if (l.documentMarker || l.leftmost() < col) {
        return;
      }
      if (l.key != null && l.keyCol == col && l.dashes.isEmpty()) {
        into.add(l.key);
      }
    }
  }

  /** The scalar items of the block sequence whose dashes are at {@code dash}, the cursor's line excluded. */
  private static void collectItems(SourceText source, int lineNo, int dash, Set<String> into) {
    for (int step : new int[] {-1, 1}) {
      for (int i = lineNo + step; i >= 0 && i < source.lineCount(); i += step) {
        LenientLine l = LenientLine.parse(source.lineText(i));
        if (l == null || l.blank) {
          continue;
        }
        if (l.documentMarker || l.leftmost() < dash) {
          break;
        }
        if (!l.dashes.isEmpty() && l.dashes.get(0) == dash && l.dashes.size() == 1 && l.key == null) {
          String item = LenientLine.plain(l.content);
          if (!item.isEmpty()) {
            into.add(item);
          }
        }
      }
    }
  }

}
