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
import dev.ptree.text.PythonRepr;
import dev.ptree.yaml.NumericText;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.math.BigDecimal;

public final class NumberAsString extends ProviderRule {
  public NumberAsString() {
    super(RuleInfo.of("PT302", "number-as-string", Category.COMPARISON, Severity.ERROR,
        "a number that YAML reads as a string",
        new RuleDoc(
            "Quoted numbers ('5'), and plain forms YAML 1.1 does not count as numbers — 1e3 (no"
                + " dot, no signed exponent), 1.0e3, 08, 0o10 — are strings. An inventory field"
                + " needs a number.",
            "nova's schema refuses the file: \"'1e3' is not of type 'integer'\".",
            "- CUSTOM_IOPS: {total: 1e3}     # a string\n# fixed:\n- CUSTOM_IOPS: {total: 1000}",
            "Writing the number is safe: nova then reads the value the text spells.")).reading(RuleInfo.Input.TREES).withFixes());
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    for (InventoryRecord r : p.records()) {
      if (r.record() == null) {
        continue;
      }
      for (String field : NovaSchema.RECORD_FIELDS) {
        YNode v = r.record().get(field);
        BigDecimal number = NumericText.of(v);
        if (number == null) {
          continue;
        }
        YScalar s = (YScalar) v;
        boolean ratio = field.equals("allocation_ratio");
        String why = s.style().isQuoted() ? "is quoted, so it is a string"
            : "is a string in YAML 1.1" + (s.text().matches("0[0-9_]+") ? " (a leading 0 means octal, and"
                + " " + s.text() + " has non-octal digits)" : s.text().toLowerCase().contains("e")
                ? " (a float needs a dot and a signed exponent)" : "");
        var finding = out.report(file, s.span(), "{} {q} {}{}", field, s.text(), why,
            (file.isTree() ? "; Placement needs " + (ratio ? "a number" : "an integer") + " and refuses the inventory"
            : "; nova needs " + (ratio ? "a number" : "an integer") + " and refuses the file"));
        String fixed = ratio ? PythonRepr.of(number.doubleValue()) : integral(number);
        if (fixed != null) {
          finding.fix(FixSafety.SAFE, new TextEdit(s.span(), fixed), "Write {}", fixed);
        }
      }
    }
  }



  private static String integral(BigDecimal n) {
    try {
      return n.stripTrailingZeros().toBigIntegerExact().toString();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
