package dev.ptree.lsp.features;

import dev.ptree.text.Escaper;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Strings written back into YAML so that PyYAML reads them as the same string. */
final class Scalars {
  private Scalars() {}

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*(:[A-Za-z0-9_.\\-]+)*");
  /** What YAML 1.1 would read as a number, a sexagesimal, or a date rather than a string. */
  private static final Pattern NOT_A_STRING = Pattern.compile(
      "[-+]?[0-9_.]+([eE][-+]?[0-9]+)?|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"
          + "|0[xob][0-9a-fA-F_]+");
  private static final Set<String> WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

  /** {@code value} as a scalar; {@code quote} is the quote already opened before it (0 for none). */
  static String yaml(String value, char quote) {
    if (quote == '\'') {
      return value.replace("'", "''");
    }
    if (quote == '"') {
      return doubleQuotedBody(value);
    }
    if (PLAIN.matcher(value).matches() && !NOT_A_STRING.matcher(value).matches()
        && !WORDS.contains(value.toLowerCase(Locale.ROOT))) {
      return value;
    }
    return "\"" + doubleQuotedBody(value) + "\"";
  }

  /** YAML double-quoted escapes: backslash and quote, and every character Escaper would not print. */
  private static String doubleQuotedBody(String value) {
    return Escaper.escape(value.replace("\\", "\\\\").replace("\"", "\\\""));
  }
}
