package dev.ptree.rules.comparison;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YScalar;

public final class IntegralFloat extends ProviderRule {
  public IntegralFloat() {
    super(RuleInfo.of("PT310", "integral-float", Category.COMPARISON, Severity.WARNING,
        "a float where an integer is meant",
        new RuleDoc(
            "jsonschema counts 5.0 as an integer, so nova accepts `total: 5.0` and sends the float"
                + " on to Placement.",
            "It works today by a schema detail; the value is a float everywhere it travels.",
            "- CUSTOM_FPGA: {total: 4.0}\n# fixed:\n- CUSTOM_FPGA: {total: 4}",
            "Writing the integer is safe: it is the same number.")).reading(RuleInfo.Input.TREES).withFixes());
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    for (InventoryRecord r : p.records()) {
      for (String field : NovaSchema.INTEGER_FIELDS) {
        if (r.field(field) instanceof YScalar s && s.kind() == ValueKind.FLOAT) {
          Long v = r.integerField(field);
          if (v == null || Math.abs(v) >= 1L << 53) {
            continue;
          }
          out.report(file, s.span(), "{} {} is a float; nova accepts it as the integer {}",
              field, s.text(), v)
              .fix(FixSafety.SAFE, new TextEdit(s.span(), Long.toString(v)), "Write {}", v);
        }
      }
    }
  }
}
