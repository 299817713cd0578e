package dev.ptree.model;

import dev.ptree.model.schema.InventorySchema;
import dev.ptree.model.schema.Key;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Facts of nova's provider config SCHEMA_V1 and loader (nova/compute/provider_config.py) and of
 * Placement's inventory validation, kept in one place. Patterns are Python {@code re.search}
 * patterns: compiled with UNIX_LINES so that {@code $} also matches before one trailing newline
 * and {@code .} stops only at newline, exactly as in Python. The keys themselves are declared
 * once, in {@link dev.ptree.model.schema.ConfigSchema} and its siblings; the lists here derive
 * from them.
 */
public final class NovaSchema {
  private NovaSchema() {}

  public static final Pattern SCHEMA_VERSION = python("^1.([0-9]|[1-9][0-9]+)$");
  public static final Pattern UUID = python(
      "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$");
  public static final Pattern NAME_PATTERN = python("^[A-Z0-9_]{1,255}$");
  /** Placement's CUSTOM_RC_PATTERN and CUSTOM_TRAIT_PATTERN. */
  public static final Pattern PLACEMENT_CUSTOM = python("^CUSTOM_[A-Z0-9_]+$");
  public static final String COMPUTE_NODE = "$COMPUTE_NODE";
  public static final String CUSTOM_PREFIX = "CUSTOM_";
  public static final int NAME_MAX_LENGTH = 200;

  /** The record's integer fields, in {@link InventorySchema#RECORD}'s order. */
  public static final List<String> INTEGER_FIELDS = InventorySchema.RECORD.children().stream()
      .filter(k -> k.type() == Key.Type.INTEGER).map(Key::name).toList();
  /** In this order: InventoryRecord indexes its fields by position. */
  public static final List<String> RECORD_FIELDS = InventorySchema.RECORD.childNames();
  public static final String SOURCE_FILE_KEY = "__source_file";

  /** Placement: db_const.MAX_INT and SQL_SP_FLOAT_MAX. */
  public static final long MAX_INT = 2147483647L;
  public static final double SP_FLOAT_MAX = 3.40282e38;

  /**
   * Deepest collection nesting nova survives: PyYAML's composer recurses once per level and
   * nova, called from a shallow stack, dies with RecursionError at 490 nested block mappings
   * (492 flow sequences). nova-compute starts from a deeper stack, so 490 is the line.
   */
  public static final int NOVA_MAX_DEPTH = 489;
  /** Depth from which we warn that a deeper call stack in nova-compute may already crash. */
  public static final int NOVA_DEPTH_WARNING = 400;

  /** {@code re.search("^[A-Z0-9_]{1,255}$", name)}, without a regex (it runs per name). */
  public static boolean isName(String name) {
    int n = withoutFinalNewline(name);
    if (n < 1 || n > 255) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!nameChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Placement's {@code ^CUSTOM_[A-Z0-9_]+$}. */
  public static boolean isPlacementCustom(String name) {
    int n = withoutFinalNewline(name);
    if (n <= CUSTOM_PREFIX.length() || !name.startsWith(CUSTOM_PREFIX)) {
      return false;
    }
    for (int i = CUSTOM_PREFIX.length(); i < n; i++) {
      if (!nameChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The identification uuid pattern (either case), as Python's re.search applies it. */
  public static boolean isUuid(String value) {
    int n = withoutFinalNewline(value);
    if (n != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = value.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (dash ? c != '-' : !hex) {
        return false;
      }
    }
    return true;
  }

  /** Python's {@code $} also matches before one final newline. */
  private static int withoutFinalNewline(String s) {
    return s.endsWith("\n") ? s.length() - 1 : s.length();
  }

  private static boolean nameChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  public static Pattern python(String regex) {
    return Pattern.compile(regex, Pattern.UNIX_LINES);
  }

  public static boolean search(Pattern pattern, String text) {
    return pattern.matcher(text).find();
  }

  /** Placement's defaults for the integer fields a record leaves out. */
  public static long defaultOf(String field) {
    Key key = InventorySchema.RECORD.child(field);
    if (key == null || key.type() != Key.Type.INTEGER || key.defaultValue() == null) {
      throw new IllegalArgumentException(field);
    }
    return Long.parseLong(key.defaultValue());
  }
}
