package dev.ptree.rules.lifecycle;

import dev.ptree.model.TreeReader;
import dev.ptree.text.Message;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.rules.TreeRule;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;

public final class InvalidGeneration extends TreeRule {
  public InvalidGeneration() {
    super(RuleInfo.of("PT216", "invalid-generation", Category.LIFECYCLE, Severity.ERROR,
        "a provider generation that is not an integer from 0 to 2147483647",
        new RuleDoc(
            "Placement counts a provider's generation up from 0 on every change and compares it"
                + " on each write (optimistic concurrency); it is a 32-bit integer column.",
            "A write carrying it is refused: Placement answers 400 for a non-integer (the"
                + " `resource_provider_generation` schema checked by placement/handlers/inventory.py"
                + " `set_inventories` and trait.py `update_traits_for_resource_provider`) and 409 for a"
                + " generation that does not match (measured against python3-placement 8.0 run"
                + " in-process).",
            "- name: cn1\n  generation: -1",
            "Writing a quoted number as a number is safe; otherwise there is no fix.")).withFixes());
  }

  @Override
  public void check(TreeFile tree, Reporter out) {
    for (TreeProvider p : tree.providers()) {
      YNode g = p.generationNode();
      if (g == null || g instanceof YScalar s && s.kind() == ValueKind.NULL) {
        continue;
      }
      if (g instanceof YScalar s && s.kind() == ValueKind.INT) {
        boolean small = s.value() instanceof Long v && v >= 0 && v <= NovaSchema.MAX_INT;
        if (!small) {
          out.report(tree, s.span(), "generation {} of {q} is outside 0..{}",
              s.value(), p.label(), NovaSchema.MAX_INT);
        }
        continue;
      }
      String written = g instanceof YScalar s ? Message.format(" ({q})", s.text()) : "";
      var finding = out.report(tree, g.span(), "generation of {q} must be an integer, not {}{}", p.label(),
          TreeReader.describe(g), written);
      if (g instanceof YScalar s && s.isString() && s.text().matches("[0-9]{1,9}")) {
        finding.fix(FixSafety.SAFE, new TextEdit(s.span(), Long.toString(Long.parseLong(s.text()))),
            "Write {}", Long.parseLong(s.text()));
      }
    }
  }
}
