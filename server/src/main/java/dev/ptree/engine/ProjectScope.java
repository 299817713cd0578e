package dev.ptree.engine;

import dev.ptree.rules.Severity;
import java.util.Map;
import java.util.Set;

/**
 * Which project settings apply to each document. The edges implement it (they find each path's
 * nearest ptree.toml and match its globs); the engine only asks.
 */
public interface ProjectScope {
  /** No project config anywhere: every rule reports at its default severity. */
  ProjectScope NONE = new ProjectScope() {
    @Override
    public FileRules rulesFor(String path) {
      return FileRules.ALL;
    }

    @Override
    public boolean mayReport(String code) {
      return true;
    }
  };

  /** The rules that apply to the document at this path. */
  FileRules rulesFor(String path);

  /** Whether any document may report this rule: false lets the engine skip running it. */
  boolean mayReport(String code);

  /** What one file reports: codes enabled (null for all), and severity overrides by code. */
  record FileRules(Set<String> enabled, Map<String, Severity> severity) {
    public static final FileRules ALL = new FileRules(null, Map.of());

    public boolean reports(String code) {
      return enabled == null || enabled.contains(code);
    }
  }
}
