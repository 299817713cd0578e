package dev.ptree.rules.lifecycle;

import dev.ptree.model.ConfigFile;
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

public final class ComputeNodeName extends ProviderRule {
  public ComputeNodeName() {
    super(RuleInfo.of("PT204", "compute-node-name", Category.LIFECYCLE, Severity.INFORMATION,
        "$COMPUTE_NODE written as a name: the sentinel, in an undocumented spelling",
        new RuleDoc(
            "nova's loader keys each entry by `uuid or name` (nova/compute/provider_config.py"
                + " get_provider_configs), and the merge compares that key with \"$COMPUTE_NODE\""
                + " (nova/compute/resource_tracker.py ResourceTracker._get_providers_to_update). So"
                + " `name: $COMPUTE_NODE` is the sentinel exactly as `uuid: $COMPUTE_NODE` is: it applies"
                + " to every compute-node root no other entry names. Only the uuid form is documented.",
            "Readers take the name form for a provider literally named $COMPUTE_NODE; a future nova"
                + " that checks the method as documented would stop applying it.",
            "identification:\n  name: $COMPUTE_NODE     # works, undocumented\n# documented:\n"
                + "identification:\n  uuid: $COMPUTE_NODE",
            "Changing the key to uuid is safe: nova keys the entry the same way.")).withFixes());
  }


  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    var id = p.identification();
    if (id != null && id.method().equals("name") && NovaSchema.COMPUTE_NODE.equals(id.value())) {
      out.report(file, id.entry().keySpan(), "name: $COMPUTE_NODE works as the sentinel (nova keys"
          + " entries by uuid or name), but the documented spelling is uuid: $COMPUTE_NODE")
          .fix(FixSafety.SAFE, new TextEdit(id.entry().keySpan(), "uuid"), "Use uuid: $COMPUTE_NODE");
    }
  }
}
