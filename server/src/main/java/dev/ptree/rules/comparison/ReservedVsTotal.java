package dev.ptree.rules.comparison;

import dev.ptree.model.Capacity;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reach;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.YNode;

public final class ReservedVsTotal extends ProviderRule {
  public ReservedVsTotal() {
    super(RuleInfo.of("PT303", "reserved-vs-total", Category.COMPARISON, Severity.ERROR,
        "reserved greater than or equal to total",
        new RuleDoc(
            "Placement computes capacity = int((total - reserved) * allocation_ratio)"
                + " (placement/objects/inventory.py) and placement/handlers/inventory.py"
                + " `_validate_inventory_capacity` refuses a negative one at nova's microversion 1.26"
                + " (400). Reserved above total makes it negative, unless a negative"
                + " allocation_ratio turns it positive or int() truncates it to 0; reserved equal to"
                + " total makes it zero, which Placement accepts but nothing can use. Measured"
                + " against python3-placement 8.0 run in-process. An entry whose identification no"
                + " provider Placement holds can match is never sent: there the finding is a"
                + " warning that says so.",
            "A negative capacity fails every periodic inventory update with a 400; a zero one"
                + " quietly offers nothing.",
            "- CUSTOM_FPGA: {total: 2, reserved: 4}     # capacity -2: rejected",
            "No fix: decide which number is wrong.")).reading(RuleInfo.Input.TREES));
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    for (InventoryRecord r : p.mergedRecords()) {
      Long total = r.integerField("total");
      Long reserved = r.integerField("reserved");
      Double capacity = Capacity.of(r);
      if (total == null || reserved == null || capacity == null || reserved < total) {
        continue;
      }
      YNode at = r.field("reserved");
      if (Capacity.fails(capacity)) {
        continue; // PT306: the ratio makes Placement fail computing it
      }
      if (reserved > total && capacity < 0) {
        Reach.report(out, file, p, at.span(), "reserved {} is greater than total {}: capacity is"
            + " {} and Placement rejects the inventory (400)",
            reserved, total, Capacity.show(capacity));
      } else if (capacity > 0) {
        Reach.report(out, file, p, at.span(), "reserved {} exceeds total {}; only the negative"
            + " allocation_ratio makes capacity {} positive, so Placement accepts it",
            reserved, total, Capacity.show(capacity)).severity(Severity.WARNING);
      } else {
        Reach.report(out, file, p, at.span(), "reserved {}{} total {}: capacity is {}, so nothing"
            + " of {} can be allocated",
            reserved, (reserved.equals(total) ? " equals" : " exceeds"), total,
                Capacity.show(capacity), r.resourceClass()).severity(Severity.WARNING);
      }
    }
  }
}
