package dev.ptree.rules.lifecycle;

import dev.ptree.model.ProviderIndex;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;
import dev.ptree.text.Escaper;

public final class NameIsUuid extends WorkspaceRule {
  public NameIsUuid() {
    super("PT214", "name-is-uuid", Category.LIFECYCLE, Severity.WARNING,
        "a provider named with another provider's uuid",
        new RuleDoc(
            "nova looks providers up by one string that may be a name or a uuid, roots by uuid"
                + " first. A provider whose name is another provider's uuid makes that string"
                + " ambiguous.",
            "A provider config or parent reference with that string reaches the other provider.",
            "- name: cn1\n  uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10\n"
                + "- name: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10",
            "No fix: rename the provider."));
  }

  @Override
  public void checkWorkspace(WorkspaceContext workspace, Reporter out) {
    ProviderIndex index = workspace.index();
    TreeStructure.forEachProvider(index, (file, p) -> {
      if (p.name() == null) {
        return;
      }
      for (ProviderIndex.Located other : index.withUuid(p.name())) {
        if (other.provider() != p) {
          out.report(file, p.nameNode().span(), "name " + Escaper.quote(p.name()) + " is the uuid of "
              + TreeStructure.describe(other) + "; a lookup by this string finds that provider")
              .related(other.file(), other.provider().uuidNode().span(), "the provider with this uuid");
          return;
        }
      }
    });
  }
}
