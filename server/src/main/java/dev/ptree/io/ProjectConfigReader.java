package dev.ptree.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.ptree.engine.ProjectConfig;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.Severity;
import dev.ptree.text.Escaper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code ptree.toml} with jackson-dataformat-toml and checks every key and value. A bad
 * one is an error at {@code ptree.toml:line:col}: a project config that says something ptree
 * cannot obey must not be half applied.
 */
public final class ProjectConfigReader {
  public static final String FILE_NAME = "ptree.toml";
  static final long MAX_BYTES = 1024 * 1024;

  private static final List<String> KEYS = List.of("select", "ignore", "extend-select", "per-file-ignores",
      "severity", "include", "exclude", "provider-config-globs");

  /** A problem in a project config, with its 1-based position. */
  public static final class ConfigException extends Exception {
    private final String file;
    private final int line;
    private final int column;

    ConfigException(String file, int line, int column, String message) {
      super(message);
      this.file = file;
      this.line = line;
      this.column = column;
    }

    /** {@code path:line:col: message}, escaped for printing. */
    public String display() {
      return Escaper.escape(file) + ":" + line + ":" + column + ": " + Escaper.escape(getMessage());
    }
  }

  private final String file;
  private final String text;

  private ProjectConfigReader(String file, String text) {
    this.file = file;
    this.text = text;
  }

  public static ProjectConfig read(Path path) throws ConfigException {
    return read(path, path.toString());
  }

