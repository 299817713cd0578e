package dev.ptree.rules.comparison;

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
import dev.ptree.yaml.YScalar;

public final class IntegerRange extends ProviderRule {
  public IntegerRange() {
    super(RuleInfo.of("PT305", "integer-range", Category.COMPARISON, Severity.ERROR,
        "an inventory integer outside Placement's range",
        new RuleDoc(
            "Placement stores inventory fields as 32-bit integers: its inventory schema"
                + " (placement/schemas/inventory.py, applied by placement/handlers/inventory.py"
                + " `_extract_inventories` on `PUT /resource_providers/{uuid}/inventories`) requires"
                + " total, min_unit, max_unit and step_size in 1..2147483647 and reserved in"
                + " 0..2147483647, and answers 400 otherwise (measured against python3-placement 8.0"
                + " run in-process). nova's own schema checks only that they are integers. An entry"
                + " whose identification no provider Placement holds can match is never sent: there"
                + " the finding is a warning that says so.",
            "nova loads the file, then Placement rejects the inventory with a 400 on every"
                + " periodic update.",
            "- CUSTOM_DISK_BYTES: {total: 4398046511104}     # above 2147483647",
            "No fix: choose a larger unit (GiB instead of bytes).")).reading(RuleInfo.Input.TREES));
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    for (InventoryRecord r : p.mergedRecords()) {
      for (String field : NovaSchema.INTEGER_FIELDS) {
        Long v = r.integerField(field);
        if (v == null) {
          continue;
        }
        long min = field.equals("reserved") ? 0 : 1;
        if (v < min || v > NovaSchema.MAX_INT) {
          YNode node = r.field(field);
          String shown = node instanceof YScalar s && s.value() instanceof Double d
              ? PythonRepr.of(d) : node instanceof YScalar s2 && s2.value() != null
              ? s2.value().toString() : String.valueOf(v);
          Reach.report(out, file, p, node.span(), "{} {} is outside Placement's range {}..{}{}",
              field, shown, min, NovaSchema.MAX_INT, (file.isTree() ? ": Placement rejects the inventory"
              : ": nova loads it, then Placement's inventory schema rejects it (400)"));
        }
      }
    }
  }
}
