package dev.ptree.rules.lifecycle;

import dev.ptree.model.ProviderIndex;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.WorkspaceRule;
import dev.ptree.text.Span;
import java.util.List;
import java.util.Map;

/** PT212 and PT213: a uuid or a name that two tree providers share. */
public final class DuplicateIdentity extends WorkspaceRule {
  private final boolean uuids;

  private DuplicateIdentity(boolean uuids, String code, String name, String summary, RuleDoc doc) {
    super(RuleInfo.of(code, name, Category.LIFECYCLE, Severity.ERROR, summary, doc));
    this.uuids = uuids;
  }

  public static DuplicateIdentity uuids() {
    return new DuplicateIdentity(true, "PT212", "duplicate-uuid", "two tree providers with one uuid",
        new RuleDoc(
            "A uuid identifies one resource provider in Placement, across every tree.",
            "Placement refuses the second provider (409 Conflict, from"
                + " placement/handlers/resource_provider.py `create_resource_provider`, measured"
                + " against python3-placement 8.0 run in-process), and references and provider"
                + " configs that use the uuid reach only one of them.",
            "- name: cn1\n  uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10\n- name: cn2\n"
                + "  uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10",
            "No fix: give each provider its own uuid."));
  }

  public static DuplicateIdentity names() {
    return new DuplicateIdentity(false, "PT213", "duplicate-provider-name", "two tree providers"
        + " with one name",
        new RuleDoc(
            "Placement keeps provider names unique, and nova finds providers by name: a provider"
                + " config that names one of them applies to whichever nova finds first.",
            "Placement refuses the second provider (409 Conflict, \"Conflicting resource provider"
                + " name\", from placement/handlers/resource_provider.py `create_resource_provider`,"
                + " measured against python3-placement 8.0 run in-process).",
            "- name: cn1_numa0\n- name: cn1_numa0",
            "No fix: rename one of them."));
  }

  @Override
  public void check(WorkspaceContext workspace, Reporter out) {
    ProviderIndex index = workspace.index();
    Map<String, List<ProviderIndex.Located>> groups = uuids ? index.uuids() : index.names();
    groups.forEach((key, located) -> {
      if (located.size() < 2) {
        return;
      }
      ProviderIndex.Located first = located.get(0);
      for (ProviderIndex.Located l : located.subList(1, located.size())) {
        out.report(l.file(), span(l), "{} {q} is already used by {}", uuids ? "uuid" : "name", key,
            uuids ? TreeStructure.describe(first) : "another provider")
            .related(first.file(), span(first), "first used here");
      }
    });
  }

  private Span span(ProviderIndex.Located l) {
    return uuids ? l.provider().uuidNode().span() : l.provider().nameNode().span();
  }
}
