package dev.ptree.rules.lifecycle;

import dev.ptree.model.ProviderIndex;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class ParentCycle extends WorkspaceRule {
  public ParentCycle() {
    super(RuleInfo.of("PT211", "parent-cycle", Category.LIFECYCLE, Severity.ERROR,
        "parent references that form a cycle",
        new RuleDoc(
            "Following parent references from provider to provider must end at a root. A"
                + " provider that is, through its parents, its own ancestor has no root.",
            "Such a tree cannot be created in Placement: every provider in the cycle needs the"
                + " other to exist first.",
            "- name: a\n  parent: b\n- name: b\n  parent: a",
            "No fix: decide which provider is the parent.")));
  }

  @Override
  public void check(WorkspaceContext workspace, Reporter out) {
    ProviderIndex index = workspace.index();
    Set<ProviderIndex.Located> done = Collections.newSetFromMap(new IdentityHashMap<>());
    TreeStructure.forEachProvider(index, (file, p) -> {
      ProviderIndex.Located start = index.locate(file, p);
      if (done.contains(start) || index.root(file, p) != null) {
        return;
      }
      // Walk up; every provider on the way is settled by this walk, so each is walked once.
      Map<ProviderIndex.Located, Integer> onPath = new IdentityHashMap<>();
      List<ProviderIndex.Located> path = new ArrayList<>();
      ProviderIndex.Located at = start;
      while (at != null && !done.contains(at) && !onPath.containsKey(at)) {
        onPath.put(at, path.size());
        path.add(at);
        at = index.parent(at.file(), at.provider());
      }
      done.addAll(path);
      if (at == null || !onPath.containsKey(at)) {
        return; // a broken chain (PT210) or one leading into a cycle reported already
      }
      List<ProviderIndex.Located> cycle = path.subList(onPath.get(at), path.size());
      ProviderIndex.Located first = cycle.get(0);
      StringBuilder chain = new StringBuilder();
      for (int i = 0; i <= Math.min(cycle.size(), 8); i++) {
        ProviderIndex.Located l = cycle.get(i % cycle.size());
        chain.append(i == 0 ? "" : " -> ").append(l.provider().label());
      }
      if (cycle.size() > 8) {
        chain.append(" -> ...");
      }
      var finding = out.report(first.file(), referenceSpan(first), "parent references form a cycle"
          + " ({}, each arrow to the"
          + " parent); no provider in it has a root", chain);
      for (ProviderIndex.Located l : cycle.subList(1, cycle.size())) {
        finding.related(l.file(), referenceSpan(l), "also in the cycle: {}", TreeStructure.describe(l));
      }
    });
  }

  private static dev.ptree.text.Span referenceSpan(ProviderIndex.Located l) {
    return l.provider().isNested() || l.provider().parent() == null ? l.provider().anchor()
        : l.provider().parent().node().span();
  }
}
