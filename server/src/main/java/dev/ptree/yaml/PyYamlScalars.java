package dev.ptree.yaml;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * PyYAML's YAML 1.1 implicit typing of plain scalars and its SafeConstructor conversions,
 * reproduced pattern for pattern (resolver.py and constructor.py). The first character picks the
 * candidate resolvers, in PyYAML's registration order, exactly as PyYAML does.
 */
public final class PyYamlScalars {
  private PyYamlScalars() {}

  public static final String TAG_PREFIX = "tag:yaml.org,2002:";

  private static final Pattern FLOAT = Pattern.compile(
      "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
          + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
          + "|[-+]?\\.(?:inf|Inf|INF)"
          + "|\\.(?:nan|NaN|NAN)");
  private static final Pattern INT = Pattern.compile(
      "[-+]?0b[0-1_]+"
          + "|[-+]?0[0-7_]+"
          + "|[-+]?(?:0|[1-9][0-9_]*)"
          + "|[-+]?0x[0-9a-fA-F_]+"
          + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  /** PyYAML's bool and null words, for a lookup without a regex. */
  private static final java.util.Set<String> BOOL_WORDS = java.util.Set.of("yes", "Yes", "YES", "no", "No",
      "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
  private static final java.util.Set<String> NULL_WORDS = java.util.Set.of("~", "null", "Null", "NULL", "");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
          + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
          + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
          + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
          + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
  private static final Pattern TIMESTAMP_PARTS = Pattern.compile(
      "([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)"
          + "(?:(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?"
          + "(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?");

  /** The implicit kind PyYAML resolves for a plain scalar; MERGE/VALUE keys resolve as STR here. */
  public static Resolution resolvePlain(String v) {
    char first = v.isEmpty() ? '\0' : v.charAt(0);
    switch (first) {
      case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O' -> {
        if (v.length() > 5) {
          return Resolution.STR;
        }
        if (BOOL_WORDS.contains(v)) {
          return Resolution.BOOL;
        }
        if (NULL_WORDS.contains(v)) {
          return Resolution.NULL;
        }
        return Resolution.STR;
      }
      case '-', '+', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
        Resolution quick = quickNumeric(v);
        if (quick != null) {
          return quick;
        }
        if (FLOAT.matcher(v).matches()) {
          return Resolution.FLOAT;
        }
        if (first != '.' && INT.matcher(v).matches()) {
          return Resolution.INT;
        }
        if (first >= '0' && first <= '9' && TIMESTAMP.matcher(v).matches()) {
          return Resolution.TIMESTAMP;
        }
        return Resolution.STR;
      }
      case '<' -> {
        return v.equals("<<") ? Resolution.MERGE : Resolution.STR;
      }
      case '~', '\0' -> {
        return NULL.matcher(v).matches() ? Resolution.NULL : Resolution.STR;
      }
      case '=' -> {
        return v.equals("=") ? Resolution.VALUE : Resolution.STR;
      }
      default -> {
        return Resolution.STR;
      }
    }
  }

  public enum Resolution { STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MERGE, VALUE }

