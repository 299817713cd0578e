package dev.ptree.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cursor's line from its content column: a block key and value, then any flow brackets
 * opened and not closed before the cursor. {@code path} lists the keys (and items) the line
 * adds to the block path; {@code tokenStart} is the column where the typed token begins.
 */
final class LenientFlow {
  final List<String> path = new ArrayList<>();
  final Set<String> keys = new LinkedHashSet<>();
  final Set<String> items = new LinkedHashSet<>();
  CursorPath.Slot slot;
  String key;
  int tokenStart;
  boolean flow;
  char quote;

  private static final class Frame {
    final char type; // 'B' block, '{' or '['
    final Set<String> keys = new LinkedHashSet<>();
    final Set<String> items = new LinkedHashSet<>();
    String key; // the key of the segment being read (a mapping frame after its colon)
    int segmentStart;

    Frame(char type, int segmentStart) {
      this.type = type;
      this.segmentStart = segmentStart;
    }
  }

  /** null inside a comment or an unterminated quoted scalar. */
  static LenientFlow scan(String s, int col) {
    Deque<Frame> stack = new ArrayDeque<>();
    List<String> owners = new ArrayList<>();
    stack.push(new Frame('B', 0));
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      Frame top = stack.peek();
      if (c == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
        return null;
      }
      if ((c == '\'' || c == '"') && s.substring(Math.min(top.segmentStart, i), i).isBlank()) {
        int close = s.indexOf(c, i + 1);
        if (close < 0) {
          break; // the cursor is in a quoted scalar: it is the token being typed
        }
        i = close + 1;
        continue;
      }
      if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ') && top.key == null && top.type != '[') {
        top.key = LenientLine.plain(s.substring(top.segmentStart, i));
        top.segmentStart = i + 1;
        i++;
        continue;
      }
      if ((c == '[' || c == '{') && (top.type != 'B' || top.key != null || s.substring(0, i).isBlank())) {
        owners.add(top.type == '[' ? CursorPath.ITEM : top.key);
        stack.push(new Frame(c, i + 1));
        i++;
        continue;
      }
      if ((c == ']' || c == '}') && stack.size() > 1) {
        stack.pop();
        owners.remove(owners.size() - 1);
        Frame parent = stack.peek();
        // the closed collection is the value of the parent's current segment
        parent.segmentStart = i + 1;
        i++;
        continue;
      }
      if (c == ',' && top.type != 'B') {
        String seg = LenientLine.plain(s.substring(top.segmentStart, i));
        if (top.type == '{' && top.key != null) {
          top.keys.add(top.key);
        } else if (top.type == '{' && !seg.isEmpty()) {
          top.keys.add(seg);
        } else if (top.type == '[' && !seg.isEmpty()) {
          top.items.add(seg);
        }
        top.key = null;
        top.segmentStart = i + 1;
        i++;
        continue;
      }
      i++;
    }
    LenientFlow f = new LenientFlow();
    Frame top = stack.peek();
    for (String o : owners) {
      if (o == null) {
        continue; // a flow collection as a block sequence item: the dash already made the item
      }
      f.path.add(o);
    }
    f.flow = stack.size() > 1;
    f.keys.addAll(top.keys);
    f.items.addAll(top.items);
    int start = top.segmentStart;
    if (top.type == '[') {
      f.slot = CursorPath.Slot.ITEM;
    } else if (top.key != null) {
      f.slot = CursorPath.Slot.VALUE;
      f.key = top.key;
    } else {
      f.slot = CursorPath.Slot.KEY;
    }
    while (start < s.length() && s.charAt(start) == ' ') {
      start++;
    }
    if (start < s.length() && (s.charAt(start) == '\'' || s.charAt(start) == '"')) {
      f.quote = s.charAt(start);
      start++;
    }
    f.tokenStart = col + start;
    // a block value that is not a flow collection and not the typed token: nothing to complete
    String typed = s.substring(Math.min(start, s.length()));
    if (f.slot == CursorPath.Slot.KEY && typed.contains(" ")) {
      return null;
    }
    return f;
  }

  /** Keys and items written after the cursor on its line, up to the closing bracket. */
  static void afterCursor(String after, Set<String> keys, Set<String> items) {
    int depth = 0;
    int start = -1; // -1 while still in the cursor's own segment
    for (int i = 0; i < after.length(); i++) {
      char c = after.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == ',' || c == ']' || c == '}')) {
        if (start >= 0) {
          String t = after.substring(start, i).strip();
          int colon = LenientLine.keyColon(t);
          String k = LenientLine.plain(colon >= 0 ? t.substring(0, colon) : t);
          if (!k.isEmpty()) {
            keys.add(k);
            items.add(k);
          }
        }
        if (c != ',') {
          return;
        }
        start = i + 1;
      }
    }
  }
}
