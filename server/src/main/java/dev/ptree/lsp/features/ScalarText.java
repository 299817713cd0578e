package dev.ptree.lsp.features;

import dev.ptree.yaml.PyYamlScalars;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.YScalar;

/**
 * The text that writes a string where a scalar stood, so the file stays valid and reads back as
 * that string: in JSON a JSON string; in YAML the style the scalar had when it can carry the new
 * string (a plain scalar only when PyYAML's resolver reads it as a string, {@link PyYamlScalars}),
 * else single quotes. Names reaching here hold no control or invisible character (rename refuses
 * them), so single quotes can hold any of them.
 */
final class ScalarText {
  private ScalarText() {}

  /** Characters that start something else than a plain scalar, or end one inside a flow collection. */
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
  private static final String FLOW = ",[]{}";

  static String of(String value, YScalar old, boolean json) {
    if (json) {
      return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (old != null && old.style() == ScalarStyle.DOUBLE_QUOTED) {
      return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    if (old != null && old.style() == ScalarStyle.PLAIN && plainReadsAsString(value)) {
      return value;
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** Whether {@code value} written plain is one plain scalar, in block or flow context, that PyYAML reads as this string. */
  static boolean plainReadsAsString(String value) {
    if (value.isEmpty() || !value.strip().equals(value) || INDICATORS.indexOf(value.charAt(0)) >= 0
        || value.contains(": ") || value.endsWith(":") || value.contains(" #")) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (FLOW.indexOf(value.charAt(i)) >= 0) {
        return false;
      }
    }
    return PyYamlScalars.resolvePlain(value) == PyYamlScalars.Resolution.STR;
  }
}
