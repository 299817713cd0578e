package dev.ptree.lsp.features;

import dev.ptree.text.Escaper;

/**
 * Markdown for hovers and completion documentation. Text taken from the input is always passed
 * through {@link Escaper#escape} first (no raw control, bidi or invisible characters), then either
 * put in a code span ({@link #code}) or has every markdown-special character backslash-escaped
 * ({@link #text}), so a provider name can neither reorder the hover nor inject links or emphasis.
 */
final class Md {
  private Md() {}

  /** Characters that start inline markup anywhere: emphasis, code, links, html, entities, tables. */
  private static final String SPECIAL = "\\`*_[]<>|~!&#";
  /** Characters that start a block (list, quote, heading, rule) only at the start of a line. */
  private static final String LINE_START = "-+=>.)";

  /** Input text as inline code; backticks inside are fenced by a longer run. */
  static String code(String raw) {
    String s = Escaper.escape(raw == null ? "" : raw);
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = s.isEmpty() || s.startsWith("`") || s.endsWith("`") || s.startsWith(" ") && s.endsWith(" ");
    return fence + (pad ? " " + s + " " : s) + fence;
  }

  /** Input text as plain markdown text: inline markup escaped, and a block marker at its start. */
  static String text(String raw) {
    String s = Escaper.escape(raw == null ? "" : raw);
    int digits = 0;
    while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
      digits++;
    }
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (SPECIAL.indexOf(c) >= 0 || i == digits && LINE_START.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A document path, as input text in a code span. */
  static String file(String path) {
    return code(path);
  }
}
