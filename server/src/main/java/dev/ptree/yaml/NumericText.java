package dev.ptree.yaml;

import java.math.BigDecimal;

/** Numbers spelled by string scalars: the text a YAML loader keeps as str although it reads as a number. */
public final class NumericText {
  private NumericText() {}

  /** The number a string scalar spells, when it spells one; null otherwise. */
  public static BigDecimal of(YNode v) {
    if (!(v instanceof YScalar s) || s.kind() != ValueKind.STR || s.explicitTag() != null
        || (s.style() != ScalarStyle.PLAIN && !s.style().isQuoted())) {
      return null;
    }
    String t = s.text().strip().replace("_", "");
    if (t.isEmpty()) {
      return null;
    }
    try {
      if (t.matches("[-+]?0[oO][0-7]+")) {
        return new BigDecimal(new java.math.BigInteger(t.replaceFirst("0[oO]", ""), 8));
      }
      if (!t.matches("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?")) {
        return null;
      }
      return new BigDecimal(t);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }}
