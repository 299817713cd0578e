package dev.ptree.rules.lifecycle;

import dev.ptree.text.Message;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;

public final class NameIsUuid extends WorkspaceRule {
  public NameIsUuid() {
    super(RuleInfo.of("PT214", "name-is-uuid", Category.LIFECYCLE, Severity.WARNING,
        "a provider named with another provider's uuid",
        new RuleDoc(
            "nova looks providers up by one string that may be a name or a uuid"
                + " (nova/compute/provider_tree.py ProviderTree._find_with_lock): roots by uuid, then"
                + " roots by name, then a depth-first walk. A provider whose name is another provider's"
                + " uuid makes that string ambiguous. nova's merge finds a provider, then writes the"
                + " entry's additions by the found provider's uuid (ResourceTracker._merge_provider_configs"
                + " calls add_traits and update_inventory with provider.uuid), so a root named with a"
                + " child's uuid receives what the config entries add to that child.",
            "A provider config entry or parent reference with that string reaches the other provider,"
                + " and the additions meant for a child land on the root named with its uuid, whose"
                + " inventory nova replaces with the child's.",
            "- name: cn1\n  uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10\n"
                + "- name: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10",
            "No fix: rename the provider.")));
  }

  @Override
  public void check(WorkspaceContext workspace, Reporter out) {
    ProviderIndex index = workspace.index();
    TreeStructure.forEachProvider(index, (file, p) -> {
      if (p.name() == null) {
        return;
      }
      for (ProviderIndex.Located other : index.withUuid(p.name())) {
        if (other.provider() != p) {
          boolean sameTree = other.file() == file;
          boolean rootWins = sameTree && isRoot(index, file, p) && !isRoot(index, file, other.provider());
          String consequence = rootWins
              ? Message.format("; nova checks root names before it walks to children, so a lookup by this"
                  + " string finds this root, and nova writes what provider configs add to {q} here (it"
                  + " writes by uuid)", other.provider().label())
              : "; a lookup by this string finds that provider";
          out.report(file, p.nameNode().span(), "name {q} is the uuid of {}{}", p.name(),
              TreeStructure.describe(other), consequence)
              .related(other.file(), other.provider().uuidNode().span(), "the provider with this uuid");
          return;
        }
      }
    });
  }

  private static boolean isRoot(ProviderIndex index, TreeFile file, TreeProvider p) {
    ProviderIndex.Located up = index.parent(file, p);
    return up == null || up.file() != file;
  }
}
