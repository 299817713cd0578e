package dev.ptree.engine;

import dev.ptree.rules.Severity;
import java.util.Map;
import java.util.Set;

/**
 * User choices that shape a run: the project's (ptree.toml, per file, through {@code project}),
 * and on top of them the editor's or command line's rules switched off and severities changed,
 * by code.
 */
public record Settings(Set<String> disabledRules, Map<String, Severity> severityOverrides, ProjectScope project) {
  public static final Settings DEFAULT = new Settings(Set.of(), Map.of());

  public Settings(Set<String> disabledRules, Map<String, Severity> severityOverrides) {
    this(disabledRules, severityOverrides, ProjectScope.NONE);
  }

  public Settings withProject(ProjectScope scope) {
    return new Settings(disabledRules, severityOverrides, scope);
  }

  /** Whether the rule runs at all: not switched off on top, and reported by some file. */
  public boolean enabled(String code) {
    return !disabledRules.contains(code) && project.mayReport(code);
  }

  /** Whether the rule reports in the document at this path. */
  public boolean reports(ProjectScope.FileRules file, String code) {
    return !disabledRules.contains(code) && file.reports(code);
  }

  /** The severity a finding is shown with: the override on top, else the project's, else its own. */
  public Severity severity(ProjectScope.FileRules file, String code, Severity own) {
    Severity top = severityOverrides.get(code);
    if (top != null) {
      return top;
    }
    Severity project = file.severity().get(code);
    return project != null ? project : own;
  }
}
