package dev.ptree.yaml;

import dev.ptree.text.Escaper;
import dev.ptree.text.Span;

/**
 * Describes what Jackson's JSON parser refuses, in our words. Jackson's messages name its own
 * switches ("enable JsonReadFeature...") and print input characters raw, so the common mistakes
 * are recognised, mostly from the text itself, and described with the input quoted by
 * {@link Escaper}; anything else keeps Jackson's reason, escaped.
 */
final class JsonErrors {
  /** The most of an offending word a message quotes. */
  private static final int MAX_QUOTED = 40;

  private JsonErrors() {}

  /**
   * {@code cursor}: the end of the last token read, so the failing token is the next one;
   * {@code at}: where Jackson stopped; {@code inObject}: whether the innermost open collection
   * is an object (or an array), null when none is open.
   */
  static YamlProblem syntax(String text, int cursor, int at, String jacksonMessage, Boolean inObject) {
    String reason = jacksonMessage == null ? "" : jacksonMessage;
    int n = text.length();
    if (reason.startsWith("Illegal unquoted character") && at < n && text.charAt(at) < ' ') {
      return syntax("unescaped control character " + Escaper.quote(text.substring(at, at + 1))
          + " in a string: JSON requires it escaped", at, at + 1);
    }
    // Between tokens Jackson stops just past the character.
    int control = at < n && text.charAt(at) < ' ' ? at : at > 0 && text.charAt(at - 1) < ' ' ? at - 1 : -1;
    if (reason.startsWith("Illegal character") && control >= 0) {
      return syntax("control character " + Escaper.quote(text.substring(control, control + 1))
          + " between tokens: JSON white space is only space, tab, CR and LF", control, control + 1);
    }
    if (reason.startsWith("Non-standard token")) {
      int token = nextToken(text, cursor);
      String word = word(text, token);
      return syntax(Escaper.quote(word) + " is not a JSON value: JSON has no NaN or Infinity", token,
          token + word.length());
    }
    if (at >= n || reason.contains("end-of-input")) {
      return endOfText(text, cursor, reason, inObject);
    }
    char c = text.charAt(at);
    int comma = c == '}' || c == ']' ? previousToken(text, at) : -1;
    if (comma >= 0 && text.charAt(comma) == ',') {
      return syntax("trailing comma before " + Escaper.quote(String.valueOf(c))
          + ": JSON allows no comma after the last "
          + (c == '}' ? "member of an object" : "item of an array"), comma, comma + 1);
    }
    YamlProblem comment = comment(text, at);
    if (comment != null) {
      return comment;
    }
    if (reason.startsWith("Unrecognized character escape") && at > 0 && text.charAt(at - 1) == '\\') {
      int end = at + Character.charCount(text.codePointAt(at));
      return syntax("invalid escape " + Escaper.quote(text.substring(at - 1, end)) + " in a string", at - 1, end);
    }
    int backslash = text.lastIndexOf("\\u", at);
    if (reason.contains("hex-digit") && backslash >= 0) {
      return syntax("invalid escape " + Escaper.quote(text.substring(backslash, at + 1))
          + " in a string: \\u takes four hexadecimal digits", backslash, at + 1);
    }
    int token = nextToken(text, cursor);
    if (reason.contains("numeric value") || reason.contains("Leading zeroes")) {
      int end = JsonParser.numberEnd(text, token);
      String number = text.substring(token, Math.max(end, Math.min(token + 1, n)));
      String why = reason.contains("Leading zeroes") ? ": JSON numbers have no leading zeros"
          : ": JSON numbers are written -?digits[.digits][e[+-]digits]";
      return syntax("invalid number " + Escaper.quote(number) + why, token, token + number.length());
    }
    String offending = offending(text, at);
    if (reason.contains("separating root-level values")) {
      return syntax("extra data after the JSON value: " + Escaper.quote(offending), at, at + offending.length());
    }
    if (c == '\'') {
      return syntax("JSON strings take double quotes: found " + Escaper.quote(offending), at, at + 1);
    }
    return syntax("unexpected " + Escaper.quote(offending) + expectation(reason), at, at + offending.length());
  }

  /** What a streaming limit stops: a number too long to analyse, or a Jackson bound. */
  static YamlProblem limit(String text, int cursor, String jacksonMessage) {
    String reason = jacksonMessage == null ? "" : jacksonMessage;
    if (reason.startsWith("Number value length")) {
      int token = nextToken(text, cursor);
      int end = JsonParser.numberEnd(text, token);
      return new YamlProblem(YamlProblem.Code.NUMBER_TOO_LONG, "number of " + (end - token) + " characters: longer than the "
          + JsonParser.MAX_NUMBER_LENGTH + " digits analysed", new Span(token, end));
    }
    return new YamlProblem(YamlProblem.Code.PARSER_LIMIT, Escaper.escape(reason), Span.at(Math.min(cursor, text.length())));
  }

