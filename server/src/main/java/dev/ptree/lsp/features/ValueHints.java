package dev.ptree.lsp.features;

import dev.ptree.text.PythonRepr;
import dev.ptree.text.Span;
import dev.ptree.yaml.NumericText;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import dev.ptree.yaml.YSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The value PyYAML builds from a plain scalar, where it differs from what the text shows. The
 * YAML layer has already typed every scalar as PyYAML does (its resolver and constructors, see
 * {@code yaml.PyYamlScalars}); this only compares that value with the text: {@code 010} is the
 * int 8, {@code 1:30} is 90, {@code 0x10} is 16, {@code yes} is true, {@code ~} is None, and
 * {@code 1e3}, which looks like a number, is the string '1e3'. Keys and quoted scalars get none.
 */
final class ValueHints {
  private ValueHints() {}

  record Hint(int at, String label, YScalar scalar) {}

  /** The hints of every value scalar that ends inside {@code within}, in document order. */
  static List<Hint> in(YNode root, Span within) {
    List<Hint> out = new ArrayList<>();
    Set<YNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<YNode> todo = new ArrayDeque<>();
    if (root != null) {
      todo.push(root);
    }
    while (!todo.isEmpty()) {
      YNode n = todo.pop();
      if (!seen.add(n) || n.span().end() < within.start() || n.span().start() > within.end()) {
        continue; // an alias shares its anchor's node; a node outside the range holds no hint in it
      }
      if (n instanceof YScalar s) {
        String label = label(s);
        if (label != null && Locate.holds(within, s.span().end())) {
          out.add(new Hint(s.span().end(), label, s));
        }
      } else if (n instanceof YMapping m) {
        List<YEntry> entries = m.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
          if (!entries.get(i).merged()) {
            todo.push(entries.get(i).value());
          }
        }
      } else if (n instanceof YSequence q) {
        for (int i = q.items().size() - 1; i >= 0; i--) {
          todo.push(q.items().get(i));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Hint::at));
    return out;
  }

  /** What to show after the scalar, without the leading "= "; null when the text says it already. */
  static String label(YScalar s) {
    if (s.style() != ScalarStyle.PLAIN || s.explicitTag() != null || s.span().length() == 0) {
      return null;
    }
    String text = s.text();
    return switch (s.kind()) {
      case INT -> s.value() == null || text.equals(s.value().toString()) ? null : s.value().toString();
      case FLOAT -> s.value() instanceof Double d && !text.equals(PythonRepr.of(d)) ? PythonRepr.of(d) : null;
      case BOOL -> s.value() instanceof Boolean b && !text.equals(b.toString()) ? b.toString() : null;
      case NULL -> text.equals("null") ? null : "null";
      case STR -> NumericText.of(s) != null ? "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "' (string)" : null;
      case TIMESTAMP -> "a timestamp, not a string";
      default -> null;
    };
  }

  /** The tooltip of the value hint after the scalar that ends at {@code offset}. */
  static String explain(YNode root, int offset) {
    for (Hint h : in(root, new Span(offset, offset))) {
      if (h.at() != offset) {
        continue;
      }
      YScalar s = h.scalar();
      String written = Md.code(s.text());
      String why = switch (s.kind()) {
        case INT -> written + " is a YAML 1.1 integer form (octal `0…`, hex `0x…`, binary `0b…`, sexagesimal "
            + "`a:b`, or `_` separators): PyYAML reads the int " + Md.code(String.valueOf(s.value())) + ".";
        case FLOAT -> "PyYAML reads the float " + Md.code(h.label()) + ".";
        case BOOL -> written + " is a YAML 1.1 boolean: PyYAML reads " + Md.code(h.label()) + ".";
        case NULL -> written + " is YAML's null: PyYAML reads `None`.";
        case STR -> written + " looks like a number, but YAML 1.1 has no such number form: PyYAML reads the string "
            + Md.code(s.text()) + ". Write a decimal (or quote it to say a string is meant).";
        case TIMESTAMP -> written + " is a YAML 1.1 timestamp: PyYAML builds a date, not a string. Quote it.";
        default -> null;
      };
      return why == null ? null : "**What nova reads** (YAML 1.1, as PyYAML's `safe_load` reads it)\n\n" + why;
    }
    return null;
  }
}
