package dev.ptree.rules.lifecycle;

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

public final class ComputeNodeName extends Rule {
  public ComputeNodeName() {
    super("PT204", "compute-node-name", Category.LIFECYCLE, Severity.WARNING,
        "$COMPUTE_NODE used as a name instead of a uuid",
        new RuleDoc(
            "`uuid: $COMPUTE_NODE` applies an entry to every compute-node root provider the host"
                + " manages. `name: $COMPUTE_NODE` is just a name, which no provider has.",
            "The entry silently matches nothing: nova logs that the provider does not exist and"
                + " ignores it.",
            "identification:\n  name: $COMPUTE_NODE     # matches nothing\n# meant:\nidentification:\n  uuid: $COMPUTE_NODE",
            "Changing the key to uuid is unsafe: the entry starts applying to every compute node."));
  }

  @Override
  public Scope scope() {
    return Scope.PROVIDER;
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    context.forEachProvider((file, p) -> {
      var id = p.identification();
      if (id != null && id.method().equals("name") && NovaSchema.COMPUTE_NODE.equals(id.value())) {
        out.report(file, id.entry().keySpan(), "name $COMPUTE_NODE is an ordinary name that no"
            + " provider has; the sentinel works only as uuid: $COMPUTE_NODE")
            .fix(Fix.edit("Use uuid: $COMPUTE_NODE", FixSafety.UNSAFE,
                new TextEdit(id.entry().keySpan(), "uuid")));
      }
    });
  }
}
