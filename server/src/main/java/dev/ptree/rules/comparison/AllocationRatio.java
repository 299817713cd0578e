package dev.ptree.rules.comparison;

import dev.ptree.model.Capacity;

import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.YNode;

public final class AllocationRatio extends Rule {
  public AllocationRatio() {
    super("PT306", "allocation-ratio", Category.COMPARISON, Severity.ERROR,
        "an allocation_ratio that is not positive, too large, or not exact in float32",
        new RuleDoc(
            "Placement stores allocation_ratio as a single-precision float no larger than"
                + " 3.40282e38 and computes capacity = int((total - reserved) * ratio)."
                + " A ratio above the limit, infinite or NaN is rejected; one that makes capacity"
                + " negative is rejected; zero capacity is accepted but useless; a value float32"
                + " cannot hold exactly is stored rounded.",
            "A rejected ratio fails every periodic inventory update; a rounded one computes a"
                + " capacity that differs from what was written.",
            "- CUSTOM_NET_BW: {total: 100, allocation_ratio: -1.0}     # capacity -100: rejected",
            "No fix."));
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
        YNode node = r.field("allocation_ratio");
        Double ratio = node == null ? null : r.allocationRatio();
        if (ratio == null) {
          continue;
        }
        String shown = NumberAsString.pythonRepr(ratio);
        if (Double.isNaN(ratio)) {
          out.report(file, node.span(), "allocation_ratio is NaN: Placement fails computing the"
              + " capacity (a 500 on every update)");
          continue;
        }
        if (ratio > NovaSchema.SP_FLOAT_MAX || Double.isInfinite(ratio)) {
          out.report(file, node.span(), "allocation_ratio " + shown + " is above Placement's"
              + " maximum 3.40282e+38 and is rejected");
          continue;
        }
        Double capacity = Capacity.of(r);
        if (ratio <= 0 && capacity != null) {
          if (capacity < 0) {
            out.report(file, node.span(), "allocation_ratio " + shown + " makes capacity "
                + Capacity.show(capacity) + ": Placement rejects the inventory");
          } else {
            out.report(file, node.span(), "allocation_ratio " + shown + " makes capacity "
                + Capacity.show(capacity) + ": nothing of " + r.resourceClass() + " can be allocated")
                .severity(Severity.WARNING);
          }
          continue;
        }
        float stored = (float) (double) ratio;
        if ((double) stored != ratio) {
          out.report(file, node.span(), "allocation_ratio " + shown + " is stored by Placement as"
              + " the single-precision " + NumberAsString.pythonRepr(stored))
              .severity(Severity.INFORMATION);
        }
      }
    });
  }
}
