package dev.ptree.model;

/** Placement's capacity: int((total - reserved) * allocation_ratio), truncated toward zero. */
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
    double product = (double) (total - reserved) * ratio;
    return Double.isNaN(product) || Double.isInfinite(product) ? product : (double) (long) product;
  }

  public static String show(double capacity) {
    return Double.isNaN(capacity) ? "nan" : Double.isInfinite(capacity) ? "inf" : Long.toString((long) capacity);
  }
}
