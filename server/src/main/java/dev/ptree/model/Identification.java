package dev.ptree.model;

import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YScalar;

/**
 * The identification nova uses for a provider: {@code uuid} or {@code name} and its string value.
 * {@code schemaValid} is whether SCHEMA_V1 accepts the whole identification mapping.
 */
public record Identification(YEntry entry, String method, String value, boolean schemaValid) {
  public YScalar valueNode() {
    return (YScalar) entry.value();
  }

  /**
   * Whether nova treats the entry as the {@code $COMPUTE_NODE} default: the loader keys an entry
   * by {@code uuid or name}, and the merge compares that key, so {@code name: $COMPUTE_NODE} is
   * the sentinel too (undocumented; PT204).
   */
  public boolean isComputeNode() {
    return NovaSchema.COMPUTE_NODE.equals(value);
  }

  /**
   * Why no provider Placement can hold ever carries this identification, or null when one can.
   * nova finds the entry's provider in a tree built from Placement's answers and compares exact
   * strings, so an entry Placement cannot store as written is never matched and nova sends nothing
   * for it. Measured against python3-placement 8.0 ({@code POST /resource_providers} at 1.20):
   * Placement lower-cases uuids ({@code objects/resource_provider.py} stores the uuid it parsed),
   * refuses a uuid ending in a newline (400: the schema's {@code format: uuid}), answers 500
   * creating a provider whose name holds a lone surrogate, and receives an escaped surrogate pair
   * as the one character JSON joins it into.
   */
  public String unreachable() {
    if (value == null || NovaSchema.COMPUTE_NODE.equals(value)) {
      return null;
    }
    if (method.equals("uuid")) {
      if (value.endsWith("\n")) {
        return "Placement refuses a provider uuid that ends in a newline (400), so no provider has it";
      }
      if (!value.equals(value.toLowerCase(java.util.Locale.ROOT))) {
        return "Placement holds uuids in lower case, so no provider's uuid is this string";
      }
      return null;
    }
    boolean lone = false;
    boolean pair = false;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (isPythonSurrogate(cp)) {
        int next = i < value.length() ? value.codePointAt(i) : -1;
        if (cp < PY_LOW && isPythonSurrogate(next) && next >= PY_LOW) {
          pair = true;
          i += Character.charCount(next);
        } else {
          lone = true;
        }
      }
    }
    if (lone) {
      return "Placement cannot store a name holding a lone surrogate (500 creating the provider),"
          + " so no provider has this name";
    }
    if (pair) {
      return "JSON carries an escaped surrogate pair to Placement as the one character it encodes,"
          + " so Placement holds that character and no provider has this name as written";
    }
    return null;
  }

  /** The stand-ins the YAML layer uses for Python's lone surrogates (U+D800..U+DFFF). */
  private static final int PY_HIGH = 0xF0000; // dev.ptree.yaml.DoubleQuoted.LONE_SURROGATE_BASE
  private static final int PY_LOW = PY_HIGH + 0x400;

  private static boolean isPythonSurrogate(int cp) {
    return cp >= PY_HIGH && cp < PY_HIGH + 0x800;
  }
}
