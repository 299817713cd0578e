package dev.ptree.rules.exceptions;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.NameRule;
import dev.ptree.rules.Reach;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.text.Span;

public final class PlacementRejects extends NameRule {
  public PlacementRejects() {
    super(RuleInfo.of("PT502", "placement-rejects", Category.EXCEPTION_HANDLING, Severity.ERROR,
        "a name nova accepts and Placement rejects",
        new RuleDoc(
            "nova only checks a custom name against ^[A-Z0-9_]{1,255}$ and the CUSTOM_ prefix;"
                + " Placement requires ^CUSTOM_[A-Z0-9_]+$, so `CUSTOM_` alone is refused by"
                + " `PUT /traits/{name}` (placement/handlers/trait.py `put_trait`: the CUSTOM_TRAIT"
                + " schema) and `PUT /resource_classes/{name}` (placement/handlers/resource_class.py"
                + " `update_resource_class`: PUT_RC_SCHEMA_V1_2), and a trait longer than 255"
                + " characters by the same trait schema. A name ending in a newline passes nova's"
                + " pattern (Python's `$` matches before a final newline), and Placement's route"
                + " `^/traits/(?P<name>[^/]+?)$` (placement/handler.py) drops the newline: the"
                + " `PUT` creates the name without it (201), then"
                + " `PUT /resource_providers/{uuid}/traits` answers 400 \"No such trait\""
                + " (placement/handlers/trait.py `update_traits_for_resource_provider`) and"
                + " `PUT /resource_providers/{uuid}/inventories` answers 400 \"No such resource"
                + " class\" (placement/handlers/inventory.py `set_inventories`), because the name"
                + " sent in the body keeps its newline. All of this was measured against a real"
                + " python3-placement 8.0 run in-process. An entry whose identification no"
                + " provider Placement holds can match is never sent: there the finding is a"
                + " warning that says so.",
            "nova starts, then every periodic update of that provider fails with a 400 from"
                + " Placement.",
            "traits:\n  additional: [CUSTOM_]",
            "No fix: complete the name, or remove the newline.")).reading(RuleInfo.Input.TREES));
  }


  @Override
  protected void checkName(ConfigFile file, NameUse use, Reporter out) {
    checkName(file, null, use, out);
  }

  @Override
  protected void checkName(ConfigFile file, ProviderEntry entry, NameUse use, Reporter out) {
    String name = use.name();
    String what = use.kind().singular();
    Span span = use.span();
    boolean resourceClass = use.kind() == NameUse.Kind.RESOURCE_CLASS;
    if (!NovaSchema.isName(name) || !name.startsWith(NovaSchema.CUSTOM_PREFIX)) {
      return; // nova itself refuses it: PT107 / PT108
    }
    String route = resourceClass ? "resource_classes" : "traits";
    String template;
    Object[] args;
    if (!resourceClass && name.codePointCount(0, name.length()) > 255) {
      // only a final newline takes a name nova accepts past 255 characters
      template = "{} {q} is {} characters long with its final newline: nova accepts it, Placement's"
          + " route drops the newline so PUT /traits/{name} creates the 255-character name, then"
          + " PUT /resource_providers/{uuid}/traits answers 400 (trait names are at most 255"
          + " characters) on every update";
      args = new Object[] {what, name, name.codePointCount(0, name.length())};
    } else if (!NovaSchema.isPlacementCustom(name)) {
      template = "{} {q} passes nova, but Placement requires ^CUSTOM_[A-Z0-9_]+$ and rejects it"
          + " (400 on PUT /{}/{name})";
      args = new Object[] {what, name, route};
    } else if (name.endsWith("\n")) {
      template = "{} {q} ends in a newline: nova accepts it, and Placement's route drops the"
          + " newline, so PUT /{}/{name} creates {q}; then " + (resourceClass
              ? "PUT /resource_providers/{uuid}/inventories answers 400 \"No such resource class\""
              : "PUT /resource_providers/{uuid}/traits answers 400 \"No such trait\"")
          + " for the name with the newline, on every update";
      args = new Object[] {what, name, route, name.substring(0, name.length() - 1)};
    } else {
      return;
    }
    if (entry == null) {
      out.report(file, span, template, args);
    } else {
      Reach.report(out, file, entry, span, template, args);
    }
  }
}
