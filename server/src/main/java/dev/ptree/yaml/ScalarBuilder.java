package dev.ptree.yaml;

import dev.ptree.text.Span;
import dev.ptree.yaml.PyYamlScalars.ConstructionCrash;
import java.util.List;

/**
 * Builds a scalar node the way PyYAML's SafeConstructor would: implicit typing for plain
 * scalars, strings for quoted ones, conversion for explicit standard tags. Shared by both parse
 * paths so they cannot disagree.
 */
final class ScalarBuilder {
  private static final String P = PyYamlScalars.TAG_PREFIX;

  private ScalarBuilder() {}

  /** {@code tag} is null for an untagged scalar; {@code plain} whether it was written plain. */
  static YScalar build(String text, ScalarStyle style, Span span, String tag, List<YamlProblem> problems) {
    String effective;
    String explicit = null;
    if (tag == null) {
      if (style == ScalarStyle.PLAIN) {
        return plain(text, span, problems);
      }
      effective = "str";
    } else if (tag.equals("!")) {
      effective = "str";
    } else {
      explicit = tag;
      effective = tag.startsWith(P) ? tag.substring(P.length()) : "?";
    }
    return construct(text, style, span, explicit, effective, problems);
  }

  static YScalar plain(String text, Span span, List<YamlProblem> problems) {
    String effective = switch (PyYamlScalars.resolvePlain(text)) {
      case STR -> null;
      case INT -> "int";
      case FLOAT -> "float";
      case BOOL -> "bool";
      case NULL -> "null";
      case TIMESTAMP -> "timestamp";
      case MERGE -> "merge";
      case VALUE -> "value";
    };
    if (effective == null) {
      return new YScalar(text, ScalarStyle.PLAIN, span, null, ValueKind.STR, text);
    }
    return construct(text, ScalarStyle.PLAIN, span, null, effective, problems);
  }

  private static YScalar construct(String text, ScalarStyle style, Span span, String explicit,
      String effective, List<YamlProblem> problems) {
    try {
      return switch (effective) {
        case "str" -> new YScalar(text, style, span, explicit, ValueKind.STR, text);
        case "int" -> new YScalar(text, style, span, explicit, ValueKind.INT, integer(text));
        case "float" -> new YScalar(text, style, span, explicit, ValueKind.FLOAT, PyYamlScalars.constructFloat(text));
        case "bool" -> new YScalar(text, style, span, explicit, ValueKind.BOOL, PyYamlScalars.constructBool(text));
        case "null" -> new YScalar(text, style, span, explicit, ValueKind.NULL, null);
        case "timestamp" -> {
          PyYamlScalars.checkTimestamp(text);
          yield new YScalar(text, style, span, explicit, ValueKind.TIMESTAMP, text);
        }
        case "binary" -> binary(text, style, span, explicit, problems);
        default -> {
          problems.add(new YamlProblem(YamlProblem.Code.UNKNOWN_TAG, "could not determine a constructor for the tag '"
              + (explicit != null ? explicit : P + effective) + "' on this scalar", span));
          yield new YScalar(text, style, span, explicit, ValueKind.STR, text);
        }
      };
    } catch (ConstructionCrash crash) {
      problems.add(new YamlProblem(YamlProblem.Code.CONSTRUCTOR_CRASH,
          "PyYAML raises " + crash.pythonType() + " building this value (" + crash.getMessage() + ")", span));
      return new YScalar(text, style, span, explicit, ValueKind.STR, text);
    }
  }

  /** Python's int as a Long when it fits (nearly always), else a BigInteger. */
  private static Number integer(String text) throws ConstructionCrash {
    int n = text.length();
    if (n > 0 && n < 18) {
      boolean digits = true;
      for (int i = 0; i < n && digits; i++) {
        char c = text.charAt(i);
        digits = c >= '0' && c <= '9';
      }
      if (digits && (n == 1 || text.charAt(0) != '0')) {
        return Long.parseLong(text);
      }
    }
    java.math.BigInteger big = PyYamlScalars.constructInt(text);
    return big.bitLength() < 63 ? (Number) big.longValue() : big;
  }

  private static YScalar binary(String text, ScalarStyle style, Span span, String explicit,
      List<YamlProblem> problems) {
    String error = base64Error(text);
    if (error != null) {
      problems.add(new YamlProblem(YamlProblem.Code.BAD_BINARY,
          "failed to decode base64 data: " + error, span));
    }
    return new YScalar(text, style, span, explicit, ValueKind.BINARY, text);
  }

  /**
   * What Python's base64.decodebytes (binascii.a2b_base64, non-strict) says of the text: null
   * when it decodes. It skips characters outside the alphabet, stops at complete padding, and
   * refuses incomplete groups.
   */
  static String base64Error(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7F) {
        return "string argument should contain only ASCII characters";
      }
    }
    int quad = 0;
    int pads = 0;
    int data = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=') {
        if (quad >= 2 && quad + ++pads >= 4) {
          return null; // complete: anything after the padding is ignored
        }
        continue;
      }
      boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '+' || c == '/';
      if (!alphabet) {
        continue;
      }
      data++;
      pads = 0;
      quad = (quad + 1) % 4;
    }
    if (quad == 1) {
      return "Invalid base64-encoded string: number of data characters (" + data
          + ") cannot be 1 more than a multiple of 4";
    }
    return quad != 0 ? "Incorrect padding" : null;
  }
}
