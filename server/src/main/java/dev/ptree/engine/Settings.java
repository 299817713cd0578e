package dev.ptree.engine;

import dev.ptree.rules.Severity;
import java.util.Map;
import java.util.Set;

/** User choices that shape a run: rules switched off and severities changed, by code. */
public record Settings(Set<String> disabledRules, Map<String, Severity> severityOverrides) {
  public static final Settings DEFAULT = new Settings(Set.of(), Map.of());

  public boolean enabled(String code) {
    return !disabledRules.contains(code);
  }
}
