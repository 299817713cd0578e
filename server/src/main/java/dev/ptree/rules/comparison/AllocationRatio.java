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
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;

public final class AllocationRatio extends ProviderRule {
  public AllocationRatio() {
    super(RuleInfo.of("PT306", "allocation-ratio", Category.COMPARISON, Severity.ERROR,
        "an allocation_ratio that is not positive, too large, or not exact in float32",
        new RuleDoc(
            "Placement's inventory schema (placement/schemas/inventory.py, checked by"
                + " placement/handlers/inventory.py `_extract_inventories`) allows any number up to"
                + " 3.40282e38 and has no minimum. A larger ratio, or +inf, is refused there (400)."
                + " Then `_validate_inventory_capacity` computes capacity ="
                + " int((total - reserved) * ratio) (placement/objects/inventory.py) and refuses a"
                + " negative one (400); NaN and -inf pass the schema (NaN compares false with the"
                + " maximum) and then make int() raise, so Placement answers 500. A negative ratio"
                + " is refused only when it makes the capacity negative: with reserved above total"
                + " it makes it positive, and a tiny one truncates to 0. A capacity of 0 is"
                + " accepted but offers nothing. A value float32 cannot hold exactly is stored"
                + " rounded. Measured against python3-placement 8.0 run in-process. An entry whose"
                + " identification no provider Placement holds can match is never sent: there the"
                + " finding is a warning that says so.",
            "A rejected ratio fails every periodic inventory update; a rounded one computes a"
                + " capacity that differs from what was written.",
            "- CUSTOM_NET_BW: {total: 100, allocation_ratio: -1.0}     # capacity -100: rejected",
            "No fix.")).reading(RuleInfo.Input.TREES));
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    for (InventoryRecord r : p.mergedRecords()) {
      YNode node = r.field("allocation_ratio");
      Double ratio = node == null ? null : r.allocationRatio();
      if (ratio == null) {
        continue;
      }
      String shown = node instanceof YScalar s && s.kind() == ValueKind.INT && s.value() != null
          ? s.value().toString() : PythonRepr.of(ratio);
      Long total = r.integerField("total");
      Long reserved = r.integerOrDefault("reserved");
      boolean fieldsUsable = total != null && reserved != null && inRange(total, 1) && inRange(reserved, 0);
      if (ratio > NovaSchema.SP_FLOAT_MAX) {
        Reach.report(out, file, p, node.span(), "allocation_ratio {} is above Placement's maximum"
            + " 3.40282e+38: Placement's inventory schema rejects it (400)", shown);
        continue;
      }
      if (!fieldsUsable) {
        continue; // PT305 reports the field Placement's schema refuses first
      }
      double capacity = Capacity.of(total, reserved, ratio);
      if (Capacity.fails(capacity)) {
        Reach.report(out, file, p, node.span(), "allocation_ratio {} passes Placement's schema,"
            + " but capacity int(({} - {}) * {}) raises in Python ({}), so Placement answers 500"
            + " on every update",
            shown, total, reserved, shown, (Double.isNaN(capacity) ? "ValueError" : "OverflowError"));
        continue;
      }
      if (capacity < 0) {
        Reach.report(out, file, p, node.span(), "allocation_ratio {} makes capacity {}: Placement"
            + " rejects the inventory (400)", shown, Capacity.show(capacity));
        continue;
      }
      if (capacity == 0 && reserved < total) {
        Reach.report(out, file, p, node.span(), "allocation_ratio {} makes capacity 0 (int(({} -"
            + " {}) * {})): Placement accepts it, but nothing of {} can be allocated",
            shown, total, reserved, shown, r.resourceClass()).severity(Severity.WARNING);
        continue;
      }
      if (ratio < 0 && reserved > total) {
        Reach.report(out, file, p, node.span(), "allocation_ratio {} is negative; with reserved {}"
            + " above total {} it makes capacity {}, which Placement accepts",
            shown, reserved, total, Capacity.show(capacity)).severity(Severity.WARNING);
        continue;
      }
      float stored = (float) (double) ratio;
      if ((double) stored != ratio) {
        out.report(file, node.span(), "allocation_ratio {} is stored by Placement as the"
            + " single-precision {}", shown, PythonRepr.of(stored))
            .severity(Severity.INFORMATION);
      }
    }
  }

  private static boolean inRange(long v, long min) {
    return v >= min && v <= NovaSchema.MAX_INT;
  }
}
