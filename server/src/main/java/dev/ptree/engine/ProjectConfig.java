package dev.ptree.engine;

import dev.ptree.rules.Category;
import dev.ptree.rules.Rule;
import dev.ptree.rules.registry.Rules;
import dev.ptree.rules.Severity;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's {@code ptree.toml}, read and checked: which rules report, per-file ignores,
 * severities, and the globs that steer discovery. Plain data; the CLI and the server both turn it
 * into the engine's {@link Settings} through a {@link ProjectScope}.
 *
 * @param file the config file's path, for messages
 * @param enabled the codes that report: (select, or every rule) plus extend-select, minus ignore
 *     and minus the rules whose severity is "off"
 * @param severity severity overrides by code (a code's entry wins over its category's)
 * @param perFileIgnores globs, relative to the config's folder, with the codes they silence
 * @param include discovery: when not empty, a file found below a directory must match one
 * @param exclude discovery: files and folders matching one are not read
 * @param providerConfigGlobs files matching one are read as provider configs
 */
public record ProjectConfig(String file, Set<String> enabled, Map<String, Severity> severity,
    List<FileIgnore> perFileIgnores, List<String> include, List<String> exclude, List<String> providerConfigGlobs) {

  /** Every rule at its default severity, nothing excluded: what applies without a ptree.toml. */
  public static final ProjectConfig NONE = new ProjectConfig(null, allCodes(), Map.of(), List.of(), List.of(), List.of(),
      List.of());

  /** One {@code per-file-ignores} entry. */
  public record FileIgnore(String glob, Set<String> codes) {}

  /** The codes a selector names: a code, a code prefix ({@code PT3}), a category or {@code ALL}. */
  public static Optional<Set<String>> codes(String selector) {
    String s = selector.trim();
    if (s.equalsIgnoreCase("ALL")) {
      return Optional.of(allCodes());
    }
    for (Category c : Category.values()) {
      if (c.id().equalsIgnoreCase(s)) {
        Set<String> out = new LinkedHashSet<>();
        Rules.all().stream().filter(r -> r.info().category() == c).forEach(r -> out.add(r.code()));
        return Optional.of(Set.copyOf(out));
      }
    }
    String upper = s.toUpperCase(Locale.ROOT);
    if (upper.length() >= 3 && upper.startsWith("PT")) {
      Set<String> out = new LinkedHashSet<>();
      Rules.all().stream().map(Rule::code).filter(code -> code.startsWith(upper)).forEach(out::add);
      if (!out.isEmpty()) {
        return Optional.of(Set.copyOf(out));
      }
    }
    return Rules.find(s).map(r -> Set.of(r.code()));
  }

  /** A severity name as settings spell it; "off" is {@code Optional.empty()}, unknown is null. */
  public static Optional<Severity> severity(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "error" -> Optional.of(Severity.ERROR);
      case "warning", "warn" -> Optional.of(Severity.WARNING);
      case "information", "info" -> Optional.of(Severity.INFORMATION);
      case "hint" -> Optional.of(Severity.HINT);
      case "off", "none" -> Optional.empty();
      default -> null;
    };
  }

  /**
   * The severity table from {@code severity} entries (selector to severity name, already checked):
   * category and prefix entries first, then codes, so a code's entry wins. Returns the codes
   * switched off in {@code off}.
   */
  public static Map<String, Severity> severities(Map<String, Optional<Severity>> entries, Set<String> off) {
    Map<String, Severity> out = new LinkedHashMap<>();
    for (int pass = 0; pass < 2; pass++) {
      for (Map.Entry<String, Optional<Severity>> e : entries.entrySet()) {
        boolean exact = Rules.find(e.getKey()).isPresent() && e.getKey().trim().length() == 5;
        if (exact != (pass == 1)) {
          continue;
        }
        for (String code : codes(e.getKey()).orElse(Set.of())) {
          if (e.getValue().isPresent()) {
            out.put(code, e.getValue().get());
            off.remove(code);
          } else {
            out.remove(code);
            off.add(code);
          }
        }
      }
    }
    return out;
  }

  private static Set<String> allCodes() {
    Set<String> out = new LinkedHashSet<>();
    Rules.all().forEach(r -> out.add(r.code()));
    return Set.copyOf(out);
  }
}
