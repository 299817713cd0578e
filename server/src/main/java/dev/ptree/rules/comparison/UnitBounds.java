package dev.ptree.rules.comparison;

import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.YNode;

public final class UnitBounds extends Rule {
  public UnitBounds() {
    super("PT304", "unit-bounds", Category.COMPARISON, Severity.WARNING,
        "min_unit, max_unit and step_size that no allocation can satisfy",
        new RuleDoc(
            "With Placement's defaults filled in, an allocation must be a multiple of step_size"
                + " between min_unit and max_unit, and fit the capacity. min_unit above max_unit,"
                + " min_unit above total, or step_size above max_unit leaves no valid amount.",
            "Placement accepts the inventory, but no request can ever be allocated from it.",
            "- CUSTOM_FPGA: {total: 4, min_unit: 8}     # nothing fits",
            "No fix."));
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    context.forEachProvider((file, p) -> {
      for (InventoryRecord r : p.mergedRecords()) {
        Long total = r.integerField("total");
        Long min = r.integerOrDefault("min_unit");
        Long max = r.integerOrDefault("max_unit");
        Long step = r.integerOrDefault("step_size");
        if (total == null || min == null || max == null || step == null
            || !inRange(total) || !inRange(min) || !inRange(max) || !inRange(step)) {
          continue;
        }
        if (min > max) {
          out.report(file, at(r, "min_unit"), "min_unit " + min + " is greater than max_unit " + max
              + ": no allocation of " + r.resourceClass() + " can satisfy both");
        } else if (min > total) {
          out.report(file, at(r, "min_unit"), "min_unit " + min + " is greater than total " + total
              + ": no allocation of " + r.resourceClass() + " can fit");
        } else if (step > max) {
          out.report(file, at(r, "step_size"), "step_size " + step + " is greater than max_unit " + max
              + ": no allocation of " + r.resourceClass() + " can be a multiple of it");
        }
      }
    });
  }

  private static boolean inRange(long v) {
    return v >= 0 && v <= NovaSchema.MAX_INT;
  }

  private static dev.ptree.text.Span at(InventoryRecord r, String field) {
    YNode node = r.field(field);
    return node != null ? node.span() : r.entry().keySpan();
  }
}
