package dev.ptree.rules.comparison;

import dev.ptree.model.Capacity;

import dev.ptree.model.InventoryRecord;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.YNode;

public final class ReservedVsTotal extends Rule {
  public ReservedVsTotal() {
    super("PT303", "reserved-vs-total", Category.COMPARISON, Severity.ERROR,
        "reserved greater than or equal to total",
        new RuleDoc(
            "Placement computes capacity = int((total - reserved) * allocation_ratio). Reserved"
                + " above total makes it negative, which Placement rejects; reserved equal to total"
                + " makes it zero, which Placement accepts but nothing can use.",
            "A negative capacity fails every periodic inventory update with a 400; a zero one"
                + " quietly offers nothing.",
            "- CUSTOM_FPGA: {total: 2, reserved: 4}     # capacity -2: rejected",
            "No fix: decide which number is wrong."));
  }

  @Override
  public boolean readsTrees() {
    return true;
  }

  @Override
  public Scope scope() {
    return Scope.PROVIDER;
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    context.forEachProvider((file, p) -> {
      for (InventoryRecord r : p.mergedRecords()) {
        Long total = r.integerField("total");
        Long reserved = r.integerField("reserved");
        Double capacity = Capacity.of(r);
        if (total == null || reserved == null || capacity == null || reserved < total) {
          continue;
        }
        YNode at = r.field("reserved");
        if (reserved > total && capacity < 0) {
          out.report(file, at.span(), "reserved " + reserved + " is greater than total " + total
              + ": capacity is " + Capacity.show(capacity) + " and Placement rejects the inventory");
        } else {
          out.report(file, at.span(), "reserved " + reserved + (reserved.equals(total) ? " equals" : " exceeds")
              + " total " + total + ": capacity is " + Capacity.show(capacity)
              + ", so nothing of " + r.resourceClass() + " can be allocated").severity(Severity.WARNING);
        }
      }
    });
  }
}
