package dev.ptree.rules.exceptions;

import dev.ptree.model.NovaMerge;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;

/**
 * PT503, PT504 and PT505: what nova's merge of a config set into a bound tree raises or skips
 * (see {@link NovaMerge}).
 */
public final class MergeConflicts extends WorkspaceRule {
  private final Class<? extends NovaMerge.Event> kind;

  private MergeConflicts(Class<? extends NovaMerge.Event> kind, String code, String name, Severity severity,
      String summary, RuleDoc doc) {
    super(RuleInfo.of(code, name, Category.EXCEPTION_HANDLING, severity, summary, doc)
        .reading(RuleInfo.Input.BINDINGS));
    this.kind = kind;
  }

  public static MergeConflicts ownedInventory() {
    return new MergeConflicts(NovaMerge.OwnedInventory.class, "PT503", "driver-owned-inventory",
        Severity.ERROR,
        "an additional inventory the tree's provider already has",
        new RuleDoc(
            "nova merges inventories.additional into the matched provider only for resource"
                + " classes it does not already have: the tree's own inventory belongs to the virt"
                + " driver. (nova makes the same check for traits, but it can never fire: config"
                + " traits are CUSTOM_ ones, and custom traits the provider has are exempt.)",
            "nova raises ValueError (\"attempts to define an inventory that is owned by the virt"
                + " driver\", nova/compute/resource_tracker.py ResourceTracker._merge_provider_configs),"
                + " and the resource tracker's update fails every period.",
            "# tree: cn1 has inventory {VCPU: {total: 32}, CUSTOM_FPGA: {total: 2}}\n"
                + "- identification: {name: cn1}\n  inventories:\n    additional:\n"
                + "      - CUSTOM_FPGA: {total: 4}",
            "No fix: remove the record from one side."));
  }

  public static MergeConflicts matchedTwice() {
    return new MergeConflicts(NovaMerge.MatchedTwice.class, "PT504", "matched-twice", Severity.ERROR,
        "one tree provider matched by two provider config entries",
        new RuleDoc(
            "Each provider may be updated by one config entry only. One entry by name and"
                + " another by uuid can reach the same provider, and so can two names when one"
                + " provider's name is another's uuid. ($COMPUTE_NODE skips the roots other"
                + " entries name, so it never conflicts.)",
            "nova raises ValueError (\"The same provider is specified using both name ... and"
                + " uuid\", nova/compute/resource_tracker.py ResourceTracker._merge_provider_configs),"
                + " and the resource tracker's update fails every period. No-op entries take no part:"
                + " the loader drops them first.",
            "- identification: {name: cn1}\n- identification: {uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10}"
                + "     # cn1's uuid",
            "No fix: merge the two entries into one."));
  }

  public static MergeConflicts computeNodeNoRoot() {
    return new MergeConflicts(NovaMerge.NoComputeNodeRoot.class, "PT505", "compute-node-no-root",
        Severity.WARNING,
        "$COMPUTE_NODE that applies to no root of the bound tree",
        new RuleDoc(
            "uuid: $COMPUTE_NODE (or name: $COMPUTE_NODE, which nova keys the same way) applies to"
                + " every root provider that has the COMPUTE_NODE trait, except the roots other entries"
                + " name explicitly (nova/compute/resource_tracker.py"
                + " ResourceTracker._get_providers_to_update).",
            "With no such root, or all of them named, the entry silently applies to nothing.",
            "# tree: cn1 has traits [HW_CPU_X86_AVX2] but not COMPUTE_NODE\n"
                + "- identification: {uuid: $COMPUTE_NODE}",
            "No fix: add the COMPUTE_NODE trait to the root, or name the provider."));
  }

  @Override
  public void check(WorkspaceContext workspace, Reporter out) {
    for (WorkspaceContext.Bound b : workspace.bindings()) {
      if (b.merge() == null) {
        continue;
      }
      String tree = b.tree().path();
      for (NovaMerge.Event e : b.merge().events()) {
        if (!kind.isInstance(e)) {
          continue;
        }
        var entry = e.entry();
        var id = entry.provider().identification();
        if (e instanceof NovaMerge.OwnedInventory o) {
          out.report(entry.file(), o.added().entry().keySpan(), "provider {q} of {q} already has"
              + " {}: nova raises ValueError (an inventory owned by the virt driver)",
              o.provider().label(), tree, o.added().resourceClass())
              .related(o.ownedFrom() == null ? b.tree().path() : o.ownedFrom().file().path(),
                  o.owned().entry().keySpan(),
                      o.ownedFrom() == null ? "the tree's own {}" : "added earlier by"
                      + " this entry: {}",
                  o.added().resourceClass());
        } else if (e instanceof NovaMerge.MatchedTwice m) {
          out.report(entry.file(), id.valueNode().span(), "{} {q} reaches provider {q} of {q},"
              + " which the entry for {q} already updates: nova raises ValueError",
              id.method(), id.value(), m.provider().label(), tree, m.first().key())
              .related(m.first().file(), m.first().provider().identification().valueNode().span(),
                  "the first entry")
              .related(b.tree(), m.provider().anchor(), "the provider both reach");
        } else if (e instanceof NovaMerge.NoComputeNodeRoot n) {
          var finding = out.report(entry.file(), id.valueNode().span(), n.named().isEmpty()
              ? "no root provider of {q} has the COMPUTE_NODE trait, so $COMPUTE_NODE applies to nothing"
              : "every compute-node root of {q} is named by its own entry, so $COMPUTE_NODE"
                  + " applies to nothing",
              tree);
          for (TreeProvider root : n.named()) {
            finding.related(b.tree(), root.anchor(), "named explicitly: {}", root.label());
          }
          if (n.named().isEmpty()) {
            finding.related(b.tree(), b.binding().node().span(), "the tree binds this config directory here");
          }
        }
      }
    }
  }
}
