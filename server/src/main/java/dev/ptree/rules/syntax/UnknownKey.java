package dev.ptree.rules.syntax;

import dev.ptree.text.Message;
import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.model.schema.InventorySchema;
import dev.ptree.model.schema.Key;
import dev.ptree.model.schema.Schema;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import java.util.List;

/** Keys SCHEMA_V1 does not define: an error where it forbids them, a warning where nova ignores them. */
public final class UnknownKey extends FileRule {
  private static final String SUMMARY = "a key nova's schema does not define";
  private static final RuleDoc DOC = new RuleDoc(
      "Reports keys SCHEMA_V1 does not define. In an identification or an inventory record"
          + " the schema forbids them (error). At the top level, in meta, in a provider and in"
          + " inventories/traits the schema allows them and nova silently ignores them"
          + " (warning) — usually a typo such as `inventory` for `inventories`.",
      "A misspelt key is accepted and ignored: the inventories or traits it holds are never"
          + " reported to Placement, and nothing says so.",
      "providers:\n  - identification: {name: cn1}\n    inventory:          # ignored by nova\n   "
          + "   additional: ...",
      "Renaming to the suggested key is unsafe: it changes what nova loads.");

  private final Schema schema;

  public UnknownKey() {
    this(ConfigSchema.SCHEMA);
  }

  /** Against another schema: the declarations decide which keys are known. */
  public UnknownKey(Schema schema) {
    super(RuleInfo.of("PT103", "unknown-key", Category.SYNTAX, Severity.WARNING, SUMMARY, DOC).withFixes());
    this.schema = schema;
  }

  @Override
  public void check(ConfigFile file, Reporter out) {
    Key root = schema.root();
    Key provider = schema.at(ConfigSchema.PROVIDERS.name(), Schema.ITEM);
    YMapping top = file.rootMapping();
    if (top == null) {
      return;
    }
    report(file, top, root, with(root.childNames(), NovaSchema.SOURCE_FILE_KEY), out);
    for (Key section : root.children()) {
      YMapping m = section.type() == Key.Type.MAPPING ? ProviderConfigReader.asMapping(top.get(section.name())) : null;
      if (m != null) {
        report(file, m, section, section.childNames(), out);
      }
    }
    List<String> providerKeys = with(provider.childNames(), NovaSchema.SOURCE_FILE_KEY);
    for (ProviderEntry p : file.providers()) {
      if (p.mapping() == null) {
        continue;
      }
      report(file, p.mapping(), provider, providerKeys, out);
      for (Key part : provider.children()) {
        YMapping m = part.type() == Key.Type.MAPPING ? ProviderConfigReader.asMapping(p.mapping().get(part.name())) : null;
        if (m != null) {
          report(file, m, part, part.childNames(), out);
        }
      }
      for (InventoryRecord r : p.records()) {
        if (r.record() != null) {
          report(file, r.record(), InventorySchema.RECORD, InventorySchema.RECORD.childNames(), out);
        }
      }
    }
  }

  private void report(ConfigFile file, YMapping m, Key schema, List<String> known, Reporter out) {
    boolean forbidding = schema.unknown() == Key.Unknown.FORBIDDEN;
    if (allKnown(m, known, !forbidding)) {
      return; // the common case: nothing to report, no message to build
    }
    if (forbidding) {
      forbidden(file, m, known, schema.label(), out);
    } else {
      ignored(file, m, known,
          schema == this.schema.root() ? "at " + schema.label() : "in " + schema.label(), out);
    }
  }

  /** Whether every key is known; merged keys count only where the schema forbids unknown ones. */
  private static boolean allKnown(YMapping m, List<String> known, boolean skipMerged) {
    for (YEntry e : m.entries()) {
      String key = e.keyString();
      if (!(skipMerged && e.merged()) && (key == null || !known.contains(key))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> with(List<String> keys, String extra) {
    return java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of(extra)).toList();
  }

  private void ignored(ConfigFile file, YMapping m, List<String> known, String where, Reporter out) {
    for (YEntry e : m.entries()) {
      String key = e.keyString();
      if (e.merged() || (key != null && known.contains(key))) {
        continue;
      }
      String suggestion = key == null ? null : Nodes.didYouMean(key, known);
      var finding = out.report(file, e.keySpan(), "unknown key {} {} is ignored by nova{}",
          Nodes.key(e), where,
          Nodes.didYouMeanHint(suggestion));
      if (suggestion != null) {
        finding.fix(FixSafety.UNSAFE, new TextEdit(e.keySpan(), suggestion), "Rename to \"{}\"", suggestion);
      }
    }
  }

  private void forbidden(ConfigFile file, YMapping m, List<String> known, String where, Reporter out) {
    for (YEntry e : m.entries()) {
      String key = e.keyString();
      if (key != null && known.contains(key)) {
        continue;
      }
      String suggestion = key == null ? null : Nodes.didYouMean(key, known);
      String expected = String.join(", ", known.stream().map(k -> Message.format("{q}", k)).toList());
      String hint = suggestion == null ? "" : Message.format(" (did you mean {q}?)", suggestion);
      var finding = out.report(file, e.keySpan(), "unknown key {} in {}: nova's schema forbids it and refuses"
          + " the file; expected one of {}{}", Nodes.key(e), where, expected, hint)
          .severity(Severity.ERROR);
      if (suggestion != null) {
        finding.fix(FixSafety.UNSAFE, new TextEdit(e.keySpan(), suggestion), "Rename to \"{}\"", suggestion);
      }
    }
  }
}
