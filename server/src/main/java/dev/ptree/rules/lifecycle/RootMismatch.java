package dev.ptree.rules.lifecycle;

import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;

public final class RootMismatch extends WorkspaceRule {
  public RootMismatch() {
    super(RuleInfo.of("PT215", "root-mismatch", Category.LIFECYCLE, Severity.ERROR,
        "a parent or root reference that contradicts the tree's shape",
        new RuleDoc(
            "A nested provider's parent is the provider whose children list holds it; a parent"
                + " or parent_provider_uuid written on it must name that same provider."
                + " root_provider_uuid must be the uuid of the root reached by following the"
                + " parents (for a root, its own uuid).",
            "Placement derives the root from the parent: `POST /resource_providers` takes no"
                + " root_provider_uuid at all (400, additional property, in"
                + " placement/handlers/resource_provider.py `create_resource_provider`; measured"
                + " against python3-placement 8.0 run in-process), so a stated root is only what a"
                + " listing reports, and one that differs means the file says two different things"
                + " about the tree.",
            "- name: cn1\n  uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10\n  children:\n"
                + "    - name: numa0\n      parent: cn2     # nested under cn1",
            "No fix: remove the reference or move the provider.")));
  }

  @Override
  public void check(WorkspaceContext workspace, Reporter out) {
    ProviderIndex index = workspace.index();
    TreeStructure.forEachProvider(index, (file, p) -> {
      if (p.isNested() && p.parent() != null) {
        ProviderIndex.Located named = index.resolve(file, p.parent());
        ProviderIndex.Located nestedIn = index.parent(file, p);
        if (named != null && named.provider() != nestedIn.provider()) {
          out.report(file, p.parent().node().span(), "{q} is nested under {}, but its {} names {}",
              p.label(), TreeStructure.describe(nestedIn), p.parent().field(), TreeStructure.describe(named))
              .related(nestedIn.file(), nestedIn.provider().anchor(), "the provider it is nested under")
              .related(named.file(), named.provider().anchor(), "the provider its reference names");
        }
      }
      TreeProvider.Reference root = p.root();
      if (root == null) {
        return;
      }
      ProviderIndex.Located actual = index.root(file, p);
      if (actual == null) {
        return; // no root: a broken chain or a cycle, reported by PT210 / PT211
      }
      if (!root.value().equals(actual.provider().uuid())) {
        var finding = out.report(file, root.node().span(), "root_provider_uuid {q} of {q}{}{}",
            root.value(), p.label(), (actual.provider() == p ? ", but it is a root itself"
            : ", but its root is " + TreeStructure.describe(actual)),
                (actual.provider().uuid() == null ? " (which has no uuid)" : " with uuid " + actual.provider().uuid()));
        if (actual.provider() != p) {
          finding.related(actual.file(), actual.provider().anchor(), "the root reached through the parents");
        }
      }
    });
  }
}
