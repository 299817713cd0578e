package dev.ptree.rules.comparison;

import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.Escaper;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.math.BigDecimal;

public final class NumberAsString extends Rule {
  public NumberAsString() {
    super("PT302", "number-as-string", Category.COMPARISON, Severity.ERROR,
        "a number that YAML reads as a string",
        new RuleDoc(
            "Quoted numbers ('5'), and plain forms YAML 1.1 does not count as numbers — 1e3 (no"
                + " dot, no signed exponent), 1.0e3, 08, 0o10 — are strings. An inventory field"
                + " needs a number.",
            "nova's schema refuses the file: \"'1e3' is not of type 'integer'\".",
            "- CUSTOM_IOPS: {total: 1e3}     # a string\n# fixed:\n- CUSTOM_IOPS: {total: 1000}",
            "Writing the number is safe: nova then reads the value the text spells."));
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
      for (InventoryRecord r : p.records()) {
        if (r.record() == null) {
          continue;
        }
        for (String field : NovaSchema.RECORD_FIELDS) {
          YNode v = r.record().get(field);
          BigDecimal number = numericText(v);
          if (number == null) {
            continue;
          }
          YScalar s = (YScalar) v;
          boolean ratio = field.equals("allocation_ratio");
          String why = s.style().isQuoted() ? "is quoted, so it is a string"
              : "is a string in YAML 1.1" + (s.text().matches("0[0-9_]+") ? " (a leading 0 means octal, and"
                  + " " + s.text() + " has non-octal digits)" : s.text().toLowerCase().contains("e")
                  ? " (a float needs a dot and a signed exponent)" : "");
          var finding = out.report(file, s.span(), field + " " + Escaper.quote(s.text()) + " " + why
              + (file.isTree() ? "; Placement needs " + (ratio ? "a number" : "an integer") + " and refuses the inventory"
              : "; nova needs " + (ratio ? "a number" : "an integer") + " and refuses the file"));
          String fixed = ratio ? pythonRepr(number.doubleValue()) : integral(number);
          if (fixed != null) {
            finding.fix(Fix.edit("Write " + fixed, FixSafety.SAFE, new TextEdit(s.span(), fixed)));
          }
        }
      }
    });
  }

  /** The number a string scalar spells, when it spells one; null otherwise. */
  public static BigDecimal numericText(YNode v) {
    if (!(v instanceof YScalar s) || s.kind() != ValueKind.STR || s.explicitTag() != null
        || (s.style() != ScalarStyle.PLAIN && !s.style().isQuoted())) {
      return null;
    }
    String t = s.text().strip().replace("_", "");
    if (t.isEmpty()) {
      return null;
    }
    try {
      if (t.matches("[-+]?0[oO][0-7]+")) {
        return new BigDecimal(new java.math.BigInteger(t.replaceFirst("0[oO]", ""), 8));
      }
      if (!t.matches("[-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?")) {
        return null;
      }
      return new BigDecimal(t);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  private static String integral(BigDecimal n) {
    try {
      return n.stripTrailingZeros().toBigIntegerExact().toString();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Python's repr() of a float: shortest round-trip digits, always with a dot or exponent. */
  public static String pythonRepr(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0"; // BigDecimal has no negative zero
    }
    BigDecimal shortest = new BigDecimal(Double.toString(d));
    String plain = shortest.stripTrailingZeros().toPlainString();
    if (Math.abs(d) >= 1e16 || (d != 0 && Math.abs(d) < 1e-4)) {
      String e = String.format("%s", Double.toString(d)).replace("E", "e+").replace("e+-", "e-");
      return e;
    }
    return plain.contains(".") ? plain : plain + ".0";
  }
}