  /**
   * Decides the common cases without a regex: plain decimals ("42", "1.5") and strings no
   * number or timestamp pattern can match (a uuid: a '-' past the sign that is neither an
   * exponent's nor a date's). Null when the patterns must decide.
   */
  private static Resolution quickNumeric(String v) {
    int n = v.length();
    int digits = 0;
    int dots = 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.') {
        dots++;
      } else if (c == '-' && i > 0) {
        char before = v.charAt(i - 1);
        if (before != 'e' && before != 'E' && i != 4) {
          return Resolution.STR;
        }
        return null;
      } else {
        return null;
      }
    }
    if (digits == n && (n == 1 || v.charAt(0) != '0')) {
      return Resolution.INT;
    }
    if (dots == 1 && digits == n - 1 && v.charAt(0) != '.' && (v.charAt(0) != '0' || v.charAt(1) == '.')) {
      return Resolution.FLOAT;
    }
    return null;
  }

  /** Thrown where PyYAML's constructor raises a plain Python exception (nova then crashes). */
  public static final class ConstructionCrash extends Exception {
    private final String pythonType;

    public ConstructionCrash(String pythonType, String message) {
      super(message);
      this.pythonType = pythonType;
    }

    public String pythonType() {
      return pythonType;
    }
  }

  /** construct_yaml_int; throws where Python's int() raises ValueError. */
  public static BigInteger constructInt(String text) throws ConstructionCrash {
    String value = text.replace("_", "");
    if (value.isEmpty()) {
      throw new ConstructionCrash("IndexError", "string index out of range");
    }
    int sign = 1;
    if (!value.isEmpty() && value.charAt(0) == '-') {
      sign = -1;
    }
    if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
      value = value.substring(1);
    }
    try {
      BigInteger result;
      if (value.equals("0")) {
        return BigInteger.ZERO;
      } else if (value.startsWith("0b")) {
        result = pythonInt(value.substring(2), 2);
      } else if (value.startsWith("0x")) {
        result = pythonInt(value.substring(2), 16);
      } else if (!value.isEmpty() && value.charAt(0) == '0') {
        result = pythonInt(value, 8);
      } else if (value.contains(":")) {
        BigInteger base = BigInteger.ONE;
        result = BigInteger.ZERO;
        String[] parts = value.split(":", -1);
        for (int i = parts.length - 1; i >= 0; i--) {
          result = result.add(pythonInt(parts[i], 10).multiply(base));
          base = base.multiply(BigInteger.valueOf(60));
        }
      } else {
        result = pythonInt(value, 10);
      }
      return sign < 0 ? result.negate() : result;
    } catch (NumberFormatException e) {
      throw new ConstructionCrash("ValueError",
          "invalid literal for int() with base " + e.getMessage());
    }
  }

  /** Python's int(text, radix): any Unicode decimal digits, and the base's own 0x/0o/0b prefix. */
  private static BigInteger pythonInt(String digits, int radix) {
    String d = asciiDigits(digits.strip());
    if (d.startsWith("+")) {
      d = d.substring(1);
    }
    String prefix = radix == 16 ? "0x" : radix == 8 ? "0o" : radix == 2 ? "0b" : null;
    if (prefix != null && d.length() > 2 && d.substring(0, 2).equalsIgnoreCase(prefix)) {
      d = d.substring(2);
    }
    if (d.isEmpty() || d.startsWith("-") || d.startsWith("+")) {
      throw new NumberFormatException(radix + ": '" + digits + "'");
    }
    try {
      return new BigInteger(d, radix);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(radix + ": '" + digits + "'");
    }
  }

  /** construct_yaml_float. */
  public static double constructFloat(String text) throws ConstructionCrash {
    if (isSimpleDecimal(text)) {
      return Double.parseDouble(text);
    }
    String value = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    if (value.isEmpty()) {
      throw new ConstructionCrash("IndexError", "string index out of range");
    }
    double sign = 1.0;
    if (!value.isEmpty() && value.charAt(0) == '-') {
      sign = -1.0;
    }
    if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
      value = value.substring(1);
    }
    try {
      if (value.equals(".inf")) {
        return sign * Double.POSITIVE_INFINITY;
      } else if (value.equals(".nan")) {
        return Double.NaN;
      } else if (value.contains(":")) {
        String[] parts = value.split(":", -1);
        double base = 1;
        double result = 0.0;
        for (int i = parts.length - 1; i >= 0; i--) {
          result += pythonFloat(parts[i]) * base;
          base *= 60;
        }
        return sign * result;
      }
      return sign * pythonFloat(value);
    } catch (NumberFormatException e) {
      throw new ConstructionCrash("ValueError", "could not convert string to float: '" + text + "'");
    }
  }

  private static final Pattern PYTHON_FLOAT = Pattern.compile(
      "[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?(?:inf|infinity|nan)");

  /** Unicode decimal digits (Arabic-Indic, fullwidth...) as ASCII, as Python's int() and float() read them. */
  private static String asciiDigits(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int w = Character.charCount(cp);
      if (cp > 0x7F && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
        if (out == null) {
          out = new StringBuilder(s.substring(0, i));
        }
        out.append((char) ('0' + Character.digit(cp, 10)));
      } else if (out != null) {
        out.appendCodePoint(cp);
      }
      i += w;
    }
    return out == null ? s : out.toString();
  }

  private static double pythonFloat(String s) {
    String t = asciiDigits(s.strip());
    if (t.isEmpty() || !PYTHON_FLOAT.matcher(t).matches()) {
      throw new NumberFormatException(s);
    }
    return switch (t.replace("+", "").replace("-", "")) {
      case "inf", "infinity" -> t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(t);
    };
  }

  /** construct_yaml_bool: a KeyError for anything but PyYAML's six spellings (any case). */
  public static boolean constructBool(String text) throws ConstructionCrash {
    switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "yes", "true", "on":
        return true;
      case "no", "false", "off":
        return false;
      default:
        throw new ConstructionCrash("KeyError", "'" + text.toLowerCase(java.util.Locale.ROOT) + "'");
    }
  }

  /**
   * construct_yaml_timestamp: the text must match the timestamp pattern from its start (an
   * AttributeError otherwise) and name a real date and time (a ValueError otherwise).
   */
  public static void checkTimestamp(String text) throws ConstructionCrash {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    java.util.regex.Matcher m = TIMESTAMP_PARTS.matcher(body);
    if (!m.matches()) {
      throw new ConstructionCrash("AttributeError", "'NoneType' object has no attribute 'groupdict'");
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (year < 1) {
      throw new ConstructionCrash("ValueError", "year 0 is out of range");
    }
    if (month < 1 || month > 12) {
      throw new ConstructionCrash("ValueError", "month must be in 1..12");
    }
    if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      throw new ConstructionCrash("ValueError", "day is out of range for month");
    }
    if (m.group(4) != null) {
      int hour = Integer.parseInt(m.group(4));
      int minute = Integer.parseInt(m.group(5));
      int second = Integer.parseInt(m.group(6));
      if (hour > 23) {
        throw new ConstructionCrash("ValueError", "hour must be in 0..23");
      }
      if (minute > 59) {
        throw new ConstructionCrash("ValueError", "minute must be in 0..59");
      }
      if (second > 59) {
        throw new ConstructionCrash("ValueError", "second must be in 0..59");
      }
      if (m.group(10) != null) {
        int tzHour = Integer.parseInt(m.group(10));
        int tzMinute = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
        if (tzHour * 60 + tzMinute >= 24 * 60) {
          throw new ConstructionCrash("ValueError",
              "offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)");
        }
      }
    }
  }

  /** "1.5", "-0.25", "16.0": digits, one dot, digits — what Double.parseDouble reads as Python does. */
  private static boolean isSimpleDecimal(String t) {
    int n = t.length();
    int i = n > 0 && t.charAt(0) == '-' ? 1 : 0;
    int dot = -1;
    int digits = 0;
    for (; i < n; i++) {
      char c = t.charAt(i);
      if (c == '.' && dot < 0) {
        dot = i;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else {
        return false;
      }
    }
    return dot > 0 && digits > 0 && dot < n - 1 && Character.isDigit(t.charAt(dot - 1));
  }
}
