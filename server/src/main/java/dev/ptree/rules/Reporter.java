package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeFile;
import dev.ptree.text.Message;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one rule run. Every text a finding carries (its message, related
 * notes and fix titles) is a template with arguments, and each argument is neutralised here,
 * once ({@link Message}).
 */
public final class Reporter {
  private final RuleInfo rule;
  private final List<Builder> pending = new ArrayList<>();

  public Reporter(RuleInfo rule) {
    this.rule = rule;
  }

  /** Starts a finding at the rule's default severity; chain the optional parts. */
  public Builder report(ConfigFile file, Span span, String template, Object... args) {
    return report(file.path(), span, template, args);
  }

  public Builder report(TreeFile file, Span span, String template, Object... args) {
    return report(file.path(), span, template, args);
  }

  public Builder report(String path, Span span, String template, Object... args) {
    Builder b = new Builder(path, span, Message.format(template, args));
    pending.add(b);
    return b;
  }

  /** How many findings were reported so far. */
  public int size() {
    return pending.size();
  }

  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(pending.size());
    for (Builder b : pending) {
      out.add(new Finding(rule, b.severity, b.path, b.span, b.message, List.copyOf(b.related),
          List.copyOf(b.fixes), b.sentBy));
    }
    return out;
  }

  public final class Builder {
    private final String path;
    private final Span span;
    private final String message;
    private Severity severity = rule.defaultSeverity();
    private final List<Related> related = new ArrayList<>(1);
    private final List<Fix> fixes = new ArrayList<>(1);
    private Severity cap;
    private int sentBy = -1;

    Builder(String path, Span span, String message) {
      this.path = path;
      this.span = span;
      this.message = message;
    }

    /** The finding is about what happens once nova sends this config entry (see {@link Finding}). */
    public Builder sentBy(ProviderEntry entry) {
      this.sentBy = entry.index();
      return this;
    }

    public Builder severity(Severity s) {
      this.severity = cap != null && s.compareTo(cap) < 0 ? cap : s;
      return this;
    }

    /** Never more severe than {@code max}, whatever severity is set later. */
    public Builder atMost(Severity max) {
      this.cap = max;
      return severity(severity);
    }

    public Builder related(ConfigFile file, Span at, String template, Object... args) {
      return related(file.path(), at, template, args);
    }

    public Builder related(TreeFile file, Span at, String template, Object... args) {
      return related(file.path(), at, template, args);
    }

    public Builder related(String path, Span at, String template, Object... args) {
      related.add(new Related(path, at, Message.format(template, args)));
      return this;
    }

    /** A fix that edits the text; the title is a template like the message. */
    public Builder fix(FixSafety safety, List<TextEdit> edits, String titleTemplate, Object... args) {
      requireFixes();
      fixes.add(new Fix(Message.format(titleTemplate, args), safety, List.copyOf(edits), null));
      return this;
    }

    public Builder fix(FixSafety safety, TextEdit edit, String titleTemplate, Object... args) {
      return fix(safety, List.of(edit), titleTemplate, args);
    }

    /** A fix that renames the file. */
    public Builder renameFile(FixSafety safety, String newName, String titleTemplate, Object... args) {
      requireFixes();
      fixes.add(new Fix(Message.format(titleTemplate, args), safety, List.of(), newName));
      return this;
    }

    private void requireFixes() {
      if (!rule.offersFixes()) {
        throw new IllegalStateException(rule.code() + " offers a fix but its metadata says it has none");
      }
    }
  }
}
