package dev.ptree.rules.comparison;

import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.Escaper;
import dev.ptree.yaml.ScalarStyle;
import java.util.Locale;

public final class UuidCase extends Rule {
  public UuidCase() {
    super("PT309", "uuid-case", Category.COMPARISON, Severity.WARNING,
        "an identification uuid with upper-case hex digits",
        new RuleDoc(
            "nova compares the identification with the provider tree's uuids as exact strings,"
                + " and Placement's uuids are lower-case. An upper-case uuid passes the schema and"
                + " then matches no provider.",
            "The entry is ignored at runtime with only a log line.",
            "identification:\n  uuid: 7D7B5E2C-5D6B-4A43-9D2E-0F6B5B1F9A10     # matches nothing",
            "Lower-casing is safe: it names the provider the text spells."));
  }

  @Override
  public Scope scope() {
    return Scope.PROVIDER;
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    context.forEachProvider((file, p) -> {
      var id = p.identification();
      if (id == null || !id.method().equals("uuid") || id.isComputeNodeUuid()
          || !NovaSchema.isUuid(id.value())) {
        return;
      }
      String lower = id.value().toLowerCase(Locale.ROOT);
      if (lower.equals(id.value())) {
        return;
      }
      var node = id.valueNode();
      var finding = out.report(file, node.span(), "uuid " + Escaper.quote(id.value())
          + " has upper-case digits; nova compares uuids as exact strings and Placement's are"
          + " lower-case, so this entry matches no provider");
      if (node.style() == ScalarStyle.PLAIN || node.style().isQuoted()) {
        String raw = file.document().text().slice(node.span());
        finding.fix(Fix.edit("Lower-case the uuid", FixSafety.SAFE,
            new TextEdit(node.span(), raw.toLowerCase(Locale.ROOT))));
      }
    });
  }
}
