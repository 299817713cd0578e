package dev.ptree.rules.comparison;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.PythonRepr;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

public final class Yaml11Number extends FileRule {
  public Yaml11Number() {
    super(RuleInfo.of("PT301", "yaml11-number", Category.COMPARISON, Severity.WARNING,
        "a number in a YAML 1.1 form that reads differently than it looks",
        new RuleDoc(
            "PyYAML reads YAML 1.1: 010 is octal 8, 0x1F is 31, 0b101 is 5, 1_000 is 1000 and"
                + " 1:30 is sexagesimal 90. Reports every number written in such a form.",
            "The value nova uses differs from the one a reader sees: `total: 010` reports 8.",
            "- CUSTOM_DISK: {total: 010}     # 8, not 10\n# fixed:\n- CUSTOM_DISK: {total: 8}",
            "Writing the decimal is safe: nova reads the very same number.")).reading(RuleInfo.Input.TREES).withFixes());
  }


  @Override
  public void check(ConfigFile file, Reporter out) {
    Set<YNode> numericFields = null;
    for (YNode node : file.nodes()) {
      if (!(node instanceof YScalar s) || s.style() != ScalarStyle.PLAIN || s.explicitTag() != null) {
        continue;
      }
      String reading = surprise(s);
      if (reading == null) {
        continue;
      }
      var finding = out.report(file, s.span(), "YAML 1.1 reads {} as {}", s.text(), reading);
      if (numericFields == null) {
        numericFields = recordValues(file);
      }
      if (numericFields.contains(s)) {
        finding.fix(FixSafety.SAFE, new TextEdit(s.span(), decimal(s)), "Write {}", decimal(s));
      }
    }
  }

  private static Set<YNode> recordValues(ConfigFile file) {
    Set<YNode> values = Collections.newSetFromMap(new IdentityHashMap<>());
    for (var p : file.providers()) {
      for (InventoryRecord r : p.records()) {
        if (r.record() != null) {
          r.record().entries().forEach(e -> values.add(e.value()));
        }
      }
    }
    return values;
  }

  /** How the value reads, when its form hides it; null for ordinary decimals. */
  static String surprise(YScalar s) {
    String t = s.text();
    if (s.kind() != ValueKind.INT && s.kind() != ValueKind.FLOAT) {
      return null;
    }
    if (ordinary(t)) {
      return null;
    }
    if (s.kind() == ValueKind.INT) {
      String body = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
      String value = s.value().toString();
      if (body.startsWith("0b")) {
        return value + " (binary)";
      } else if (body.startsWith("0x")) {
        return value + " (hexadecimal)";
      } else if (body.length() > 1 && body.startsWith("0") && !body.replace("_", "").equals("0")) {
        return value + " (octal)";
      } else if (body.contains(":")) {
        return value + " (base 60)";
      } else if (body.contains("_")) {
        return value + " (underscores are dropped)";
      } else if (t.startsWith("+")) {
        return value;
      }
      return null;
    }
    if (s.kind() == ValueKind.FLOAT) {
      if (t.contains(":")) {
        return decimal(s) + " (base 60)";
      } else if (t.contains("_")) {
        return decimal(s) + " (underscores are dropped)";
      }
    }
    return null;
  }

  /** Digits (no leading zero), at most one dot, an optional leading minus: nothing to explain. */
  private static boolean ordinary(String t) {
    int i = t.startsWith("-") ? 1 : 0;
    if (i >= t.length() || (t.charAt(i) == '0' && i + 1 < t.length() && t.charAt(i + 1) != '.')) {
      return false;
    }
    for (; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-'
          && c != 'i' && c != 'n' && c != 'f' && c != 'a' && c != 'I' && c != 'N' && c != 'F' && c != 'A') {
        return false;
      }
    }
    return true;
  }

  static String decimal(YScalar s) {
    if (s.kind() == ValueKind.INT) {
      return s.value().toString();
    }
    return PythonRepr.of((Double) s.value());
  }
}
