package dev.ptree.yaml;

/**
 * The fast path's reading of the text, line by line: where the cursor is, what starts there
 * (a block entry, a simple key, a plain or quoted scalar), where a line, a key or a quoted
 * scalar ends. {@link FastYamlParser} builds the nodes on top of it. Anything this reading does
 * not handle abandons the fast path by throwing {@link #BAIL}.
 */
abstract sealed class FastScanner permits FastScalars {
  /** Thrown to abandon the fast path; carries no stack trace. */
  static final class Bail extends RuntimeException {
    Bail() {
      super(null, null, false, false);
    }
  }

  static final Bail BAIL = new Bail();

  final String s;
  final int n;
  /** Keys and short values repeat thousands of times in a config: build each String once. */
  private final String[] pool = new String[1 << 12];
  /** The cursor, and the start of its line. */
  int pos;
  int lineStart;

  FastScanner(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** Characters that always need the full parser: tabs, YAML 1.1's extra line breaks, lone CR. */
  static boolean plausible(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ') {
        if (c == '\n') {
          continue;
        }
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          continue;
        }
        return false;
      }
      if (c == 0x85 || c == 0x2028 || c == 0x2029 || (c == 0xFEFF && i > 0)) {
        return false;
      }
    }
    return true;
  }

  /** {@code s.substring(start, end)}, shared with earlier equal short strings. */
  final String text(int start, int end) {
    int length = end - start;
    if (length > 48) {
      return s.substring(start, end);
    }
    int h = length;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    int slot = (h ^ (h >>> 13)) & (pool.length - 1);
    String cached = pool[slot];
    if (cached != null && cached.length() == length && s.regionMatches(start, cached, 0, length)) {
      return cached;
    }
    String fresh = s.substring(start, end);
    pool[slot] = fresh;
    return fresh;
  }

  // ---- lines ---------------------------------------------------------------------------------

  final boolean atLineEnd(int i) {
    return i >= n || s.charAt(i) == '\n' || s.charAt(i) == '\r';
  }

  /** Moves to the first content character at or after pos, skipping blank and comment lines. */
  final void skipToContent() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c == ' ') {
        pos++;
      } else if (c == '#') {
        while (!atLineEnd(pos)) {
          pos++;
        }
      } else if (c == '\n' || c == '\r') {
        pos += (c == '\r') ? 2 : 1;
        lineStart = pos;
      } else {
        return;
      }
    }
  }

  final int column() {
    return pos - lineStart;
  }

  /** After a value on a line: only spaces and a comment may follow. */
  final void endOfLine() {
    while (pos < n && s.charAt(pos) == ' ') {
      pos++;
    }
    if (pos < n && s.charAt(pos) == '#') {
      if (s.charAt(pos - 1) != ' ') {
        throw BAIL;
      }
      while (!atLineEnd(pos)) {
        pos++;
      }
    }
    if (!atLineEnd(pos)) {
      throw BAIL;
    }
  }

  final boolean isBlockEntry(int i) {
    return s.charAt(i) == '-' && (i + 1 >= n || s.charAt(i + 1) == ' ' || atLineEnd(i + 1));
  }

  /** After a value that ended its line: a deeper line would continue it, which we do not parse. */
  final void noContinuation(int parentIndent) {
    int save = pos;
    int saveLine = lineStart;
    skipToContent();
    boolean deeper = pos < n && column() > parentIndent && parentIndent >= 0;
    boolean rootScalarContinues = pos < n && parentIndent < 0;
    pos = save;
    lineStart = saveLine;
    if (deeper || rootScalarContinues) {
      throw BAIL;
    }
  }

  /** If a simple key starts at i, the index of its ':' (followed by a space or line end); else -1. */
  final int keyEnd(int i) {
    char c = s.charAt(i);
    int j;
    if (c == '\'' || c == '"') {
      j = quotedEnd(i);
      if (j < 0) {
        return -1;
      }
      while (j < n && s.charAt(j) == ' ') {
        j++;
      }
      return j < n && s.charAt(j) == ':' && (atLineEnd(j + 1) || s.charAt(j + 1) == ' ') ? j : -1;
    }
    if (!plainStart(i, false)) {
      return -1;
    }
    for (j = i; !atLineEnd(j); j++) {
      char d = s.charAt(j);
      if (d == ':' && (atLineEnd(j + 1) || s.charAt(j + 1) == ' ')) {
        return j;
      }
      if (d == '#' && s.charAt(j - 1) == ' ') {
        return -1;
      }
    }
    return -1;
  }

  final boolean plainStart(int i, boolean flow) {
    char c = s.charAt(i);
    switch (c) {
      case '-', '?', ':' -> {
        return (c == '-' || !flow) && i + 1 < n && !atLineEnd(i + 1) && s.charAt(i + 1) != ' '
            && !(flow && ",[]{}".indexOf(s.charAt(i + 1)) >= 0);
      }
      case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ' -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /** Index just past the closing quote of a single-line quoted scalar at i, or -1. */
  final int quotedEnd(int i) {
    char q = s.charAt(i);
    for (int j = i + 1; !atLineEnd(j); j++) {
      char c = s.charAt(j);
      if (q == '"' && c == '\\') {
        if (atLineEnd(j + 1)) {
          return -1; // an escaped line break: multi-line
        }
        j++;
        continue;
      }
      if (c == q) {
        if (q == '\'' && j + 1 < n && s.charAt(j + 1) == '\'') {
          j++;
          continue;
        }
        return j + 1;
      }
    }
    return -1;
  }

  final void skipFlowSpaces() {
    while (pos < n && s.charAt(pos) == ' ') {
      pos++;
    }
    if (atLineEnd(pos)) {
      throw BAIL; // multi-line flow collections take the full parser
    }
  }
}
