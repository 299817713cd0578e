package dev.ptree.rules.lifecycle;

import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.TreeReader;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.rules.TreeRule;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

public final class MissingUuid extends TreeRule {
  public MissingUuid() {
    super(RuleInfo.of("PT217", "missing-uuid", Category.LIFECYCLE, Severity.INFORMATION,
        "a tree provider without a uuid",
        new RuleDoc(
            "A provider without a uuid gets a random one when it is created, so it differs"
                + " between deployments and after every re-creation.",
            "Provider configs can then only refer to it by name, and nothing outside the tree can"
                + " pin it.",
            "- name: cn1_numa0     # no uuid",
            "Inserting a generated uuid is offered in the editor only: the real provider may"
                + " already have a different one. The uuid is derived from the file and the name,"
                + " so it is the same every time it is offered.")).withFixes());
  }

  @Override
  public void check(TreeFile tree, Reporter out) {
    for (TreeProvider p : tree.providers()) {
      if (p.mapping() == null || p.mapping().effective("uuid") != null || p.name() == null) {
        continue;
      }
      var finding = out.report(tree, p.nameNode().span(), "provider {q} has no uuid: it gets a"
          + " random one at creation, so configs can only name it", p.name());
      TextEdit insert = insertAfter(tree, p.mapping(), p.mapping().effective("name"), "uuid",
          generated(tree, p));
      if (insert != null) {
        finding.fix(FixSafety.UNSAFE, insert, "Insert a generated uuid");
      }
    }
  }

  /** A name-based (version 3) uuid: stable for one file path and provider name. */
  static String generated(TreeFile tree, TreeProvider p) {
    return UUID.nameUUIDFromBytes((tree.path() + "\0" + p.name()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /**
   * An edit that adds {@code key: value} right after an entry, keeping the layout: in a flow
   * mapping (and in JSON) after the value with a comma, in a block mapping on a new line at the
   * key's column.
   */
  static TextEdit insertAfter(TreeFile tree, YMapping mapping, YEntry entry, String key, String value) {
    SourceText text = tree.document().text();
    int end = entry.value().span().end();
    if (TreeReader.isJson(tree.document().fileName())) {
      return new TextEdit(Span.at(end), ", \"" + key + "\": \"" + value + "\"");
    }
    if (mapping.flow()) {
      return new TextEdit(Span.at(end), ", " + key + ": " + value);
    }
    int keyStart = entry.keySpan().start();
    int line = text.lineOf(keyStart);
    if (text.lineOf(end) != line) {
      return null; // a multi-line name: no obvious place
    }
    int column = keyStart - text.lineStart(line);
    String newline = text.content().indexOf("\r\n") >= 0 ? "\r\n" : "\n";
    // at the end of the line, so that a comment after the name stays on the name's line
    return new TextEdit(Span.at(text.lineEnd(line)), newline + " ".repeat(column) + key + ": " + value);
  }
}
