package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the YAML almost every provider config is written in: block mappings and
 * sequences, single-line plain and quoted scalars, single-line flow collections, comments. It
 * builds exactly the nodes the SnakeYAML path builds (a differential test holds them equal) and
 * gives up — returning null — on anything else: anchors, tags, block scalars, multi-line
 * scalars, tabs, document markers, merge keys, anything irregular. The SnakeYAML composer then
 * parses the text, with its exact errors.
 */
final class FastYamlParser {
  private static final int MAX_DEPTH = 200;

  /** Thrown to abandon the fast path; carries no stack trace. */
  private static final class Bail extends RuntimeException {
    Bail() {
      super(null, null, false, false);
    }
  }

  private static final Bail BAIL = new Bail();

  private final String s;
  private final int n;
  /** Keys and short values repeat thousands of times in a config: build each String once. */
  private final String[] pool = new String[1 << 12];
  private final List<YNode> nodes;
  private final List<YamlProblem> problems;
  private int pos;
  private int lineStart;
  private int maxDepth;

  private FastYamlParser(String s, List<YamlProblem> problems) {
    this.s = s;
    this.n = s.length();
    this.problems = problems;
    this.nodes = new ArrayList<>(Math.max(16, s.length() / 12));
  }

  /** The parsed document, or null when the text needs the full parser. */
  static YamlDocument tryParse(String text, List<YamlProblem> problems) {
    return tryParse(text, problems, true);
  }

