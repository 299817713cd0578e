package dev.ptree.rules.neutralization;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.RuleInfo;
import dev.ptree.yaml.YNode;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YScalar;
import java.util.Set;

public final class ControlCharacters extends FileRule {
  public ControlCharacters() {
    super(RuleInfo.of("PT401", "control-characters", Category.NEUTRALIZATION, Severity.WARNING,
        "control characters inside a value",
        new RuleDoc(
            "Control characters (C0, C1, DEL) written as escapes in a double-quoted string, or a"
                + " line break carried into a name by a block scalar. In names, uuids, classes,"
                + " traits and keys even a newline or tab counts; elsewhere newline and tab are"
                + " fine. (Raw control characters in the file are PT100: PyYAML refuses them.)",
            "nova passes the value on unchanged: into log lines (log forging, terminal escapes),"
                + " and into comparisons where \"CUSTOM_A\\n\" is not CUSTOM_A — yet the schema's"
                + " pattern accepts it, because Python's $ matches before a final newline.",
            "traits:\n  additional: [\"CUSTOM_A\\n\"]",
            "No fix.")).reading(RuleInfo.Input.TREES)
        .securitySeverity("5.0")); // forged log and terminal lines
  }


  @Override
  public void check(ConfigFile file, Reporter out) {
    Set<YScalar> identifiers = null;
    for (YNode node : file.nodes()) {
      if (!(node instanceof YScalar s) || s.kind() != ValueKind.STR) {
        continue;
      }
      String t = s.text();
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c >= 0x20 && c < 0x7F || c > 0x9F) {
          continue;
        }
        if (c == '\n' || c == '\t' || c == '\r') {
          if (identifiers == null) {
            identifiers = TextScan.identifiers(file);
          }
          if (!identifiers.contains(s)) {
            continue;
          }
        }
        out.report(file, s.span(), "value {q} contains the control character {}", t, Character.toString(c));
        break;
      }
    }
  }
}
