package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderIndex;
import dev.ptree.text.Escaper;
import java.util.List;
import java.util.Locale;

/**
 * Why a new name cannot be given, or null when it can: the checks nova, Placement and the
 * workspace rules apply to a provider name, a uuid and a custom name, so a rename never creates
 * what the rules would then report as an error (a duplicate, an invalid name).
 */
final class RenameChecks {
  private RenameChecks() {}

  static String problem(Workspace ws, Rename.Kind kind, String name) {
    String text = text(name);
    if (text != null) {
      return text;
    }
    ProviderIndex index = ws.index();
    String q = Escaper.quote(name);
    switch (kind) {
      case PROVIDER_NAME -> {
        if (name.length() > NovaSchema.NAME_MAX_LENGTH) {
          return "a provider name has at most " + NovaSchema.NAME_MAX_LENGTH + " characters (Placement); "
              + q + " has " + name.length();
        }
        if (name.equals(NovaSchema.COMPUTE_NODE)) {
          return NovaSchema.COMPUTE_NODE + " is nova's sentinel for every compute node, not a provider name";
        }
        List<ProviderIndex.Located> same = index.withName(name);
        if (!same.isEmpty()) {
          return "a provider named " + q + " already exists in " + Escaper.escape(same.get(0).path())
              + "; provider names are unique";
        }
        List<ProviderIndex.Located> uuid = index.withUuid(name);
        if (!uuid.isEmpty()) {
          return q + " is the uuid of provider " + Escaper.quote(uuid.get(0).provider().label()) + " in "
              + Escaper.escape(uuid.get(0).path()) + "; nova would find that provider by this name (PT214)";
        }
      }
      case PROVIDER_UUID -> {
        if (!NovaSchema.isUuid(name) || name.endsWith("\n")) {
          return q + " is not a uuid (8-4-4-4-12 hexadecimal digits)";
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
          return q + " has upper-case letters; Placement holds uuids in lower case, so nothing would match it";
        }
        List<ProviderIndex.Located> same = index.withUuid(name);
        if (!same.isEmpty()) {
          return "provider " + Escaper.quote(same.get(0).provider().label()) + " in " + Escaper.escape(same.get(0).path())
              + " already has uuid " + q;
        }
      }
      case RESOURCE_CLASS, TRAIT -> {
        NameUse.Kind use = kind == Rename.Kind.TRAIT ? NameUse.Kind.TRAIT : NameUse.Kind.RESOURCE_CLASS;
        if (!NovaSchema.isPlacementCustom(name) || name.endsWith("\n")) {
          return q + " is not a custom " + use.singular() + ": " + NovaSchema.CUSTOM_PREFIX
              + " then upper-case letters, digits and _ (Placement's ^CUSTOM_[A-Z0-9_]+$)";
        }
        Names.Uses uses = Names.uses(ws, use, name);
        if (uses.total() > 0) {
          return q + " is already a " + use.singular() + " in " + uses.files() + (uses.files() == 1 ? " file" : " files")
              + "; renaming would merge the two";
        }
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  /** Text no name should hold: nothing, white space at an end, control or invisible characters. */
  private static String text(String name) {
    if (name.isEmpty()) {
      return "the new name is empty";
    }
    if (!name.strip().equals(name)) {
      return "the new name " + Escaper.quote(name) + " starts or ends with white space";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      int type = Character.getType(c);
      if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
          && !(Character.isSurrogatePair(c, i + 1 < name.length() ? name.charAt(i + 1) : 0)
          || i > 0 && Character.isSurrogatePair(name.charAt(i - 1), c))) {
        return "the new name " + Escaper.quote(name) + " holds a control, invisible or unpaired character";
      }
    }
    return null;
  }
}
