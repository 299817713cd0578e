package dev.ptree.rules.comparison;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TraitItem;
import dev.ptree.rules.Category;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import java.util.HashMap;
import java.util.Map;

public final class DuplicateName extends ProviderRule {
  public DuplicateName() {
    super(RuleInfo.of("PT308", "duplicate-name", Category.COMPARISON, Severity.WARNING,
        "a resource class or trait given twice for one provider",
        new RuleDoc(
            "A resource class in two items of inventories.additional: nova merges the items in"
                + " order and the last record wins. A trait listed twice: nova makes a set of"
                + " them. (The same key twice in one item is PT307.)",
            "The first record is silently discarded.",
            "additional:\n  - CUSTOM_FPGA: {total: 4}\n  - CUSTOM_FPGA: {total: 8}     # nova uses 8",
            "No fix.")).reading(RuleInfo.Input.TREES));
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    if (p.records().size() < 2 && p.traits().size() < 2) {
      return; // nothing can repeat; most providers end here without allocating
    }
    Map<String, InventoryRecord> classes = new HashMap<>();
    for (var item : p.inventoryItems()) {
      for (InventoryRecord r : item.records()) {
        if (r.resourceClass() == null || !r.effective()) {
          continue;
        }
        InventoryRecord first = classes.get(r.resourceClass());
        if (first != null && first != r) {
          out.report(file, first.entry().keySpan(), "resource class {} is given again in a later"
              + " item; nova's merge keeps only the last record", r.resourceClass())
              .related(file, r.entry().keySpan(), "the record that wins");
        }
        classes.put(r.resourceClass(), r);
      }
    }
    Map<String, TraitItem> traits = new HashMap<>();
    for (TraitItem t : p.traits()) {
      if (t.name() == null) {
        continue;
      }
      TraitItem first = traits.putIfAbsent(t.name(), t);
      if (first != null) {
        out.report(file, t.node().span(), "trait {} is listed twice", t.name())
            .related(file, first.node().span(), "first listed here");
      }
    }
  }
}
