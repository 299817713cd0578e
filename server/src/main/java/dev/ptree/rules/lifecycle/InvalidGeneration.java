package dev.ptree.rules.lifecycle;

import dev.ptree.model.NovaSchema;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.rules.TreeRule;
import dev.ptree.text.Escaper;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;

public final class InvalidGeneration extends TreeRule {
  public InvalidGeneration() {
    super("PT216", "invalid-generation", Category.LIFECYCLE, Severity.ERROR,
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
            "Writing a quoted number as a number is safe; otherwise there is no fix."));
  }

  @Override
  protected void checkTree(TreeFile tree, Reporter out) {
    for (TreeProvider p : tree.providers()) {
      YNode g = p.generationNode();
      if (g == null || g instanceof YScalar s && s.kind() == ValueKind.NULL) {
        continue;
      }
      if (g instanceof YScalar s && s.kind() == ValueKind.INT) {
        boolean small = s.value() instanceof Long v && v >= 0 && v <= NovaSchema.MAX_INT;
        if (!small) {
          out.report(tree, s.span(), "generation " + s.value() + " of " + Escaper.quote(p.label())
              + " is outside 0.." + NovaSchema.MAX_INT);
        }
        continue;
      }
      var finding = out.report(tree, g.span(), "generation of " + Escaper.quote(p.label())
          + " must be an integer, not " + dev.ptree.model.TreeReader.describe(g)
          + (g instanceof YScalar s ? " (" + Escaper.quote(s.text()) + ")" : ""));
      if (g instanceof YScalar s && s.isString() && s.text().matches("[0-9]{1,9}")) {
        finding.fix(Fix.edit("Write " + Long.parseLong(s.text()), FixSafety.SAFE,
            new TextEdit(s.span(), Long.toString(Long.parseLong(s.text())))));
      }
    }
  }
}
