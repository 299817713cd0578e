package dev.ptree.rules.neutralization;

import com.ibm.icu.text.Normalizer2;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.yaml.ScalarStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class NotNfc extends ConfigSetRule {
  public NotNfc() {
    super(RuleInfo.of("PT405", "not-nfc", Category.NEUTRALIZATION, Severity.WARNING,
        "a provider name not in Unicode NFC, or equal to another after normalisation",
        new RuleDoc(
            "Names are compared as exact code points. \"é\" can be one code point (NFC) or \"e\""
                + " plus a combining accent; they look the same and never match.",
            "A config written on one machine targets a provider whose name was typed on another"
                + " and silently matches nothing; two entries that look like duplicates are not.",
            "name: \"cafe\\u0301\"     # not NFC; Placement's provider is named café",
            "Normalising to NFC is unsafe: it changes which provider the entry names.")).reading(RuleInfo.Input.TREES).withFixes()
        .securitySeverity("3.0")); // names equal after normalisation
  }


  @Override
  public void check(ConfigSetContext context, Reporter out) {
    List<ProviderNames> names = ProviderNames.of(context);
    if (names.stream().allMatch(n -> ProviderNames.isAscii(n.name()))) {
      return;
    }
    Normalizer2 nfc = Normalizer2.getNFCInstance();
    Map<String, ProviderNames> byForm = new HashMap<>();
    for (ProviderNames n : names) {
      String name = n.name();
      String normal = nfc.normalize(name);
      if (!normal.equals(name)) {
        var finding = out.report(n.file(), n.id().valueNode().span(), "name {qm} is not in NFC; it"
            + " differs from the same-looking {qm}", name, normal);
        if (n.id().valueNode().style() != ScalarStyle.DOUBLE_QUOTED) {
          finding.fix(FixSafety.UNSAFE,
              new TextEdit(n.id().valueNode().span(), "'" + normal.replace("'", "''") + "'"),
              "Normalise to NFC");
        }
      }
      ProviderNames other = byForm.putIfAbsent(normal, n);
      if (other != null && !other.name().equals(name)) {
        out.report(n.file(), n.id().valueNode().span(), "name {qm} equals {qm} after NFC"
            + " normalisation, but nova treats them as different providers",
            name, other.name())
            .related(other.file(), other.id().valueNode().span(), "the other spelling");
      }
    }
  }
}
