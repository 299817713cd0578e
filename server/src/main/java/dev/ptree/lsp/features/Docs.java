package dev.ptree.lsp.features;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ptree.model.Catalogue;
import dev.ptree.model.NovaSchema;
import java.util.Map;

/** The documentation of completion items, built from what an item carries in its data. */
final class Docs {
  private Docs() {}

  private static final String RECORD_FIELD_NOTE = "\n\nPlacement checks integers in 1..2147483647"
      + " (`reserved` from 0).";

  private static final Map<String, String> RECORD = Map.of(
      "total", "Required. The amount of the resource the provider has." + RECORD_FIELD_NOTE,
      "reserved", "Held back from allocation. Default 0." + RECORD_FIELD_NOTE,
      "min_unit", "The smallest amount one allocation may take. Default 1." + RECORD_FIELD_NOTE,
      "max_unit", "The largest amount one allocation may take. Default 2147483647." + RECORD_FIELD_NOTE,
      "step_size", "Allocations are multiples of it. Default 1." + RECORD_FIELD_NOTE,
      "allocation_ratio", "The overcommit factor. Default 1.0. Capacity is"
          + " int((total − reserved) × allocation_ratio); Placement stores the ratio as a"
          + " single-precision float (1.1 becomes 1.100000023841858).");

  private static final Map<String, String> CONFIG = Map.ofEntries(
      Map.entry("meta", "The file's metadata: `schema_version`."),
      Map.entry("schema_version", "The schema version, a **string** `MAJOR.MINOR`: write `'1.0'`. Unquoted,"
          + " `1.0` is a float and nova fails with \"Unable to detect schema version\"."),
      Map.entry("providers", "The providers nova enriches: each has an `identification` and"
          + " `inventories` and/or `traits` to add."),
      Map.entry("identification", "Which provider the entry applies to: exactly one of `uuid` (a UUID,"
          + " or `$COMPUTE_NODE`) or `name`."),
      Map.entry("uuid", "The provider's UUID as Placement holds it (lower case), or `$COMPUTE_NODE`:"
          + " every root provider with the `COMPUTE_NODE` trait that no other entry names."),
      Map.entry("name", "The provider's name, 1 to 200 characters, compared exactly."),
      Map.entry("inventories", "Inventories nova adds to the provider, under `additional`."),
      Map.entry("traits", "Traits nova adds to the provider, under `additional`."));

  private static final Map<String, String> TREE = Map.ofEntries(
      Map.entry("provider_tree", "The format version, a string `'1.x'`. Required."),
      Map.entry("provider_configs", "Provider config directories (one, or a list) merged into this tree as"
          + " nova would, relative to this file."),
      Map.entry("providers", "The root providers, and any provider with a `parent` reference."),
      Map.entry("name", "Required; 1 to 200 characters, unique across the workspace (PT213)."),
      Map.entry("uuid", "A lower-case UUID, unique (PT212); generated at creation when absent (PT217)."),
      Map.entry("generation", "Placement's generation counter, an integer 0..2147483647 (PT216)."),
      Map.entry("traits", "A list of trait names: standard ones from os-traits, or `CUSTOM_` names."),
      Map.entry("aggregates", "A list of aggregate UUIDs."),
      Map.entry("inventory", "Resource class → record `{total, reserved, min_unit, max_unit, step_size,"
          + " allocation_ratio}`; `total` is required and Placement's defaults fill the rest."),
      Map.entry("children", "Nested providers: their parent is this provider."),
      Map.entry("parent", "The parent, by name or uuid, in any tree file of the workspace (PT210, PT211)."),
      Map.entry("parent_provider_uuid", "The parent's uuid (Placement's field name); must agree with the"
          + " shape (PT215)."),
      Map.entry("root_provider_uuid", "The root's uuid (Placement's field name); must agree with the"
          + " shape (PT215)."));

  static String of(JsonObject data, Catalogue catalogue) {
    String kind = string(data, "kind");
    String name = string(data, "name");
    String dialect = string(data, "dialect");
    if (kind == null || name == null) {
      return null;
    }
    return switch (kind) {
      case "key" -> key(name, dialect, string(data, "where"));
      case "trait", "rc" -> name(kind.equals("trait"), name, dialect, data, catalogue);
      case "custom-prefix" -> "nova accepts only custom " + ("trait".equals(string(data, "of")) ? "traits"
          : "resource classes") + " in a provider config: the name must match `^CUSTOM_[A-Z0-9_]+$`"
          + " (nova refuses the directory otherwise, PT108), with something after `CUSTOM_` (Placement"
          + " rejects a bare prefix, PT502).";
      case "provider" -> "Provider " + Md.code(name)
          + (string(data, "uuid") == null ? "" : " · uuid " + Md.code(string(data, "uuid")))
          + (string(data, "path") == null ? "" : "\n\nin " + Md.file(string(data, "path")));
      case "value" -> name.equals(NovaSchema.COMPUTE_NODE)
          ? "Applies the entry to every root provider with the `COMPUTE_NODE` trait, except roots another"
              + " entry names by name or uuid. Only as `uuid:`; as `name:` it is a literal name (PT204)."
          : null;
      default -> null;
    };
  }

  private static String key(String key, String dialect, String where) {
    if ("RECORD".equals(where)) {
      return RECORD.get(key);
    }
    if ("additional".equals(key)) {
      return "INVENTORIES".equals(where)
          ? "A list of one-key mappings: a `CUSTOM_` resource class → its record, `total` required."
          : "A list of `CUSTOM_` trait names.";
    }
    return ("tree".equals(dialect) ? TREE : CONFIG).get(key);
  }

  private static String name(boolean trait, String name, String dialect, JsonObject data, Catalogue catalogue) {
    boolean standard = trait ? catalogue.isStandardTrait(name) : catalogue.isStandardResourceClass(name);
    String what = trait ? "trait" : "resource class";
    StringBuilder sb = new StringBuilder(Md.code(name)).append(" — ");
    if (standard) {
      sb.append(trait ? "standard trait from os-traits" : "standard resource class from os-resource-classes");
      if (!catalogue.source().isEmpty()) {
        sb.append(" (catalogue: ").append(Md.text(catalogue.source())).append(')');
      }
    } else {
      sb.append("custom ").append(what);
      JsonElement uses = data.get("uses");
      if (uses != null && uses.isJsonPrimitive()) {
        int n = uses.getAsInt();
        sb.append(", written ").append(n == 1 ? "once" : n + " times").append(" in the workspace");
      }
      if ("config".equals(dialect)) {
        sb.append("\n\nnova creates custom ").append(trait ? "traits" : "resource classes")
            .append(" in Placement when it applies the config.");
      }
    }
    return sb.toString();
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
  }
}
