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
 * parses the text, with its exact errors. {@link FastScanner} reads the lines, {@link FastScalars}
 * builds the scalars, and this class the collections around them.
 */
final class FastYamlParser extends FastScalars {
  private static final int MAX_DEPTH = 200;

  private int maxDepth;

  private FastYamlParser(String s, List<YamlProblem> problems) {
    super(s, problems);
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

  /**
   * A text holding one item of a block sequence whose dashes sit at column {@code indent} (comment
   * and blank lines may come before its dash), read as it would be read in place: the sequence
   * around that one item, spans relative to the text; null when the text holds anything else —
   * no item, two items, anything after it — or needs the full parser, or has a problem.
   */
  static YSequence tryParseItem(String text, int indent, int depth, List<YNode> nodes) {
    if (!plainAsciiLines(text)) {
      return null;
    }
    List<YamlProblem> own = new ArrayList<>();
    FastYamlParser p = new FastYamlParser(text, own);
    try {
      p.skipToContent();
      if (p.pos >= p.n || p.column() != indent || !p.isBlockEntry(p.pos)) {
        return null;
      }
      YSequence sequence = p.sequence(indent, depth);
      p.skipToContent();
      if (p.pos < p.n || sequence.items().size() != 1 || !own.isEmpty()) {
        return null;
      }
      nodes.addAll(p.nodes.subList(0, p.nodes.size() - 1)); // the item's nodes; the sequence node came last
      return sequence;
    } catch (Bail | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** Printable ASCII, LF and CRLF only: what the fast path reads with nothing masked or refused. */
  private static boolean plainAsciiLines(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if ((c < 0x20 || c > 0x7E) && c != '\n' && !(c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
        return false;
      }
    }
    return true;
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

  // ---- inline values and flow collections -------------------------------------------------

  private YNode inlineValue(int depth) {
    char c = s.charAt(pos);
    if (c == '\'' || c == '"') {
      return quoted();
    }
    if (c == '[' || c == '{') {
      return flow(depth);
    }
    return plain();
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

  private YNode flowValue(int depth) {
    char c = s.charAt(pos);
    if (c == '[' || c == '{') {
      return flow(depth + 1);
    }
    return flowScalarOrBail(depth);
  }

}