  /** Anything but white space after the root value, or null. */
  static YamlProblem extraData(String text, int end) {
    int at = skipWhiteSpace(text, end);
    if (at >= text.length()) {
      return null;
    }
    YamlProblem comment = comment(text, at);
    if (comment != null) {
      return comment;
    }
    String offending = offending(text, at);
    return syntax("extra data after the JSON value: " + Escaper.quote(offending), at, at + offending.length());
  }

  /** A comment starting at {@code at} ({@code //}, {@code /*} or {@code #}), or null. */
  private static YamlProblem comment(String text, int at) {
    char c = text.charAt(at);
    boolean slash = c == '/' && at + 1 < text.length() && (text.charAt(at + 1) == '/' || text.charAt(at + 1) == '*');
    if (c != '#' && !slash) {
      return null;
    }
    int length = slash ? 2 : 1;
    return syntax("comments are not allowed in JSON: found " + Escaper.quote(text.substring(at, at + length)),
        at, at + length);
  }

  private static YamlProblem endOfText(String text, int cursor, String reason, Boolean inObject) {
    int n = text.length();
    if (reason.contains("closing quote") || reason.contains("in field name") || reason.contains("escape sequence")) {
      int quote = nextToken(text, cursor);
      if (quote < n && text.charAt(quote) == '"') {
        return syntax("unterminated string: the text ends before its closing quote", quote, quote + 1);
      }
    }
    String what = inObject == null ? "" : inObject ? ": the object is not closed with '}'"
        : ": the array is not closed with ']'";
    return syntax("unexpected end of the text" + what, n, n);
  }

  /** Jackson's "was expecting ..." in our words. */
  private static String expectation(String reason) {
    if (reason.contains("separate Array entries")) {
      return ": expected ',' or ']'";
    }
    if (reason.contains("separate Object entries")) {
      return ": expected ',' or '}'";
    }
    if (reason.contains("colon to separate")) {
      return ": expected ':' after the key";
    }
    if (reason.contains("start field name")) {
      return ": expected a key in double quotes";
    }
    if (reason.contains("valid value") || reason.contains("was expecting (JSON String")) {
      return ": expected a value (a string, number, object, array, true, false or null)";
    }
    if (reason.contains("close marker")) {
      return reason.contains("expected ']'") ? ": expected ']' to close the array"
          : reason.contains("expected '}'") ? ": expected '}' to close the object" : ": it closes nothing that is open";
    }
    int colon = reason.indexOf("): ");
    return " (" + Escaper.escape(colon >= 0 ? reason.substring(colon + 3) : reason) + ")";
  }

  private static YamlProblem syntax(String message, int start, int end) {
    return new YamlProblem(YamlProblem.Code.SYNTAX, message, new Span(start, end));
  }

  /**
   * The start of the value after {@code from}: past white space, separators and a key. Jackson
   * reads a key and the number after it in one step, so a bad number can fail before its key
   * was ever returned.
   */
  private static int nextToken(String text, int from) {
    int i = skipSeparators(text, from);
    if (i < text.length() && text.charAt(i) == '"') {
      int end = JsonParser.stringEnd(text, i);
      int colon = end < 0 ? -1 : skipWhiteSpace(text, end);
      if (colon >= 0 && colon < text.length() && text.charAt(colon) == ':') {
        return skipSeparators(text, colon);
      }
    }
    return i;
  }

  private static int skipSeparators(String text, int from) {
    int i = Math.min(from, text.length());
    while (i < text.length() && (isWhiteSpace(text.charAt(i)) || text.charAt(i) == ',' || text.charAt(i) == ':')) {
      i++;
    }
    return i;
  }

  /** The index of the last non-white-space character before {@code at}, or -1. */
  private static int previousToken(String text, int at) {
    int i = at - 1;
    while (i >= 0 && isWhiteSpace(text.charAt(i))) {
      i--;
    }
    return i;
  }

  private static int skipWhiteSpace(String text, int from) {
    int i = from;
    while (i < text.length() && isWhiteSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** JSON's white space, and nothing else (no NBSP, no vertical tab). */
  private static boolean isWhiteSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isWordChar(char c) {
    return JsonParser.isNumberChar(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  /** The word at {@code start} (letters, digits, signs, dots), at most {@link #MAX_QUOTED} long. */
  private static String word(String text, int start) {
    int i = start;
    while (i < text.length() && i - start < MAX_QUOTED && isWordChar(text.charAt(i))) {
      i++;
    }
    return text.substring(start, i);
  }

  /** What a message quotes for the error at {@code at}: the word there, or its one character. */
  private static String offending(String text, int at) {
    String word = word(text, at);
    return word.isEmpty() ? text.substring(at, at + Character.charCount(text.codePointAt(at))) : word;
  }
}