  /** {@code screen}: whether the text may hold characters the fast path refuses up front. */
  static YamlDocument tryParse(String text, List<YamlProblem> problems, boolean screen) {
    if (screen && !plausible(text)) {
      return null;
    }
    List<YamlProblem> own = new ArrayList<>(problems);
    FastYamlParser p = new FastYamlParser(text, own);
    try {
      YNode root = p.document();
      return new YamlDocument(root, List.copyOf(own), p.maxDepth, false, java.util.Collections.unmodifiableList(p.nodes));
    } catch (Bail | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** Characters that always need the full parser: tabs, YAML 1.1's extra line breaks, lone CR. */
  private static boolean plausible(String text) {
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
  private String text(int start, int end) {
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

  private boolean atLineEnd(int i) {
    return i >= n || s.charAt(i) == '\n' || s.charAt(i) == '\r';
  }

  /** Moves to the first content character at or after pos, skipping blank and comment lines. */
  private void skipToContent() {
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

  private int column() {
    return pos - lineStart;
  }

  /** After a value on a line: only spaces and a comment may follow. */
  private void endOfLine() {
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

  // ---- document ------------------------------------------------------------------------------

  private YNode document() {
    if (n > 0 && s.charAt(0) == '\uFEFF') {
      pos = 1;
      lineStart = 1;
    }
    skipToContent();
    if (pos >= n) {
      return null;
    }
    if (column() == 0 && s.startsWith("---", pos) && atLineEnd(pos + 3)) {
      pos += 3; // an explicit start of the one document
      skipToContent();
      if (pos >= n) {
        throw BAIL; // an empty explicit document: leave its null to the full parser
      }
    }
    if (column() == 0 && (s.startsWith("---", pos) || s.startsWith("...", pos) || s.charAt(pos) == '%')) {
      throw BAIL;
    }
    YNode root = blockNode(-1, 1);
    skipToContent();
    if (pos < n) {
      throw BAIL;
    }
    return root;
  }

  /** A node starting at pos (a content character) in a block whose parent is at {@code parentIndent}. */
  private YNode blockNode(int parentIndent, int depth) {
    int indent = column();
    if (indent <= parentIndent) {
      throw BAIL;
    }
    if (isBlockEntry(pos)) {
      return sequence(indent, depth);
    }
    if (keyEnd(pos) >= 0) {
      return mapping(indent, depth);
    }
    YNode value = inlineValue(depth);
    endOfLine();
    noContinuation(parentIndent);
    return value;
  }

  private boolean isBlockEntry(int i) {
    return s.charAt(i) == '-' && (i + 1 >= n || s.charAt(i + 1) == ' ' || atLineEnd(i + 1));
  }

  /** After a value that ended its line: a deeper line would continue it, which we do not parse. */
  private void noContinuation(int parentIndent) {
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

  private void enter(int depth) {
    if (depth > MAX_DEPTH) {
      throw BAIL;
    }
    maxDepth = Math.max(maxDepth, depth);
  }

  // ---- block collections ---------------------------------------------------------------------

  private YMapping mapping(int indent, int depth) {
    enter(depth);
    int start = pos;
    List<YEntry> entries = new ArrayList<>(6);
    while (true) {
      int colon = keyEnd(pos);
      if (colon < 0 || colon - pos > 1024) {
        throw BAIL; // PyYAML's simple keys end within 1024 characters of their start
      }
      YScalar key = key(colon);
      pos = colon + 1;
      YNode value = mappingValue(indent, depth, colon);
      entries.add(new YEntry(key, value, false));
      skipToContent();
      if (pos >= n || column() < indent) {
        break;
      }
      if (column() > indent || isBlockEntry(pos)) {
        throw BAIL;
      }
    }
    return made(new YMapping(java.util.Collections.unmodifiableList(entries), new Span(start, lastEnd(entries)), null, ValueKind.MAPPING, false));
  }

  private static int lastEnd(List<YEntry> entries) {
    return entries.get(entries.size() - 1).value().span().end();
  }

  private YNode mappingValue(int indent, int depth, int colon) {
    while (pos < n && s.charAt(pos) == ' ') {
      pos++;
    }
    if (!atLineEnd(pos) && s.charAt(pos) != '#') {
      if (isBlockEntry(pos) || keyEnd(pos) >= 0) {
        throw BAIL; // "a: b: c" and "a: - b" are not what they look like
      }
      YNode value = inlineValue(depth + 1);
      endOfLine();
      noContinuation(indent);
      return value;
    }
    endOfLine();
    int save = pos;
    int saveLine = lineStart;
    skipToContent();
    if (pos < n && column() > indent) {
      return blockNode(indent, depth + 1);
    }
    if (pos < n && column() == indent && isBlockEntry(pos)) {
      return sequence(indent, depth + 1);
    }
    pos = save;
    lineStart = saveLine;
    return empty(colon + 1);
  }

  private YSequence sequence(int indent, int depth) {
    enter(depth);
    int start = pos;
    List<YNode> items = new ArrayList<>();
    while (true) {
      int dash = pos;
      pos++;
      while (pos < n && s.charAt(pos) == ' ') {
        pos++;
      }
      if (atLineEnd(pos) || s.charAt(pos) == '#') {
        endOfLine();
        int save = pos;
        int saveLine = lineStart;
        skipToContent();
        if (pos < n && column() > indent) {
          items.add(blockNode(indent, depth + 1));
        } else {
          pos = save;
          lineStart = saveLine;
          items.add(empty(dash + 1));
        }
      } else if (isBlockEntry(pos)) {
        throw BAIL; // "- - x"
      } else if (keyEnd(pos) >= 0) {
        items.add(mapping(column(), depth + 1));
      } else {
        items.add(inlineValue(depth + 1));
        endOfLine();
        noContinuation(indent);
      }
      skipToContent();
      if (pos >= n || column() < indent) {
        break;
      }
      if (column() > indent || !isBlockEntry(pos)) {
        if (column() == indent && keyEnd(pos) >= 0) {
          break; // an indentless sequence ends where its mapping's next key starts
        }
        throw BAIL;
      }
    }
    int end = items.get(items.size() - 1).span().end();
    return made(new YSequence(java.util.Collections.unmodifiableList(items), new Span(start, Math.max(start, end)), null, ValueKind.SEQUENCE, false));
  }

  private YScalar empty(int at) {
    return made(ScalarBuilder.plain("", new Span(at, at), problems));
  }

  // ---- keys ----------------------------------------------------------------------------------

  /** If a simple key starts at i, the index of its ':' (followed by a space or line end); else -1. */
  private int keyEnd(int i) {
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

  private YScalar key(int colon) {
    if (s.charAt(pos) == '\'' || s.charAt(pos) == '"') {
      return quoted();
    }
    int end = colon;
    while (s.charAt(end - 1) == ' ') {
      end--;
    }
    String text = text(pos, end);
    if (text.equals("<<") || text.equals("=") || end - pos > 1024) {
      throw BAIL;
    }
    return made(ScalarBuilder.plain(text, new Span(pos, end), problems));
  }

  // ---- scalars and flow collections ----------------------------------------------------------

  private boolean plainStart(int i, boolean flow) {
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

  private YNode inlineValue(int depth) {
    char c = s.charAt(pos);
    if (c == '\'' || c == '"') {
      return quoted();
    }
    if (c == '[' || c == '{') {
      return flow(depth);
    }
    if (!plainStart(pos, false)) {
      throw BAIL;
    }
    int start = pos;
    int end = pos;
    while (!atLineEnd(pos)) {
      char d = s.charAt(pos);
      if (d == ' ') {
        if (pos + 1 < n && s.charAt(pos + 1) == '#') {
          break;
        }
      } else {
        if (d == ':' && (atLineEnd(pos + 1) || s.charAt(pos + 1) == ' ')) {
          throw BAIL;
        }
        end = pos + 1;
      }
      pos++;
    }
    pos = end;
    return made(ScalarBuilder.plain(text(start, end), new Span(start, end), problems));
  }

  /** Index just past the closing quote of a single-line quoted scalar at i, or -1. */
  private int quotedEnd(int i) {
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

  private YScalar quoted() {
    int start = pos;
    int end = quotedEnd(pos);
    if (end < 0) {
      throw BAIL;
    }
    pos = end;
    String body = text(start + 1, end - 1);
    boolean single = s.charAt(start) == '\'';
    String text = single ? body.replace("''", "'") : body;
    if (!single && body.indexOf('\\') >= 0) {
      try {
        text = DoubleQuoted.decode(body);
      } catch (DoubleQuoted.BadEscape e) {
        throw BAIL; // the full path reports it
      }
    }
    return made(ScalarBuilder.build(text, single ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.DOUBLE_QUOTED,
        new Span(start, end), null, problems));
  }

  private YNode flow(int depth) {
    enter(depth);
    char open = s.charAt(pos);
    char close = open == '[' ? ']' : '}';
    int start = pos;
    pos++;
    List<YNode> items = new ArrayList<>();
    List<YEntry> entries = new ArrayList<>();
    skipFlowSpaces();
    if (s.charAt(pos) == close) {
      pos++;
    } else {
      while (true) {
        if (open == '[') {
          items.add(flowValue(depth));
        } else {
          YNode key = flowScalarOrBail(depth);
          skipFlowSpaces();
          if (pos - key.span().start() > 1024) {
            throw BAIL; // PyYAML refuses simple keys this long; the full path reports it
          }
          if (s.charAt(pos) != ':' || (pos + 1 < n && s.charAt(pos + 1) != ' ')) {
            throw BAIL;
          }
          pos++;
          skipFlowSpaces();
          char c = s.charAt(pos);
          if (c == ',' || c == '}') {
            throw BAIL;
          }
          entries.add(new YEntry(key, flowValue(depth), false));
        }
        skipFlowSpaces();
        char c = s.charAt(pos);
        if (c == close) {
          pos++;
          break;
        }
        if (c != ',') {
          throw BAIL;
        }
        pos++;
        skipFlowSpaces();
        if (s.charAt(pos) == close) {
          throw BAIL; // a trailing comma
        }
      }
    }
    Span span = new Span(start, pos);
    return made(open == '['
        ? new YSequence(List.copyOf(items), span, null, ValueKind.SEQUENCE, true)
        : new YMapping(List.copyOf(entries), span, null, ValueKind.MAPPING, true));
  }

  private void skipFlowSpaces() {
    while (pos < n && s.charAt(pos) == ' ') {
      pos++;
    }
    if (atLineEnd(pos)) {
      throw BAIL; // multi-line flow collections take the full parser
    }
  }

  private YNode flowValue(int depth) {
    char c = s.charAt(pos);
    if (c == '[' || c == '{') {
      return flow(depth + 1);
    }
    return flowScalarOrBail(depth);
  }

  private YScalar flowScalarOrBail(int depth) {
    char c = s.charAt(pos);
    if (c == '\'' || c == '"') {
      return quoted();
    }
    if (!plainStart(pos, true)) {
      throw BAIL;
    }
    int start = pos;
    int end = pos;
    while (!atLineEnd(pos)) {
      char d = s.charAt(pos);
      if (d == ',' || d == ']' || d == '}' || d == '[' || d == '{' || d == '?') {
        break;
      }
      if (d == ':') {
        if (pos + 1 < n && s.charAt(pos + 1) == ' ') {
          break;
        }
        throw BAIL;
      }
      if (d == '#' && s.charAt(pos - 1) == ' ') {
        throw BAIL;
      }
      if (d != ' ') {
        end = pos + 1;
      }
      pos++;
    }
    if (end == start || atLineEnd(pos) || s.charAt(pos) == '[' || s.charAt(pos) == '{' || s.charAt(pos) == '?') {
      throw BAIL;
    }
    pos = end;
    String text = text(start, end);
    if (text.equals("<<") || text.equals("=")) {
      throw BAIL;
    }
    return made(ScalarBuilder.plain(text, new Span(start, end), problems));
  }

  /** Records every node as it is built: the document's node list comes for free. */
  private <T extends YNode> T made(T node) {
    nodes.add(node);
    return node;
  }
}
