package dev.ptree.rules.lifecycle;

import dev.ptree.model.NovaMerge;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;

public final class NotInTree extends WorkspaceRule {
  public NotInTree() {
    super(RuleInfo.of("PT203", "not-in-tree", Category.LIFECYCLE, Severity.WARNING,
        "a provider config entry that matches no provider of the tree it is bound to",
        new RuleDoc(
            "A tree file's provider_configs binds a config directory to it. nova looks each"
                + " entry's uuid or name up in the provider tree (roots by uuid, roots by name,"
                + " then depth first); an entry that matches nothing is logged once and ignored."
                + " Also reported: a provider_configs directory with no provider config in the"
                + " check.",
            "The inventories and traits of the entry silently never reach Placement.",
            "identification:\n  name: cn1_numa9     # the tree has cn1_numa0 and cn1_numa1",
            "No fix: correct the name or uuid.")).reading(RuleInfo.Input.BINDINGS));
  }

  @Override
  public void check(WorkspaceContext workspace, Reporter out) {
    for (WorkspaceContext.Bound b : workspace.bindings()) {
      if (b.set() == null) {
        out.report(b.tree(), b.binding().node().span(), "provider_configs names {q}, but no"
            + " provider config there is part of this check", b.binding().directory());
        continue;
      }
      for (NovaMerge.Event e : b.merge().events()) {
        if (e instanceof NovaMerge.NotFound nf) {
          var id = nf.entry().provider().identification();
          out.report(nf.entry().file(), id.valueNode().span(), "{} {q} matches no provider of the"
              + " tree {q}; nova logs a warning and ignores this entry",
              id.method(), id.value(), b.tree().path())
              .related(b.tree(), b.binding().node().span(), "the tree binds this config directory here");
        }
      }
    }
  }
}
