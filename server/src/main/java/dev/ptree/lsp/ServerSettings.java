package dev.ptree.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ptree.engine.Settings;
import dev.ptree.lsp.features.InlayHints;
import dev.ptree.rules.registry.Rules;
import dev.ptree.rules.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The server's settings, from initializationOptions or didChangeConfiguration: severity overrides
 * (a severity, or "off"), disabled rules, extra file globs read as provider configs, trace, which
 * inlay hints to show ({@code inlayHints}: {@code values}, {@code capacity}, {@code reach}, each a
 * boolean, or one boolean for all) and whether to show code lenses ({@code codeLens}).
 * Lenient: an unknown key, an ill-typed value or an unknown rule is logged and skipped.
 */
record ServerSettings(Settings engine, String trace, List<PathMatcher> globMatchers, InlayHints.Enabled inlayHints,
    boolean codeLens) {
  static final ServerSettings DEFAULT = new ServerSettings(Settings.DEFAULT, "off", List.of(), InlayHints.Enabled.ALL, true);

  private static final java.util.Set<String> KEYS = java.util.Set.of("disabledRules", "severityOverrides",
      "fileGlobs", "trace", "inlayHints", "codeLens");

  /**
   * Settings from didChangeConfiguration; null when the change holds nothing of ptree's (clients
   * send their whole configuration, or an empty one), so the current settings stay.
   */
  static ServerSettings parseChange(Object options, Consumer<String> log) {
    if (!(options instanceof JsonElement element) || !element.isJsonObject()) {
      return null;
    }
    JsonObject o = element.getAsJsonObject();
    if (o.has("settings") && o.get("settings").isJsonObject()) {
      o = o.getAsJsonObject("settings");
    }
    boolean ours = o.has("ptree") || o.keySet().stream().anyMatch(KEYS::contains);
    return ours ? parse(element, log) : null;
  }

  /** Accepts {ptree: {...}}, {settings: {ptree: {...}}} or the keys themselves. */
  static ServerSettings parse(Object options, Consumer<String> log) {
    if (!(options instanceof JsonElement element) || !element.isJsonObject()) {
      if (options != null) {
        log.accept("settings: expected an object, got " + options.getClass().getSimpleName() + "; using defaults");
      }
      return DEFAULT;
    }
    JsonObject o = element.getAsJsonObject();
    if (o.has("settings") && o.get("settings").isJsonObject()) {
      o = o.getAsJsonObject("settings");
    }
    if (o.has("ptree") && o.get("ptree").isJsonObject()) {
      o = o.getAsJsonObject("ptree");
    }
    Set<String> disabled = new LinkedHashSet<>();
    Map<String, Severity> overrides = new LinkedHashMap<>();
    List<String> globs = new ArrayList<>();
    String trace = "off";
    InlayHints.Enabled hints = InlayHints.Enabled.ALL;
    boolean codeLens = true;
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      JsonElement v = e.getValue();
      switch (e.getKey()) {
        case "disabledRules" -> strings(v, "disabledRules", log).forEach(code -> rule(code, log, disabled::add));
        case "severityOverrides" -> {
          if (v.isJsonObject()) {
            for (Map.Entry<String, JsonElement> s : v.getAsJsonObject().entrySet()) {
              String value = s.getValue().isJsonPrimitive() ? s.getValue().getAsString().toLowerCase(Locale.ROOT) : "";
              rule(s.getKey(), log, code -> {
                if (value.equals("off") || value.equals("none")) {
                  disabled.add(code);
                } else {
                  Severity severity = severity(value);
                  if (severity == null) {
                    log.accept("settings: severity " + dev.ptree.text.Escaper.quote(value) + " for " + code
                        + " is not error, warning, information, hint or off; ignored");
                  } else {
                    overrides.put(code, severity);
                  }
                }
              });
            }
          } else {
            log.accept("settings: severityOverrides must be an object; ignored");
          }
        }
        case "fileGlobs" -> globs.addAll(strings(v, "fileGlobs", log));
        case "trace" -> trace = v.isJsonPrimitive() ? v.getAsString()
            : v.isJsonObject() && v.getAsJsonObject().has("server") ? v.getAsJsonObject().get("server").getAsString() : "off";
        case "inlayHints" -> hints = inlayHints(v, log);
        case "codeLens" -> codeLens = bool(v, "codeLens", true, log);
        default -> log.accept("settings: unknown key " + dev.ptree.text.Escaper.quote(e.getKey()) + " ignored");
      }
    }
    // compiled once here, not per document: an invalid glob is reported now and matches nothing
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (RuntimeException e) {
        log.accept("settings: file glob " + dev.ptree.text.Escaper.quote(glob) + " is not a valid glob; ignored");
      }
    }
    return new ServerSettings(new Settings(Set.copyOf(disabled), Map.copyOf(overrides)), trace, List.copyOf(matchers),
        hints, codeLens);
  }

  /** {@code true}/{@code false} for every kind, or {@code {values, capacity, reach}} (a missing kind stays on). */
  private static InlayHints.Enabled inlayHints(JsonElement v, Consumer<String> log) {
    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
      boolean all = v.getAsBoolean();
      return new InlayHints.Enabled(all, all, all);
    }
    if (!v.isJsonObject()) {
      log.accept("settings: inlayHints must be a boolean or an object of booleans; ignored");
      return InlayHints.Enabled.ALL;
    }
    boolean values = true;
    boolean capacity = true;
    boolean reach = true;
    for (Map.Entry<String, JsonElement> e : v.getAsJsonObject().entrySet()) {
      switch (e.getKey()) {
        case "values" -> values = bool(e.getValue(), "inlayHints.values", true, log);
        case "capacity" -> capacity = bool(e.getValue(), "inlayHints.capacity", true, log);
        case "reach" -> reach = bool(e.getValue(), "inlayHints.reach", true, log);
        default -> log.accept("settings: unknown key " + dev.ptree.text.Escaper.quote("inlayHints." + e.getKey()) + " ignored");
      }
    }
    return new InlayHints.Enabled(values, capacity, reach);
  }

  private static boolean bool(JsonElement v, String key, boolean fallback, Consumer<String> log) {
    if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
      return v.getAsBoolean();
    }
    log.accept("settings: " + key + " must be true or false; ignored");
    return fallback;
  }

  private static List<String> strings(JsonElement v, String key, Consumer<String> log) {
    List<String> out = new ArrayList<>();
    if (v.isJsonArray()) {
      for (JsonElement item : (JsonArray) v) {
        if (item.isJsonPrimitive()) {
          out.add(item.getAsString());
        } else {
          log.accept("settings: " + key + " holds a non-string item; ignored");
        }
      }
    } else if (!v.isJsonNull()) {
      log.accept("settings: " + key + " must be a list of strings; ignored");
    }
    return out;
  }

  private static void rule(String code, Consumer<String> log, Consumer<String> then) {
    var rule = Rules.find(code);
    if (rule.isEmpty()) {
      log.accept("settings: unknown rule " + dev.ptree.text.Escaper.quote(code) + " ignored");
    } else {
      then.accept(rule.get().code());
    }
  }

  private static Severity severity(String s) {
    return switch (s) {
      case "error" -> Severity.ERROR;
      case "warning", "warn" -> Severity.WARNING;
      case "information", "info" -> Severity.INFORMATION;
      case "hint" -> Severity.HINT;
      default -> null;
    };
  }

  /** Whether a path matches one of the extra globs (then it is read as a provider config). */
  boolean matchesGlob(String path) {
    if (globMatchers.isEmpty()) {
      return false;
    }
    Path p = Path.of(path);
    for (PathMatcher m : globMatchers) {
      if (m.matches(p) || p.getFileName() != null && m.matches(p.getFileName())) {
        return true;
      }
    }
    return false;
  }
}
