package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.Span;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.List;
import java.util.Locale;

public final class IdentificationRule extends ProviderRule {
  public IdentificationRule() {
    super(RuleInfo.of("PT104", "identification", Category.SYNTAX, Severity.ERROR,
        "a provider's identification is missing or invalid",
        new RuleDoc(
            "Every provider needs `identification` with exactly one of `uuid` (a UUID, or the"
                + " sentinel $COMPUTE_NODE) or `name` (a string of 1 to 200 characters).",
            "nova's schema rejects the file otherwise and nova-compute does not start.",
            "- identification:\n    name: cn1\n    uuid: 1f6e...    # two methods: refused",
            "Quoting a name YAML read as a number, boolean or date is safe: nova then sees the"
                + " text as written.")).withFixes());
  }


  @Override
  public void check(ConfigFile file, ProviderEntry p, Reporter out) {
    if (p.mapping() != null) {
      checkProvider(file, p, out);
    }
  }

  private void checkProvider(ConfigFile file, ProviderEntry p, Reporter out) {
    YEntry entry = p.mapping().effective("identification");
    if (entry == null) {
      out.report(file, Span.at(p.mapping().span().start()),
          "provider has no identification; give exactly one of uuid or name");
      return;
    }
    YMapping id = ProviderConfigReader.asMapping(entry.value());
    if (id == null) {
      out.report(file, entry.value().span(), "identification must be a mapping with one of uuid or"
          + " name, found {}", Nodes.describe(entry.value()));
      return;
    }
    List<YEntry> keys = id.effectiveEntries();
    if (keys.isEmpty()) {
      out.report(file, entry.keySpan(), "identification is empty; give exactly one of uuid or name");
      return;
    }
    if (keys.size() > 1) {
      out.report(file, entry.keySpan(), "identification has {} keys; nova requires exactly one of"
          + " uuid or name", keys.size());
    }
    for (YEntry e : keys) {
      String key = e.keyString();
      if ("uuid".equals(key)) {
        checkUuid(file, e.value(), out);
      } else if ("name".equals(key)) {
        checkName(file, e.value(), out);
      }
    }
  }

  private void checkUuid(ConfigFile file, YNode value, Reporter out) {
    if (!(value instanceof YScalar s) || !s.isString()) {
      out.report(file, value.span(), "uuid must be a string, found {}", Nodes.describe(value));
      return;
    }
    if (!ProviderConfigReader.validUuid(s.text())) {
      String hint = s.text().strip().toUpperCase(Locale.ROOT).equals(NovaSchema.COMPUTE_NODE)
          ? " (the sentinel is spelt exactly $COMPUTE_NODE)" : "";
      var finding = out.report(file, s.span(), "uuid {q} is neither a UUID (8-4-4-4-12 hex digits)"
          + " nor $COMPUTE_NODE{}", s.text(), hint);
      if (!hint.isEmpty()) {
        finding.fix(FixSafety.SAFE, new TextEdit(s.span(), "'$COMPUTE_NODE'"), "Write $COMPUTE_NODE");
      }
    }
  }

  private void checkName(ConfigFile file, YNode value, Reporter out) {
    if (!(value instanceof YScalar s) || !s.isString()) {
      var finding = out.report(file, value.span(), "name must be a string, found {}", Nodes.describe(value));
      if (value instanceof YScalar s && s.style() == ScalarStyle.PLAIN && s.explicitTag() == null
          && !s.text().isEmpty() && !s.text().contains("'")) {
        finding.fix(FixSafety.SAFE, new TextEdit(s.span(), "'" + s.text() + "'"),
            "Quote the name as '{}'", s.text());
      }
      return;
    }
    int length = s.text().codePointCount(0, s.text().length());
    if (length == 0) {
      out.report(file, s.span(), "name is empty; it needs 1 to 200 characters");
    } else if (length > NovaSchema.NAME_MAX_LENGTH) {
      out.report(file, s.span(), "name is {} characters long; nova and Placement allow at most 200", length);
    }
  }
}
