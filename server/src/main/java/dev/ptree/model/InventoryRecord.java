package dev.ptree.model;

import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import dev.ptree.yaml.ValueKind;

/**
 * A resource class and its inventory record. {@code resourceClass} is null when the key is not a
 * string; {@code record} is null when the value is not a mapping; {@code effective} is false when
 * a later duplicate key in the same mapping overrides this one.
 */
public final class InventoryRecord {
  private final YEntry entry;
  private final String resourceClass;
  private final YMapping record;
  private final boolean effective;
  /** The effective value of each of NovaSchema.RECORD_FIELDS, looked up once. */
  private final YNode[] fields;

  public InventoryRecord(YEntry entry, String resourceClass, YMapping record, boolean effective) {
    this.entry = entry;
    this.resourceClass = resourceClass;
    this.record = record;
    this.effective = effective;
    this.fields = new YNode[NovaSchema.RECORD_FIELDS.size()];
    if (record != null) {
      // one pass from the end: the last entry of a key written twice is the one a dict keeps
      java.util.List<YEntry> entries = record.entries();
      for (int k = entries.size() - 1; k >= 0; k--) {
        YEntry e = entries.get(k);
        int i = e.key() instanceof YScalar s && s.isString() ? fieldIndex(s.text()) : -1;
        if (i >= 0 && fields[i] == null) {
          fields[i] = e.value();
        }
      }
    }
  }

  /** The index of one of NovaSchema.RECORD_FIELDS, or -1. */
  private static int fieldIndex(String name) {
    return switch (name) {
      case "total" -> 0;
      case "reserved" -> 1;
      case "min_unit" -> 2;
      case "max_unit" -> 3;
      case "step_size" -> 4;
      case "allocation_ratio" -> 5;
      default -> -1;
    };
  }

  public YEntry entry() {
    return entry;
  }

  public String resourceClass() {
    return resourceClass;
  }

  public YMapping record() {
    return record;
  }

  public boolean effective() {
    return effective;
  }

  public YNode field(String name) {
    int i = fieldIndex(name);
    return i >= 0 ? fields[i] : record == null ? null : record.get(name);
  }

  /** The field as an exact integer value as nova's jsonschema accepts it (5 or 5.0), or null. */
  public Long integerField(String name) {
    YNode node = field(name);
    if (node instanceof YScalar s) {
      if (s.kind() == ValueKind.INT) {
        if (s.value() instanceof Long v) {
          return v;
        }
        java.math.BigInteger v = (java.math.BigInteger) s.value();
        return v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
      }
      if (s.kind() == ValueKind.FLOAT) {
        double d = (Double) s.value();
        if (!Double.isInfinite(d) && d == Math.rint(d)) {
          return d >= 9.2e18 ? Long.MAX_VALUE : d <= -9.2e18 ? Long.MIN_VALUE : (long) d;
        }
      }
    }
    return null;
  }

  /** Field value with Placement's default when absent; null when present but unusable. */
  public Long integerOrDefault(String name) {
    return field(name) == null ? Long.valueOf(NovaSchema.defaultOf(name)) : integerField(name);
  }

  /** allocation_ratio as a Python float, 1.0 when absent, null when not a number. */
  public Double allocationRatio() {
    YNode node = field("allocation_ratio");
    if (node == null) {
      return 1.0;
    }
    if (node instanceof YScalar s) {
      if (s.kind() == ValueKind.FLOAT) {
        return (Double) s.value();
      }
      if (s.kind() == ValueKind.INT) {
        return ((Number) s.value()).doubleValue();
      }
    }
    return null;
  }
}
