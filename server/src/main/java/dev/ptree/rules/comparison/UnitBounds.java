package dev.ptree.rules.comparison;

import dev.ptree.model.Capacity;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reach;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.text.PythonRepr;
import dev.ptree.yaml.YNode;

public final class UnitBounds extends ProviderRule {
  public UnitBounds() {
    super(RuleInfo.of("PT304", "unit-bounds", Category.COMPARISON, Severity.WARNING,
        "min_unit, max_unit and step_size that no allocation can satisfy",
        new RuleDoc(
            "With Placement's defaults filled in, an allocation must be a multiple of step_size"
                + " between min_unit and max_unit, and fit the capacity int((total - reserved) *"
                + " allocation_ratio). min_unit above max_unit or above the capacity, or no multiple"
                + " of step_size in that range, leaves no valid amount.",
            "Placement accepts the inventory, but no request can ever be allocated from it.",
            "- CUSTOM_FPGA: {total: 4, min_unit: 8}     # nothing fits",
            "No fix.")).reading(RuleInfo.Input.TREES));
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    for (InventoryRecord r : p.mergedRecords()) {
      Long total = r.integerField("total");
      Long min = r.integerOrDefault("min_unit");
      Long max = r.integerOrDefault("max_unit");
      Long step = r.integerOrDefault("step_size");
      Double capacity = Capacity.of(r);
      if (total == null || min == null || max == null || step == null || capacity == null
          || !inRange(total) || !inRange(min) || !inRange(max) || !inRange(step) || !(capacity > 0)
          || Capacity.fails(capacity)) {
        continue; // out-of-range values and an empty capacity have rules of their own
      }
      long firstMultiple = (min + step - 1) / step * step;
      long ceiling = (long) Math.min((double) max, capacity);
      if (min > max) {
        Reach.report(out, file, p, at(r, "min_unit"), "min_unit {} is greater than max_unit {}: no"
            + " allocation of {} can satisfy both", min, max, r.resourceClass());
      } else if (min > capacity) {
        Reach.report(out, file, p, at(r, "min_unit"), "min_unit {} is greater than the capacity {}"
            + " (total {}, reserved {}, allocation_ratio {}): no allocation of {} can fit",
            min, Capacity.show(capacity), total, r.integerOrDefault("reserved"),
                PythonRepr.of(r.allocationRatio()), r.resourceClass());
      } else if (firstMultiple > ceiling) {
        Reach.report(out, file, p, at(r, "step_size"), "no multiple of step_size {} lies between"
            + " min_unit {} and {}: no allocation of {} is possible",
            step, min, (max <= capacity ? "max_unit " + max : "the capacity "
            + Capacity.show(capacity)), r.resourceClass());
      }
    }
  }

  private static boolean inRange(long v) {
    return v >= 1 && v <= NovaSchema.MAX_INT;
  }

  private static dev.ptree.text.Span at(InventoryRecord r, String field) {
    YNode node = r.field(field);
    return node != null ? node.span() : r.entry().keySpan();
  }
}
