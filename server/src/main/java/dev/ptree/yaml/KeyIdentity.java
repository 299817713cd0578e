package dev.ptree.yaml;


/** Python dict key equality for the scalar keys PyYAML builds. */
public final class KeyIdentity {
  private KeyIdentity() {}

  public static boolean sameKey(YNode a, YNode b) {
    if (a == b) {
      return true;
    }
    if (!(a instanceof YScalar x) || !(b instanceof YScalar y)) {
      return false;
    }
    if (x.kind() == ValueKind.STR || y.kind() == ValueKind.STR) {
      return x.kind() == y.kind() && x.text().equals(y.text());
    }
    Object u = normalise(x);
    Object v = normalise(y);
    return u == null ? v == null && x.kind() == y.kind() : u.equals(v);
  }

  /**
   * Python's True == 1 == 1.0 hash alike, so they collide as dict keys; strings never equal
   * numbers; timestamps compare by their text here, which is close enough for duplicate reports.
   */
  private static Object normalise(YScalar s) {
    return switch (s.kind()) {
      case STR -> "s:" + s.text();
      case BOOL -> numberKey(Boolean.TRUE.equals(s.value()) ? 1.0 : 0.0);
      case INT -> numberKey(((Number) s.value()).doubleValue());
      case FLOAT -> numberKey((Double) s.value());
      case NULL -> null;
      default -> s.kind() + ":" + s.text();
    };
  }

  private static Object numberKey(double d) {
    return "n:" + (d == 0.0 ? 0.0 : d);
  }
}
