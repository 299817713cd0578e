package dev.ptree.yaml;

import dev.ptree.text.Span;

/**
 * A scalar: its text after YAML unescaping/folding, its style, and the value PyYAML builds from
 * it. {@code value} is a String, Long (or BigInteger beyond 63 bits), Double, Boolean, null, or (for timestamps and
 * binaries) the scalar text.
 */
public record YScalar(String text, ScalarStyle style, Span span, String explicitTag, ValueKind kind,
    Object value) implements YNode {

  public boolean isString() {
    return kind == ValueKind.STR;
  }

  public String stringValue() {
    return kind == ValueKind.STR ? text : null;
  }
}