  /** {@code display}: how messages name the file. */
  public static ProjectConfig read(Path path, String display) throws ConfigException {
    try {
      if (!Files.isRegularFile(path)) {
        throw new ConfigException(display, 1, 1, "not a regular file");
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new ConfigException(display, 1, 1, "larger than 1 MiB; not read");
      }
      byte[] bytes = Files.readAllBytes(path);
      var decoder = StandardCharsets.UTF_8.newDecoder();
      String text;
      try {
        text = decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new ConfigException(display, 1, 1, "not valid UTF-8 (TOML files are UTF-8)");
      }
      return parse(display, text);
    } catch (IOException e) {
      throw new ConfigException(display, 1, 1, "cannot read the file (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  /** Parses config text; {@code file} names it in messages. */
  public static ProjectConfig parse(String file, String text) throws ConfigException {
    return new ProjectConfigReader(file, text).parse();
  }

  private ProjectConfig parse() throws ConfigException {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String message = e.getOriginalMessage() == null ? "invalid TOML" : e.getOriginalMessage();
      throw new ConfigException(file, at == null ? 1 : Math.max(1, at.getLineNr()),
          at == null ? 1 : Math.max(1, at.getColumnNr()), "invalid TOML: " + message);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        String hint = closest(key);
        fail(keyAt(null, key), "unknown key " + Escaper.quote(key) + (hint == null ? "; the keys are " + String.join(", ", KEYS)
            : "; did you mean " + Escaper.quote(hint) + "?"));
      }
    }
    Set<String> enabled = new LinkedHashSet<>();
    if (root.has("select")) {
      selectors(root, "select").forEach(enabled::addAll);
    } else {
      enabled.addAll(ProjectConfig.NONE.enabled());
    }
    selectors(root, "extend-select").forEach(enabled::addAll);
    selectors(root, "ignore").forEach(enabled::removeAll);

    Map<String, Optional<Severity>> severityEntries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : table(root, "severity")) {
      int[] at = keyAt("severity", e.getKey());
      misplaced("severity", e.getKey(), at);
      if (ProjectConfig.codes(e.getKey()).isEmpty()) {
        fail(at, "unknown rule or category " + Escaper.quote(e.getKey()) + " in severity; `ptree rules` lists them");
      }
      Optional<Severity> severity = e.getValue().isTextual() ? ProjectConfig.severity(e.getValue().asText()) : null;
      if (severity == null) {
        fail(at, "severity of " + Escaper.quote(e.getKey()) + " must be one of \"error\", \"warning\", \"information\","
            + " \"hint\", \"off\"; got " + shown(e.getValue()));
      }
      severityEntries.put(e.getKey(), severity);
    }
    Set<String> off = new LinkedHashSet<>();
    Map<String, Severity> severity = ProjectConfig.severities(severityEntries, off);
    enabled.removeAll(off);

    List<ProjectConfig.FileIgnore> perFile = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : table(root, "per-file-ignores")) {
      int[] at = keyAt("per-file-ignores", e.getKey());
      misplaced("per-file-ignores", e.getKey(), at);
      glob(e.getKey(), at);
      Set<String> codes = new LinkedHashSet<>();
      List<String> items = strings(e.getValue(), "per-file-ignores." + quoteKey(e.getKey()), at);
      for (String item : items) {
        codes.addAll(ProjectConfig.codes(item).orElseThrow(() -> new IllegalStateException()));
      }
      perFile.add(new ProjectConfig.FileIgnore(e.getKey(), Set.copyOf(codes)));
    }
    return new ProjectConfig(file, Set.copyOf(enabled), Map.copyOf(severity), List.copyOf(perFile),
        globs(root, "include"), globs(root, "exclude"), globs(root, "provider-config-globs"));
  }

  private List<Set<String>> selectors(JsonNode root, String key) throws ConfigException {
    if (!root.has(key)) {
      return List.of();
    }
    List<Set<String>> out = new ArrayList<>();
    for (String s : strings(root.get(key), key, keyAt(null, key))) {
      out.add(ProjectConfig.codes(s).orElseThrow());
    }
    return out;
  }

  /** A list of rule selectors or globs; each selector checked where the key says selectors. */
  private List<String> strings(JsonNode value, String key, int[] at) throws ConfigException {
    if (!value.isArray()) {
      fail(at, key + " must be a list of strings, like [\"PT301\"]; got " + shown(value));
    }
    boolean rules = !key.equals("include") && !key.equals("exclude") && !key.equals("provider-config-globs");
    List<String> out = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        fail(at, key + " holds " + shown(item) + "; every item must be a string");
      }
      String s = item.asText();
      if (rules && ProjectConfig.codes(s).isEmpty()) {
        fail(valueAt(at, s), "unknown rule or category " + Escaper.quote(s) + " in " + key
            + "; give a code (PT303), a prefix (PT3), a category (comparison) or ALL");
      }
      out.add(s);
    }
    return out;
  }

  private List<String> globs(JsonNode root, String key) throws ConfigException {
    if (!root.has(key)) {
      return List.of();
    }
    int[] at = keyAt(null, key);
    List<String> out = strings(root.get(key), key, at);
    for (String g : out) {
      glob(g, valueAt(at, g));
    }
    return List.copyOf(out);
  }

  private void glob(String glob, int[] at) throws ConfigException {
    try {
      FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (RuntimeException e) {
      fail(at, "invalid glob " + Escaper.quote(glob) + " (" + e.getMessage() + ")");
    }
  }

  private Iterable<Map.Entry<String, JsonNode>> table(JsonNode root, String key) throws ConfigException {
    if (!root.has(key)) {
      return List.of();
    }
    JsonNode v = root.get(key);
    if (!v.isObject()) {
      fail(keyAt(null, key), key + " must be a table, like [" + key + "]; got " + shown(v));
    }
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    v.fields().forEachRemaining(out::add);
    return out;
  }

  /** A top-level key written after a [table] header lands in that table: TOML's classic trap. */
  private void misplaced(String table, String key, int[] at) throws ConfigException {
    if (KEYS.contains(key)) {
      fail(at, Escaper.quote(key) + " is read as part of [" + table + "]: in TOML every key after a [table] header"
          + " belongs to it; move " + key + " above the first [table]");
    }
  }

  private static String shown(JsonNode v) {
    String kind = v.isTextual() ? "a string" : v.isArray() ? "a list" : v.isObject() ? "a table" : v.isBoolean() ? "a boolean"
        : v.isNumber() ? "a number" : "a value";
    String text = v.isTextual() ? v.asText() : v.toString();
    return kind + " " + Escaper.quote(text.length() > 60 ? text.substring(0, 60) + "..." : text);
  }

  private static String quoteKey(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }

  private void fail(int[] at, String message) throws ConfigException {
    throw new ConfigException(file, at[0], at[1], message);
  }

  // ---- positions: the TOML tree has none, so keys and values are found again in the text ----

  private static final Pattern HEADER = Pattern.compile("^[ \\t]*\\[([^\\[\\]]*)\\][ \\t]*(#.*)?$");

  /**
   * The 1-based line and column of a key: a top-level key ({@code table} null), or a key of a
   * table written as a [table] section, an inline table or dotted keys. 1:1 when not found.
   */
  private int[] keyAt(String table, String key) {
    String[] lines = text.split("\n", -1);
    String keyPattern = "(?:" + Pattern.quote(key) + "|\"" + Pattern.quote(key) + "\"|'" + Pattern.quote(key) + "')";
    String section = null;
    int[] tableAt = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        section = h.group(1).trim().replace("\"", "").replace("'", "");
        if (table != null && section.equals(table)) {
          tableAt = new int[] {i + 1, line.indexOf('[') + 1};
        }
        continue;
      }
      Matcher m;
      if (table == null) {
        m = Pattern.compile("^([ \\t]*)" + keyPattern + "[ \\t]*[=.]").matcher(line);
        if (section == null && m.find()) {
          return new int[] {i + 1, m.group(1).length() + 1};
        }
      } else if (table.equals(section)) {
        m = Pattern.compile("^([ \\t]*)" + keyPattern + "[ \\t]*=").matcher(line);
        if (m.find()) {
          return new int[] {i + 1, m.group(1).length() + 1};
        }
      } else if (section == null) {
        m = Pattern.compile("^[ \\t]*(?:" + Pattern.quote(table) + "|\"" + Pattern.quote(table) + "\")[ \\t]*\\.[ \\t]*"
            + keyPattern + "[ \\t]*=").matcher(line);
        if (m.find()) {
          return new int[] {i + 1, line.indexOf(table.charAt(0)) + 1};
        }
        if (Pattern.compile("^[ \\t]*" + Pattern.quote(table) + "[ \\t]*=").matcher(line).find()) {
          tableAt = new int[] {i + 1, 1};
          for (int j = i; j < lines.length && j < i + 200; j++) {
            Matcher inner = Pattern.compile("(?:^|[{,\\s])(" + keyPattern + ")[ \\t]*=").matcher(lines[j]);
            if (inner.find()) {
              return new int[] {j + 1, inner.start(1) + 1};
            }
          }
        }
      }
    }
    return tableAt != null ? tableAt : new int[] {1, 1};
  }

  /** The position of a quoted value at or after a key's line (within its list), else the key's. */
  private int[] valueAt(int[] keyAt, String value) {
    String[] lines = text.split("\n", -1);
    for (int i = keyAt[0] - 1; i >= 0 && i < lines.length && i < keyAt[0] + 200; i++) {
      int col = Math.max(lines[i].indexOf("\"" + value + "\""), lines[i].indexOf("'" + value + "'"));
      if (col >= 0) {
        return new int[] {i + 1, col + 1};
      }
    }
    return keyAt;
  }

  private static String closest(String key) {
    String best = null;
    int bestDistance = 3;
    for (String k : KEYS) {
      int d = Nodes.distance(key.replace('_', '-').toLowerCase(java.util.Locale.ROOT), k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  }
}
