package dev.ptree.rules.comparison;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.KeyIdentity;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;

public final class DuplicateKey extends FileRule {
  public DuplicateKey() {
    super(RuleInfo.of("PT307", "duplicate-key", Category.COMPARISON, Severity.WARNING,
        "a mapping key written twice",
        new RuleDoc(
            "PyYAML keeps the last value of a key written twice in one mapping and drops the"
                + " earlier one without a word. Keys that YAML 1.1 reads as equal count too (1,"
                + " 1.0 and true are one key in Python). Keys brought in by a `<<` merge and then"
                + " overridden are normal YAML and not reported.",
            "The value a reader sees first is not the one nova uses.",
            "- CUSTOM_FPGA:\n    total: 4\n    total: 8      # nova uses 8",
            "No fix: delete the value you do not mean.")).reading(RuleInfo.Input.TREES));
  }


  @Override
  public void check(ConfigFile file, Reporter out) {
    file.nodes().forEach(node -> {
      if (node instanceof YMapping m && m.entries().size() > 1) {
        checkMapping(file, m, out);
      }
    });
  }

  private void checkMapping(ConfigFile file, YMapping m, Reporter out) {
    var entries = m.entries();
    if (entries.size() > 64) {
      java.util.Map<Object, YEntry> last = new java.util.HashMap<>();
      for (YEntry e : entries) {
        if (e.merged()) {
          continue;
        }
        YEntry previous = last.put(keyOf(e), e);
        if (previous != null && KeyIdentity.sameKey(previous.key(), e.key())) {
          report(file, previous, e, out);
        }
      }
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      YEntry earlier = entries.get(i);
      if (earlier.merged()) {
        continue;
      }
      for (int j = i + 1; j < entries.size(); j++) {
        if (KeyIdentity.sameKey(earlier.key(), entries.get(j).key())) {
          report(file, earlier, entries.get(j), out);
          break;
        }
      }
    }
  }

  private static Object keyOf(YEntry e) {
    return e.keyString() != null ? e.keyString() : e.key().kind() + ":" + Nodes.describe(e.key());
  }

  private void report(ConfigFile file, YEntry earlier, YEntry later, Reporter out) {
    int line = file.document().text().lineOf(later.keySpan().start()) + 1;
    out.report(file, earlier.keySpan(), "duplicate key {}: YAML keeps only the last value (line {}),"
        + " this one is ignored", Nodes.key(earlier), line)
        .related(file, later.keySpan(), "the value that wins");
  }
}
