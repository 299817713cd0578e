package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path's scalars: keys, plain and quoted values, the scalars inside a flow collection,
 * each built by {@link ScalarBuilder} as the full path builds it, and every node recorded as it
 * is made, so the document's node list comes for free.
 */
abstract sealed class FastScalars extends FastScanner permits FastYamlParser {
  final List<YNode> nodes;
  final List<YamlProblem> problems;

  FastScalars(String s, List<YamlProblem> problems) {
    super(s);
    this.problems = problems;
    this.nodes = new ArrayList<>(Math.max(16, s.length() / 12));
  }

  /** The simple key at pos, whose ':' is at {@code colon}. */
  final YScalar key(int colon) {
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

  /** A plain scalar in block context, ending at its line, a comment or a value indicator. */
  final YScalar plain() {
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

  /** A single-line quoted scalar at pos. */
  final YScalar quoted() {
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

  /** A scalar inside a single-line flow collection. */
  final YScalar flowScalarOrBail(int depth) {
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

  /** The null of a value left out, at {@code at}. */
  final YScalar empty(int at) {
    return made(ScalarBuilder.plain("", new Span(at, at), problems));
  }

  /** Records every node as it is built: the document's node list comes for free. */
  final <T extends YNode> T made(T node) {
    nodes.add(node);
    return node;
  }
}
