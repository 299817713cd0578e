package dev.ptree.rules.syntax;

import dev.ptree.text.Message;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.model.schema.InventorySchema;
import dev.ptree.model.schema.Key;
import dev.ptree.model.schema.SchemaDocs;
import dev.ptree.model.schema.TreeFileSchema;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.TreeReader;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.rules.TreeRule;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YScalar;
import java.util.List;

public final class TreeSchema extends TreeRule {
  public TreeSchema() {
    super(RuleInfo.of("PT110", "tree-schema", Category.SYNTAX, Severity.ERROR,
        "a provider tree file out of the tree format",
        new RuleDoc(
            "A provider tree file is a mapping with provider_tree (the format version, '1.x'),"
                + " providers (a list) and optionally provider_configs. Each provider has a name"
                + " (1 to 200 characters) and optionally uuid, generation, traits, aggregates,"
                + " inventory (resource class to record), children, parent,"
                + " parent_provider_uuid and root_provider_uuid. An inventory record holds only"
                + " Placement's fields: " + SchemaDocs.and(InventorySchema.RECORD.childNames())
                + ". Unknown keys elsewhere are ignored with a warning, except"
                + " the fields a pasted Placement listing carries (links).",
            "What is out of shape cannot be modelled: the provider or record is skipped, and"
                + " Placement would refuse such a record (400: its inventory schema has"
                + " additionalProperties false and typed fields, checked by"
                + " placement/handlers/inventory.py `_extract_inventories`; measured against"
                + " python3-placement 8.0 run in-process).",
            "providers:\n  - name: cn1\n    inventories: {VCPU: {total: 8}}     # did you mean inventory?",
            "Quoting a numeric version is safe. Renaming a misspelt key is safe: the misspelt key"
                + " means nothing.")).withFixes());
  }

  @Override
  public void check(TreeFile tree, Reporter out) {
    for (TreeFile.Problem p : tree.problems()) {
      var finding = out.report(tree, p.span(), "{}", p.message());
      if (p.replacement() != null) {
        finding.fix(FixSafety.SAFE, new TextEdit(p.span(), p.replacement()), "{}", p.fixTitle());
      }
    }
    if (tree.root() != null) {
      unknownKeys(tree, tree.root(), TreeFileSchema.SCHEMA.root(), "at the top level", out);
    }
    for (TreeProvider p : tree.providers()) {
      if (p.mapping() == null) {
        continue;
      }
      unknownKeys(tree, p.mapping(), TreeFileSchema.PROVIDER,
          Message.format("in provider {q}", p.label()), out);
      YMapping inventory = ProviderConfigReader.asMapping(p.mapping().get(TreeFileSchema.INVENTORY.name()));
      if (inventory == null) {
        continue;
      }
      for (YEntry e : inventory.entries()) {
        YMapping record = ProviderConfigReader.asMapping(e.value());
        if (record != null) {
          recordFields(tree, record, out);
        }
      }
    }
  }

  private static void unknownKeys(TreeFile tree, YMapping m, Key schema, String where, Reporter out) {
    List<String> known = schema.childNames();
    for (YEntry e : m.entries()) {
      String key = e.keyString();
      if (key != null && (known.contains(key) || schema.tolerated().contains(key))) {
        continue;
      }
      String suggestion = key == null ? null : suggestion(key, known);
      String subject = key == null ? TreeReader.describe(e.key()) + " key" : Message.format("unknown key {q}", key);
      var finding = out.report(tree, e.keySpan(), "{} {} is ignored{}", subject, where,
          Nodes.didYouMeanHint(suggestion))
          .severity(Severity.WARNING);
      if (suggestion != null && e.key() instanceof YScalar s && !s.style().isQuoted()) {
        finding.fix(FixSafety.SAFE, new TextEdit(e.keySpan(), suggestion), "Rename to \"{}\"", suggestion);
      }
    }
  }

  private static String suggestion(String key, List<String> known) {
    if (key.equals(ConfigSchema.INVENTORIES.name()) || key.equals("resources")) {
      return TreeFileSchema.INVENTORY.name(); // the provider config and Placement's allocation spellings
    }
    return Nodes.didYouMean(key, known);
  }

  /** Placement's inventory schema has additionalProperties: false, and typed fields. */
  private static void recordFields(TreeFile tree, YMapping record, Reporter out) {
    List<String> fields = InventorySchema.RECORD.childNames();
    for (YEntry e : record.entries()) {
      String key = e.keyString();
      if (key == null || !fields.contains(key)) {
        String suggestion = key == null ? null : Nodes.didYouMean(key, fields);
        String subject = key == null ? TreeReader.describe(e.key()) + " key"
            : Message.format("unknown inventory field {q}", key);
        var finding = out.report(tree, e.keySpan(), "{}: Placement accepts only {} and refuses the"
            + " inventory{}",
            subject, String.join(", ", fields), Nodes.didYouMeanHint(suggestion));
        if (suggestion != null && e.key() instanceof YScalar s && !s.style().isQuoted()) {
          finding.fix(FixSafety.SAFE, new TextEdit(e.keySpan(), suggestion), "Rename to \"{}\"", suggestion);
        }
        continue;
      }
      var v = e.value();
      boolean number = v.kind().isNumber();
      boolean numericString = v instanceof YScalar s && s.isString() && s.text().strip().matches("[-+]?[0-9][0-9_.eE+-]*");
      if (!number && !numericString) {
        out.report(tree, v.span(), "{} must be {}, not {}; Placement refuses the inventory",
            key, (InventorySchema.RECORD.child(key).type() == Key.Type.NUMBER ? "a number" : "an integer"), TreeReader.describe(v));
      }
    }
  }
}
