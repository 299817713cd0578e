package dev.ptree.lsp.features;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ptree.model.Catalogue;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.schema.Key;
import dev.ptree.model.schema.Schema;
import dev.ptree.model.schema.Schemas;
import java.util.ArrayList;
import java.util.List;

/**
 * The documentation of completion items, built from what an item carries in its data: a key's
 * comes from the schema it was offered from.
 */
final class Docs {
  private Docs() {}

  static String of(JsonObject data, Catalogue catalogue, Schemas schemas) {
    String kind = string(data, "kind");
    String name = string(data, "text");
    String dialect = string(data, "dialect");
    if (kind == null || name == null) {
      return null;
    }
    return switch (kind) {
      case "key" -> key(schemas.of(dialect), data.get("path"), name);
      case "trait", "rc" -> name(kind.equals("trait"), name, dialect, data, catalogue);
      case "custom-prefix" -> "nova accepts only custom " + ("trait".equals(string(data, "of")) ? NameUse.Kind.TRAIT
          : NameUse.Kind.RESOURCE_CLASS).plural() + " in a provider config: the name must match `^CUSTOM_[A-Z0-9_]+$`"
          + " (nova refuses the directory otherwise, PT108), with something after `CUSTOM_` (Placement"
          + " rejects a bare prefix, PT502).";
      case "provider" -> "Provider " + Md.code(name)
          + (string(data, "providerUuid") == null ? "" : " · uuid " + Md.code(string(data, "providerUuid")))
          + (string(data, "file") == null ? "" : "\n\nin " + Md.file(string(data, "file")));
      case "value" -> name.equals(NovaSchema.COMPUTE_NODE)
          ? "Applies the entry to every root provider with the `COMPUTE_NODE` trait, except roots another"
              + " entry names by name or uuid. Only as `uuid:`; as `name:` it is a literal name (PT204)."
          : null;
      default -> null;
    };
  }

  /** The documentation the schema declares for the key of the mapping at {@code path}. */
  private static String key(Schema schema, JsonElement path, String key) {
    if (path == null || !path.isJsonArray()) {
      return null;
    }
    List<String> at = new ArrayList<>();
    for (JsonElement e : path.getAsJsonArray()) {
      at.add(e.getAsString());
    }
    Key mapping = schema.at(at);
    Key k = mapping == null ? null : mapping.child(key);
    return k == null ? null : k.doc();
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
        sb.append("\n\nnova creates custom ").append((trait ? NameUse.Kind.TRAIT : NameUse.Kind.RESOURCE_CLASS).plural())
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
