package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What PyYAML refuses in the raw text that SnakeYAML lets through or stops at differently. */
final class PyYamlTextChecks {
  private PyYamlTextChecks() {}

  /**
   * PyYAML's Reader refuses these before parsing; we report each and parse on without it: the
   * text comes back with each such character replaced by spaces (same length, so every
   * position holds), or the text itself when it has none.
   */
  static String maskNonPrintable(String text, List<YamlProblem> problems) {
    StringBuilder masked = null;
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F || c == '\n') {
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (!isPrintable(cp)) {
        if (masked == null) {
          masked = new StringBuilder(text);
        }
        for (int k = 0; k < width; k++) {
          masked.setCharAt(i + k, ' ');
        }
        problems.add(new YamlProblem(YamlProblem.Code.NON_PRINTABLE,
            String.format("unacceptable character #x%04x: special characters are not allowed", cp),
            new Span(i, i + width)));
      }
      i += width;
    }
    return masked == null ? text : masked.toString();
  }

  /** The character set PyYAML's Reader accepts (reader.py NON_PRINTABLE). */
  static boolean isPrintable(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  /**
   * PyYAML's scanner skips only spaces between tokens, so a tab anywhere but inside a quoted or
   * block scalar or a comment stops it ("found character '\t' that cannot start any token").
   * SnakeYAML takes such tabs as white space; report the first one as PyYAML would.
   */
  static void strayTab(String text, YNode root, List<YamlProblem> problems) {
    List<Span> scalars = new ArrayList<>();
    for (YNode node : new YamlDocument(root, List.of(), 0, true).nodes()) {
      if (node instanceof YScalar sc && sc.style() != ScalarStyle.PLAIN) {
        scalars.add(sc.span());
      }
    }
    scalars.sort(Comparator.comparingInt(Span::start));
    int next = 0;
    boolean comment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      while (next < scalars.size() && scalars.get(next).end() <= i) {
        next++;
      }
      boolean inScalar = next < scalars.size() && scalars.get(next).start() <= i;
      if (c == '\n' || c == '\r') {
        comment = false;
      } else if (!inScalar && c == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t'
          || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r')) {
        comment = true;
      } else if (c == '\t' && !inScalar && !comment) {
        problems.add(new YamlProblem(YamlProblem.Code.STRAY_TAB, "while scanning for the next token, found"
            + " character '\\t' that cannot start any token", new Span(i, i + 1)));
        return;
      }
    }
  }
}
