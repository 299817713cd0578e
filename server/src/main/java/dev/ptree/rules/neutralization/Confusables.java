package dev.ptree.rules.neutralization;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

public final class Confusables extends ConfigSetRule {
  public Confusables() {
    super(RuleInfo.of("PT404", "confusable-name", Category.NEUTRALIZATION, Severity.WARNING,
        "provider names that mix scripts or look like another name",
        new RuleDoc(
            "Uses ICU's UTS #39 checks on provider names: a name that mixes scripts (Latin"
                + " with Cyrillic or Greek look-alikes) fails the moderately restrictive level, and"
                + " two different names with the same confusable skeleton look the same.",
            "`cn1` and `сn1` (Cyrillic с) are different providers that read the same: a config"
                + " meant for one silently targets the other, or nothing.",
            "name: сn1     # the first letter is Cyrillic",
            "No fix: retype the name.")).reading(RuleInfo.Input.TREES)
        .securitySeverity("4.0")); // spoofed provider names
  }


  @Override
  public void check(ConfigSetContext context, Reporter out) {
    List<ProviderNames> names = ProviderNames.of(context);
    if (names.stream().allMatch(n -> ProviderNames.isAscii(n.name()))) {
      return; // pure ASCII names cannot mix scripts; skip loading ICU's data
    }
    SpoofChecker checker = new SpoofChecker.Builder()
        .setRestrictionLevel(SpoofChecker.RestrictionLevel.MODERATELY_RESTRICTIVE)
        .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS)
        .build();
    Map<String, ProviderNames> bySkeleton = new HashMap<>();
    for (ProviderNames n : names) {
      String name = n.name();
      boolean ascii = ProviderNames.isAscii(name);
      if (!ascii && checker.failsChecks(name)) {
        out.report(n.file(), n.id().valueNode().span(), "name {q} mixes scripts ({}); it can pass"
            + " for a different name", name, scripts(name));
      }
      String skeleton = checker.getSkeleton(name);
      ProviderNames other = bySkeleton.putIfAbsent(skeleton, n);
      if (other != null && !other.name().equals(name)
          && !(ascii && ProviderNames.isAscii(other.name()))) {
        out.report(n.file(), n.id().valueNode().span(), "name {q} is confusable with {q}", name, other.name())
            .related(other.file(), other.id().valueNode().span(), "the look-alike name");
      }
    }
  }

  private static String scripts(String s) {
    TreeSet<String> out = new TreeSet<>();
    BitSet seen = new BitSet();
    s.codePoints().forEach(cp -> {
      int script = UScript.getScript(cp);
      if (script != UScript.COMMON && script != UScript.INHERITED && !seen.get(script)) {
        seen.set(script);
        out.add(UScript.getName(script));
      }
    });
    return String.join(", ", out);
  }
}
