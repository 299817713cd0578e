package dev.ptree.lsp.features;

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
 */
final class YamlContext {
  /** The path element of a sequence item. */
  static final String ITEM = "[]";

  /**
   * What the cursor is typing: a key of a mapping, the value of {@code key}, or a scalar item of
   * a sequence.
   */
  enum Slot { KEY, VALUE, ITEM }

  /**
   * {@code path}: keys and {@link #ITEM}s from the top to the collection the cursor is in (for a
   * VALUE, down to the mapping that holds {@code key}). {@code prefix} is what is typed so far and
   * {@code [replaceStart, replaceEnd)} the text a completion replaces; {@code colonFollows} when
   * a key already has its colon; {@code quote} is the quote the token opened with, or 0.
   * {@code siblings}: the keys of the mapping already written,
   * {@code items}: the scalar items of the sequence already written (the cursor's own excluded).
   */
  record Context(List<String> path, Slot slot, String key, String prefix, int replaceStart, int replaceEnd,
      boolean colonFollows, Set<String> siblings, Set<String> items, boolean flow, char quote) {}

  private YamlContext() {}

  /** null where nothing can be completed: inside a comment, a quoted or block scalar, or past junk. */
  static Context at(String text, int offset) {
    SourceText source = new SourceText(text);
    int off = Math.max(0, Math.min(offset, text.length()));
    int lineNo = source.lineOf(off);
    int lineStart = source.lineStart(lineNo);
    String before = text.substring(lineStart, off);
    String after = text.substring(off, source.lineEnd(lineNo));
    Line line = Line.parse(before);
    if (line == null || line.documentMarker) {
      return null;
    }
    // The cursor's own line: its dashes, then a flow or block key/value.
    Frames frames = Frames.scan(line.content, line.contentCol);
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
      path.add(ITEM);
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
      Frames.afterCursor(after, siblings, items);
    } else if (frames.slot == Slot.KEY) {
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
    return new Context(List.copyOf(path), frames.slot, frames.key, prefix, replaceStart, wordEnd, colon,
        Collections.unmodifiableSet(siblings), Collections.unmodifiableSet(items), frames.flow, frames.quote);
  }

