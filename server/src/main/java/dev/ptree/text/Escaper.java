package dev.ptree.text;

/**
 * Neutralises text taken from the input before it is printed anywhere: control, bidi, invisible
 * and other non-graphic characters become {@code \\uXXXX} escapes, so a message can neither
 * reorder a terminal line (Trojan Source) nor forge a log line.
 */
public final class Escaper {
  private Escaper() {}

  public static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int width = Character.charCount(cp);
      if (needsEscape(cp)) {
        if (out == null) {
          out = new StringBuilder(s.length() + 16).append(s, 0, i);
        }
        appendEscape(out, cp);
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += width;
    }
    return out == null ? s : out.toString();
  }

  /** Like {@link #escape}, and combining marks too: for messages about normalisation. */
  public static String escapeMarks(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    s.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      if (needsEscape(cp) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK) {
        appendEscape(out, cp);
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  /** Escapes and wraps in double quotes, the way messages quote offending values. */
  public static String quote(String s) {
    return "\"" + escape(s).replace("\"", "\\\"") + "\"";
  }

  static void appendEscape(StringBuilder out, int cp) {
    if (cp >= 0xF0000 && cp < 0xF0800) {
      out.append(String.format("\\u%04X", cp - 0xF0000 + 0xD800)); // a lone surrogate, as Python holds it
      return;
    }
    switch (cp) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (cp > 0xFFFF) {
          out.append(String.format("\\U%08X", cp));
        } else {
          out.append(String.format("\\u%04X", cp));
        }
      }
    }
  }

  public static boolean needsEscape(int cp) {
    if (cp == '\\') {
      return false;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.SURROGATE,
          Character.PRIVATE_USE -> {
        return true;
      }
      case Character.SPACE_SEPARATOR -> {
        return cp != ' '; // a no-break or other odd space reads as a plain one
      }
      default -> {
        return isInvisible(cp);
      }
    }
  }

  /** Characters that render as nothing although they are not format controls. */
  public static boolean isInvisible(int cp) {
    return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x180E
        || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
        || cp == 0x034F || cp == 0x2800;
  }
}
