package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryItem;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TraitItem;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.model.schema.InventorySchema;
import dev.ptree.model.schema.Key;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.yaml.NumericText;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;

/** Values of the wrong JSON type where SCHEMA_V1 names one. */
public final class WrongType extends FileRule {
  public WrongType() {
    super(RuleInfo.of("PT102", "wrong-type", Category.SYNTAX, Severity.ERROR,
        "a value of the wrong type where nova's schema names one",
        new RuleDoc(
            "Checks the type of every value SCHEMA_V1 constrains: providers is a list of mappings;"
                + " inventories and traits are mappings whose `additional` is a list; an inventory"
                + " record is a mapping of integers (5 and 5.0 count, true does not) and a number"
                + " allocation_ratio; traits are strings.",
            "jsonschema rejects the file and nova-compute does not start. Some wrong types are"
                + " worse: they pass the schema and later raise (see PT501).",
            "traits:\n  additional: CUSTOM_GOLD    # a string, not a list\n# fixed:\ntraits:\n "
                + " additional: [CUSTOM_GOLD]",
            "Wrapping a single trait in a list is safe: nova then loads exactly that trait.")).withFixes());
  }

  @Override
  public void check(ConfigFile file, Reporter out) {
    YMapping top = file.rootMapping();
    if (top == null) {
      return;
    }
    YNode providers = top.get(ConfigSchema.PROVIDERS.name());
    if (providers != null && providers.kind() != ValueKind.SEQUENCE) {
      out.report(file, providers.span(), "providers must be a list of providers, found {}",
          Nodes.describe(providers));
    }
    for (ProviderEntry p : file.providers()) {
      checkProvider(file, p, out);
    }
  }

  private void checkProvider(ConfigFile file, ProviderEntry p, Reporter out) {
    if (p.mapping() == null) {
      out.report(file, p.item().span(), "a provider must be a mapping with identification,"
          + " inventories and traits, found {}", Nodes.describe(p.item()));
      return;
    }
    YMapping inventories = adjectives(file, p.mapping().get(ConfigSchema.INVENTORIES.name()),
        ConfigSchema.INVENTORIES.name(), out);
    if (inventories != null) {
      YNode additional = inventories.get(ConfigSchema.ADDITIONAL_INVENTORIES.name());
      if (additional != null && !ProviderConfigReader.isPythonList(additional)) {
        out.report(file, additional.span(), "inventories.additional must be a list of one-key"
            + " mappings, found {}", Nodes.describe(additional));
      }
    }
    for (InventoryItem item : p.inventoryItems()) {
      checkInventoryItem(file, item, out);
    }
    YMapping traits = adjectives(file, p.mapping().get(ConfigSchema.TRAITS.name()),
        ConfigSchema.TRAITS.name(), out);
    if (traits != null) {
      YNode additional = traits.get(ConfigSchema.ADDITIONAL_TRAITS.name());
      if (additional != null && !ProviderConfigReader.isPythonList(additional)) {
        var finding = out.report(file, additional.span(), "traits.additional must be a list of"
            + " trait names, found {}", Nodes.describe(additional));
        if (additional instanceof YScalar s && s.isString() && s.explicitTag() == null
            && NovaSchema.isName(s.text())) {
          String text = file.document().text().slice(s.span());
          finding.fix(FixSafety.SAFE, new TextEdit(s.span(), "[" + text + "]"), "Make it a list: [{}]", text);
        }
      }
    }
    for (TraitItem trait : p.traits()) {
      if (trait.name() == null) {
        out.report(file, trait.node().span(), "a trait must be a string, found {}",
            Nodes.describe(trait.node()));
      }
    }
  }

  private YMapping adjectives(ConfigFile file, YNode node, String key, Reporter out) {
    if (node == null) {
      return null;
    }
    YMapping m = ProviderConfigReader.asMapping(node);
    if (m == null) {
      out.report(file, node.span(), "{} must be a mapping with an `additional` list, found {}",
          key, Nodes.describe(node));
    }
    return m;
  }

  private void checkInventoryItem(ConfigFile file, InventoryItem item, Reporter out) {
    YNode node = item.node();
    if (item.tuple()) {
      return; // a tuple is iterated by nova, not validated: PT501
    }
    if (node instanceof YScalar s && s.kind() == ValueKind.STR) {
      if (s.text().isEmpty()) {
        out.report(file, node.span(), "an inventory item must be a mapping of resource class to"
            + " record; nova accepts this empty string and adds nothing").severity(Severity.WARNING);
      } else {
        out.report(file, node.span(), "an inventory item must be a mapping of resource class to"
            + " record, found {}: nova checks it letter by letter and refuses it as \"Invalid"
            + " resource class\"", Nodes.describe(node));
      }
      return;
    }
    if (node.kind() != ValueKind.MAPPING) {
      return; // other shapes make nova raise outright: PT501
    }
    for (InventoryRecord r : item.records()) {
      if (r.resourceClass() == null || !r.effective()) {
        continue; // a non-string key crashes jsonschema (PT501); a shadowed one never reaches it
      }
      YNode value = r.entry().value();
      if (r.record() == null) {
        out.report(file, value.span(), "the inventory record of {} must be a mapping with at least"
            + " total, found {}", r.resourceClass(), Nodes.describe(value));
        continue;
      }
      for (String field : NovaSchema.RECORD_FIELDS) {
        YNode v = r.record().get(field);
        if (v != null) {
          checkField(file, field, v, out);
        }
      }
    }
  }

  private void checkField(ConfigFile file, String field, YNode v, Reporter out) {
    boolean ratio = InventorySchema.RECORD.child(field).type() == Key.Type.NUMBER;
    ValueKind kind = v.kind();
    if (kind == ValueKind.INT) {
      return;
    }
    if (kind == ValueKind.FLOAT) {
      double d = (Double) ((YScalar) v).value();
      if (ratio || (!Double.isInfinite(d) && d == Math.rint(d))) {
        return; // an integral float passes nova's schema: PT310 says so
      }
      out.report(file, v.span(), "{} must be an integer, found {}", field, Nodes.describe(v));
      return;
    }
    if (NumericText.of(v) != null) {
      return; // PT302 reports numbers written as strings, with a fix
    }
    out.report(file, v.span(), "{} must be {}, found {}", field,
        (ratio ? "a number" : "an integer"), Nodes.describe(v));
  }
}
