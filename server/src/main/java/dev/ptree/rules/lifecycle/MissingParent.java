package dev.ptree.rules.lifecycle;

import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;

public final class MissingParent extends WorkspaceRule {
  public MissingParent() {
    super(RuleInfo.of("PT210", "missing-parent", Category.LIFECYCLE, Severity.ERROR,
        "a parent reference that names no provider in the workspace",
        new RuleDoc(
            "parent names a provider by name or uuid, parent_provider_uuid and"
                + " root_provider_uuid by uuid; the provider must exist in some tree file of the"
                + " workspace.",
            "Placement refuses to create a provider under a parent it does not know (400, from"
                + " placement/handlers/resource_provider.py `create_resource_provider`, measured"
                + " against python3-placement 8.0 run in-process), and nova's ProviderTree raises"
                + " ValueError adding a child to a missing parent (nova/compute/provider_tree.py"
                + " ProviderTree.new_child: \"No such provider\").",
            "- name: shared-disk\n  parent: cn9     # no provider is called cn9",
            "No fix: name an existing provider, or nest the provider under its parent.")));
  }

  @Override
  public void check(WorkspaceContext workspace, Reporter out) {
    var index = workspace.index();
    TreeStructure.forEachProvider(index, (file, p) -> {
      for (TreeProvider.Reference ref : new TreeProvider.Reference[] {p.parent(), p.root()}) {
        if (ref != null && index.resolve(file, ref) == null) {
          out.report(file, ref.node().span(), "{} {q} of {q} names no provider in the workspace{}",
              ref.field(), ref.value(), p.label(),
                  (ref.byUuid() ? " (it is matched against uuids only)" : ""));
        }
      }
    });
  }
}
