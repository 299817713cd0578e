package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one rule run. */
public final class Reporter {
  private final RuleInfo rule;
  private final List<Builder> pending = new ArrayList<>();

  public Reporter(RuleInfo rule) {
    this.rule = rule;
  }

  /** Starts a finding at the rule's default severity; chain the optional parts. */
  public Builder report(ConfigFile file, Span span, String message) {
    return report(file.path(), span, message);
  }

  public Builder report(dev.ptree.model.TreeFile file, Span span, String message) {
    return report(file.path(), span, message);
  }

  public Builder report(String path, Span span, String message) {
    Builder b = new Builder(path, span, message);
    pending.add(b);
    return b;
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

    Builder(String path, Span span, String message) {
      this.path = path;
      this.span = span;
      this.message = message;
    }

    private Severity cap;
    private int sentBy = -1;

    /** The finding is about what happens once nova sends this config entry (see {@link Finding}). */
    public Builder sentBy(dev.ptree.model.ProviderEntry entry) {
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

    public Builder related(ConfigFile file, Span at, String note) {
      return related(file.path(), at, note);
    }

    public Builder related(dev.ptree.model.TreeFile file, Span at, String note) {
      return related(file.path(), at, note);
    }

    public Builder related(String path, Span at, String note) {
      related.add(new Related(path, at, note));
      return this;
    }

    public Builder fix(Fix fix) {
      fixes.add(fix);
      return this;
    }
  }
}