  private static boolean isWordChar(char c, Slot slot) {
    if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-' || c == '.') {
      return true;
    }
    return slot == Slot.VALUE && c != ' ' && c != '#' && c != ',' && c != ']' && c != '}' && c != '\'' && c != '"';
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
      Line l = Line.parse(source.lineText(i));
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
          out.addFirst(ITEM);
          limit = l.dashes.get(d);
          isDash = true;
        }
        continue;
      }
      for (int d = l.dashes.size() - 1; d >= 0; d--) {
        if (l.dashes.get(d) < limit) {
          out.addFirst(ITEM);
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
      Line l = Line.parse(source.lineText(i));
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
      Line l = Line.parse(source.lineText(i));
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
        Line l = Line.parse(source.lineText(i));
        if (l == null || l.blank) {
          continue;
        }
        if (l.documentMarker || l.leftmost() < dash) {
          break;
        }
        if (!l.dashes.isEmpty() && l.dashes.get(0) == dash && l.dashes.size() == 1 && l.key == null) {
          String item = Line.plain(l.content);
          if (!item.isEmpty()) {
            into.add(item);
          }
        }
      }
    }
  }

  /** One line read for its structure: dashes, a key and whether a value follows it. */
  static final class Line {
    final List<Integer> dashes = new ArrayList<>();
    int contentCol;
    String content = "";
    String key;
    int keyCol = -1;
    boolean emptyValue;
    boolean blockScalar;
    boolean blank;
    boolean documentMarker;

    int leftmost() {
      return dashes.isEmpty() ? (key != null ? keyCol : contentCol) : dashes.get(0);
    }

    /** null for a line indented with a tab (not YAML): nothing is completed then. */
    static Line parse(String s) {
      Line l = new Line();
      int i = 0;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      if (i < s.length() && s.charAt(i) == '\t') {
        return null;
      }
      if (s.startsWith("---") && (s.length() == 3 || s.charAt(3) == ' ')
          || s.startsWith("...") && (s.length() == 3 || s.charAt(3) == ' ')) {
        l.documentMarker = true;
        return l;
      }
      while (i < s.length() && s.charAt(i) == '-' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
        l.dashes.add(i);
        i++;
        while (i < s.length() && s.charAt(i) == ' ') {
          i++;
        }
      }
      l.contentCol = i;
      l.content = s.substring(i);
      String trimmed = l.content.strip();
      if (l.dashes.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        l.blank = true;
        return l;
      }
      int colon = keyColon(l.content);
      if (colon >= 0) {
        String k = l.content.substring(0, colon).strip();
        if (k.length() >= 2 && (k.charAt(0) == '\'' || k.charAt(0) == '"') && k.charAt(k.length() - 1) == k.charAt(0)) {
          k = k.substring(1, k.length() - 1);
        }
        if (k.startsWith("? ")) {
          k = k.substring(2).strip();
        }
        l.key = k;
        l.keyCol = i;
        String value = stripComment(l.content.substring(colon + 1)).strip();
        while (value.startsWith("&") || value.startsWith("!")) {
          int sp = value.indexOf(' ');
          value = sp < 0 ? "" : value.substring(sp + 1).strip();
        }
        l.emptyValue = value.isEmpty();
        l.blockScalar = value.startsWith("|") || value.startsWith(">");
      }
      return l;
    }

    /** The index of the colon that ends a block key (": " or ":" at the end), or -1. */
    static int keyColon(String content) {
      if (content.isEmpty() || "[{#'\"|>".indexOf(content.charAt(0)) >= 0 && content.charAt(0) != '\''
          && content.charAt(0) != '"') {
        return -1;
      }
      int i = 0;
      if (content.charAt(0) == '\'' || content.charAt(0) == '"') {
        char q = content.charAt(0);
        i = content.indexOf(q, 1);
        if (i < 0) {
          return -1;
        }
        i++;
      }
      for (; i < content.length(); i++) {
        char c = content.charAt(i);
        if (c == '#' && i > 0 && content.charAt(i - 1) == ' ') {
          return -1;
        }
        if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ' || content.charAt(i + 1) == '\t')) {
          return i;
        }
      }
      return -1;
    }

    static String stripComment(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
          return s.substring(0, i);
        }
      }
      return s;
    }

    /** A plain or quoted scalar as its text. */
    static String plain(String s) {
      String t = stripComment(s).strip();
      if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
        return t.substring(1, t.length() - 1);
      }
      return t;
    }
  }

  /**
   * The cursor's line from its content column: a block key and value, then any flow brackets
   * opened and not closed before the cursor. {@code path} lists the keys (and items) the line
   * adds to the block path; {@code tokenStart} is the column where the typed token begins.
   */
  private static final class Frames {
    final List<String> path = new ArrayList<>();
    final Set<String> keys = new LinkedHashSet<>();
    final Set<String> items = new LinkedHashSet<>();
    Slot slot;
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
    static Frames scan(String s, int col) {
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
          top.key = Line.plain(s.substring(top.segmentStart, i));
          top.segmentStart = i + 1;
          i++;
          continue;
        }
        if ((c == '[' || c == '{') && (top.type != 'B' || top.key != null || s.substring(0, i).isBlank())) {
          owners.add(top.type == '[' ? ITEM : top.key);
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
          String seg = Line.plain(s.substring(top.segmentStart, i));
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
      Frames f = new Frames();
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
        f.slot = Slot.ITEM;
      } else if (top.key != null) {
        f.slot = Slot.VALUE;
        f.key = top.key;
      } else {
        f.slot = Slot.KEY;
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
      if (f.slot == Slot.KEY && typed.contains(" ")) {
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
            int colon = Line.keyColon(t);
            String k = Line.plain(colon >= 0 ? t.substring(0, colon) : t);
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
}
