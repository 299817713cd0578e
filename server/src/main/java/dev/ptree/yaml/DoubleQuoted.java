package dev.ptree.yaml;

/**
 * Decodes the inside of a double-quoted scalar exactly as PyYAML's scanner does: its escape table
 * (which, unlike SnakeYAML's, includes {@code \/} and a backslash before a real tab), hex escapes,
 * escaped line breaks, and line folding.
 */
final class DoubleQuoted {
  private DoubleQuoted() {}

  /**
   * Python keeps an escaped surrogate (\uD83D) as a lone code point: two of them are two code
   * points, never the astral character a Java string would pair them into. So each one is kept
   * as a private-use stand-in from here, which counts, compares and prints (see Escaper) as
   * Python's lone surrogate does.
   */
  public static final int LONE_SURROGATE_BASE = 0xF0000;

  static final class BadEscape extends Exception {
    BadEscape(String message) {
      super(message);
    }
  }

  /** {@code raw}: the source between the quotes. */
  static String decode(String raw) throws BadEscape {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    int n = raw.length();
    while (i < n) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\t' || isBreak(c)) {
        int start = i;
        while (i < n && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
          i++;
        }
        if (i < n && isBreak(raw.charAt(i))) {
          String lineBreak = lineBreak(raw, i);
          i = skipBreak(raw, i);
          StringBuilder breaks = new StringBuilder();
          i = breaks(raw, i, breaks);
          if (!lineBreak.equals("\n")) {
            out.append(lineBreak);
          } else if (breaks.length() == 0) {
            out.append(' ');
          }
          out.append(breaks);
        } else {
          out.append(raw, start, i);
        }
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw new BadEscape("found unknown escape character at the end");
        }
        char e = raw.charAt(i + 1);
        String replacement = replacement(e);
        if (replacement != null) {
          out.append(replacement);
          i += 2;
        } else if (e == 'x' || e == 'u' || e == 'U') {
          int length = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + 2 + length > n) {
            throw new BadEscape("expected escape sequence of " + length + " hexadecimal numbers");
          }
          String hex = raw.substring(i + 2, i + 2 + length);
          for (int k = 0; k < hex.length(); k++) {
            if (Character.digit(hex.charAt(k), 16) < 0 || hex.charAt(k) > 'f') {
              throw new BadEscape("expected escape sequence of " + length + " hexadecimal numbers, but found "
                  + hex.charAt(k));
            }
          }
          long code = Long.parseLong(hex, 16);
          if (code > 0x10FFFF) {
            throw new BadEscape("chr() arg not in range(0x110000)");
          }
          out.appendCodePoint(code >= 0xD800 && code <= 0xDFFF ? LONE_SURROGATE_BASE + (int) code - 0xD800 : (int) code);
          i += 2 + length;
        } else if (isBreak(e)) {
          i = skipBreak(raw, i + 1);
          StringBuilder breaks = new StringBuilder();
          i = breaks(raw, i, breaks);
          out.append(breaks);
        } else {
          throw new BadEscape("found unknown escape character '" + e + "'");
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String replacement(char e) {
    return switch (e) {
      case '0' -> "\0";
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 't', '\t' -> "\t";
      case 'n' -> "\n";
      case 'v' -> "\u000B";
      case 'f' -> "\f";
      case 'r' -> "\r";
      case 'e' -> "\u001B";
      case ' ' -> " ";
      case '"' -> "\"";
      case '/' -> "/";
      case '\\' -> "\\";
      case 'N' -> "\u0085";
      case '_' -> "\u00A0";
      case 'L' -> "\u2028";
      case 'P' -> "\u2029";
      default -> null;
    };
  }

  private static boolean isBreak(char c) {
    return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  /** PyYAML's scan_line_break: CRLF, CR, LF and NEL become \n; LS and PS stay. */
  private static String lineBreak(String raw, int i) {
    char c = raw.charAt(i);
    return c == 0x2028 || c == 0x2029 ? String.valueOf(c) : "\n";
  }

  private static int skipBreak(String raw, int i) {
    return raw.charAt(i) == '\r' && i + 1 < raw.length() && raw.charAt(i + 1) == '\n' ? i + 2 : i + 1;
  }

  /** scan_flow_scalar_breaks: following empty lines, each one a line break; indentation skipped. */
  private static int breaks(String raw, int i, StringBuilder out) {
    while (true) {
      while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
        i++;
      }
      if (i < raw.length() && isBreak(raw.charAt(i))) {
        out.append(lineBreak(raw, i));
        i = skipBreak(raw, i);
      } else {
        return i;
      }
    }
  }
}
