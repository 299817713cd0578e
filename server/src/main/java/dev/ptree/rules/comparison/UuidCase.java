package dev.ptree.rules.comparison;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class UuidCase extends ProviderRule {
  public UuidCase() {
    super(RuleInfo.of("PT309", "uuid-case", Category.COMPARISON, Severity.WARNING,
        "an identification uuid with upper-case hex digits",
        new RuleDoc(
            "nova compares the identification with the provider tree's uuids as exact strings,"
                + " and Placement's uuids are lower-case. An upper-case uuid passes the schema and"
                + " then matches no provider.",
            "The entry is ignored at runtime with only a log line.",
            "identification:\n  uuid: 7D7B5E2C-5D6B-4A43-9D2E-0F6B5B1F9A10     # matches nothing",
            "Lower-casing is safe: it names the provider the text spells.")).reading(RuleInfo.Input.TREES).withFixes());
  }



  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    if (file.isTree()) {
      checkTreeProvider(file, file.tree().providers().get(p.index()), out);
      return;
    }
    var id = p.identification();
    if (id == null || !id.method().equals("uuid") || id.isComputeNode()
        || !NovaSchema.isUuid(id.value())) {
      return;
    }
    report(file, id.valueNode(), "uuid {q} has upper-case digits; nova compares uuids as exact strings"
        + " and Placement's are lower-case, so this entry matches no provider", FixSafety.SAFE, out);
  }

  /**
   * In a tree, uuids are compared as exact strings too (references, and nova's lookups by a
   * config's identification). Lower-casing one is offered in the editor only: a reference
   * elsewhere that spells the same upper-case uuid must change with it.
   */
  private static void checkTreeProvider(ConfigFile file, TreeProvider p, Reporter out) {
    List<YScalar> uuids = new ArrayList<>();
    if (p.uuidNode() != null) {
      uuids.add(p.uuidNode());
    }
    for (TreeProvider.Reference r : new TreeProvider.Reference[] {p.parent(), p.root()}) {
      if (r != null) {
        uuids.add(r.node());
      }
    }
    for (YNode a : p.aggregates()) {
      if (a instanceof YScalar s && s.isString()) {
        uuids.add(s);
      }
    }
    for (YScalar s : uuids) {
      if (NovaSchema.isUuid(s.text())) {
        report(file, s, "uuid {q} has upper-case digits; uuids are compared as exact strings and"
            + " Placement's are lower-case", FixSafety.UNSAFE, out);
      }
    }
  }

  /** {@code template} has one placeholder, for the uuid as written. */
  private static void report(ConfigFile file, YScalar node, String template, FixSafety safety, Reporter out) {
    String lower = node.text().toLowerCase(Locale.ROOT);
    if (lower.equals(node.text())) {
      return;
    }
    var finding = out.report(file, node.span(), template, node.text());
    if (node.style() == ScalarStyle.PLAIN || node.style().isQuoted()) {
      String raw = file.document().text().slice(node.span());
      finding.fix(safety, new TextEdit(node.span(), raw.toLowerCase(Locale.ROOT)), "Lower-case the uuid");
    }
  }
}
