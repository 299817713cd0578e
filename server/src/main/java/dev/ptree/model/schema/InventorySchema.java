package dev.ptree.model.schema;

import dev.ptree.model.NovaSchema;

/**
 * Placement's inventory record (placement/schemas/inventory.py), the same in both dialects:
 * its fields in the order Placement lists them, with Placement's defaults and limits.
 */
public final class InventorySchema {
  private InventorySchema() {}

  private static final String LIMITS = "\n\nPlacement checks integers in 1..2147483647 (`reserved` from 0).";

  public static final Key TOTAL = Key.integer("total").required().range(1, NovaSchema.MAX_INT)
      .doc("Required. The amount of the resource the provider has." + LIMITS);
  public static final Key RESERVED = Key.integer("reserved").range(0, NovaSchema.MAX_INT).byDefault("0")
      .doc("Held back from allocation. Default 0." + LIMITS);
  public static final Key MIN_UNIT = Key.integer("min_unit").range(1, NovaSchema.MAX_INT).byDefault("1")
      .doc("The smallest amount one allocation may take. Default 1." + LIMITS);
  public static final Key MAX_UNIT = Key.integer("max_unit").range(1, NovaSchema.MAX_INT)
      .byDefault(Long.toString(NovaSchema.MAX_INT))
      .doc("The largest amount one allocation may take. Default 2147483647." + LIMITS);
  public static final Key STEP_SIZE = Key.integer("step_size").range(1, NovaSchema.MAX_INT).byDefault("1")
      .doc("Allocations are multiples of it. Default 1." + LIMITS);
  public static final Key ALLOCATION_RATIO = Key.number("allocation_ratio").range(0, NovaSchema.SP_FLOAT_MAX)
      .byDefault("1.0")
      .doc("The overcommit factor. Default 1.0. Capacity is int((total − reserved) × allocation_ratio);"
          + " Placement stores the ratio as a single-precision float (1.1 becomes 1.100000023841858).");

  /** additionalProperties: false — nova's SCHEMA_V1 and Placement both refuse other keys. */
  public static final Key RECORD = Key.mapping("record", TOTAL, RESERVED, MIN_UNIT, MAX_UNIT, STEP_SIZE,
      ALLOCATION_RATIO).unknown(Key.Unknown.FORBIDDEN).label("an inventory record");
}
