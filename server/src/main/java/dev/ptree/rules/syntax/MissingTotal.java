package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.schema.InventorySchema;
import dev.ptree.model.schema.SchemaDocs;
import dev.ptree.rules.Category;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;

public final class MissingTotal extends ProviderRule {
  public MissingTotal() {
    super(RuleInfo.of("PT105", "missing-total", Category.SYNTAX, Severity.ERROR,
        "an inventory record without total",
        new RuleDoc(
            "Every additional inventory record must give `total`; the other fields have Placement"
                + " defaults (" + SchemaDocs.defaults(InventorySchema.RECORD) + ").",
            "nova's schema requires total and refuses the file without it.",
            "- CUSTOM_FPGA:\n    reserved: 1      # no total: refused",
            "No fix: only you know the total.")).reading(RuleInfo.Input.TREES));
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    for (InventoryRecord r : p.records()) {
      if (r.record() != null && r.record().effective(InventorySchema.TOTAL.name()) == null) {
        out.report(file, r.entry().keySpan(), "inventory record {} has no total; {} requires it",
            r.resourceClass(), (file.isTree() ? "Placement" : "nova"));
      }
    }
  }
}
