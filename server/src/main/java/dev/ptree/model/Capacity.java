package dev.ptree.model;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Placement's capacity, {@code int((total - reserved) * allocation_ratio)}
 * (placement/objects/inventory.py {@code Inventory.capacity}), computed as Python computes it:
 * the product in double precision, then {@code int()}, which truncates toward zero into an
 * arbitrary-precision integer. The result is carried as a double: truncation toward zero of a
 * double is again a double (every double of magnitude 2^52 or more is already an integer), so the
 * double holds Python's integer exactly; {@link #exact} gives it digit for digit (1e300 is not
 * clamped to a long) and {@link #show} prints it, in scientific form beyond 20 digits. NaN or an infinity means Python raises (ValueError,
 * OverflowError) and Placement answers 500.
 */
public final class Capacity {
  private Capacity() {}

  /** Null when total, reserved or allocation_ratio is not usable. */
  public static Double of(InventoryRecord r) {
    Long total = r.integerField("total");
    Long reserved = r.integerOrDefault("reserved");
    Double ratio = r.allocationRatio();
    if (total == null || reserved == null || ratio == null) {
      return null;
    }
    return of(total, reserved, ratio);
  }

  public static double of(long total, long reserved, double ratio) {
    double product = (double) (total - reserved) * ratio;
    if (Double.isNaN(product) || Double.isInfinite(product)) {
      return product;
    }
    double truncated = product < 0 ? Math.ceil(product) : Math.floor(product);
    return truncated == 0 ? 0.0 : truncated; // no -0.0
  }

  /** True when Python's int() raises on the product: Placement answers 500. */
  public static boolean fails(double capacity) {
    return Double.isNaN(capacity) || Double.isInfinite(capacity);
  }

  /** Python's integer, or null when int() raises. */
  public static BigInteger exact(double capacity) {
    return fails(capacity) ? null : new BigDecimal(capacity).toBigInteger();
  }

  public static String show(double capacity) {
    if (Double.isNaN(capacity)) {
      return "nan";
    }
    if (Double.isInfinite(capacity)) {
      return capacity > 0 ? "inf" : "-inf";
    }
    String digits = exact(capacity).toString();
    int n = digits.length() - (digits.startsWith("-") ? 1 : 0);
    if (n <= 20) {
      return digits;
    }
    // all of Python's digits are known (see exact), but 300 of them help nobody in a message
    return String.format(java.util.Locale.ROOT, "%.6e (an integer of %d digits)", capacity, n);
  }
}
