package dev.ptree.text;

import java.math.BigDecimal;

/** How Python prints values in nova's and Placement's messages and logs. */
public final class PythonRepr {
  private PythonRepr() {}

  /** Python's repr() of a float: shortest round-trip digits, always with a dot or exponent. */
  public static String of(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0"; // BigDecimal has no negative zero
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d));
    String plain = shortest.stripTrailingZeros().toPlainString();
    if (Math.abs(d) >= 1e16 || (d != 0 && Math.abs(d) < 1e-4)) {
      String e = String.format("%s", Double.toString(d)).replace("E", "e+").replace("e+-", "e-");
      return e;
    }
    return plain.contains(".") ? plain : plain + ".0";
  }}
