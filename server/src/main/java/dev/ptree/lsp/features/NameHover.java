package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.Catalogue;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;

/**
 * Hover on a trait or resource class name: its catalogue entry, or whether Placement creates or
 * rejects it, and where the workspace writes it.
 */
final class NameHover {
  private NameHover() {}

  /** On a trait or a resource class name. */
  static String markdown(Workspace ws, Locate.Hit hit, NameUse.Kind kind, String name, Catalogue catalogue) {
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(kind == NameUse.Kind.TRAIT ? "Trait" : "Resource class").append("** ").append(Md.code(name));
    boolean standard = kind == NameUse.Kind.TRAIT ? catalogue.isStandardTrait(name) : catalogue.isStandardResourceClass(name);
    if (standard) {
      sb.append("\n\n").append(kind == NameUse.Kind.TRAIT ? "standard trait from os-traits"
          : "standard resource class from os-resource-classes");
      if (!catalogue.source().isEmpty()) {
        sb.append(" (catalogue: ").append(Md.text(catalogue.source())).append(')');
      }
      if (hit.isConfig()) {
        sb.append("\n\nProvider configs may add only `CUSTOM_` names: nova refuses this one (PT108).");
      }
      return sb.toString();
    }
    if (NovaSchema.isPlacementCustom(name)) {
      sb.append("\n\ncustom ").append(kind.singular()).append(": Placement creates it when it is first used.");
    } else {
      sb.append("\n\nnot a standard ").append(kind.singular()).append(" in the catalogue and not a `CUSTOM_` name:"
          + " Placement rejects it.");
    }
    Names.Uses uses = Names.uses(ws, kind, name);
    if (!uses.configs().isEmpty()) {
      sb.append("\n\nDefined by provider configs (nova creates it in Placement):");
      uses.configs().forEach((path, n) -> sb.append("\n- ").append(Md.file(path)).append(": ").append(times(n)));
    }
    if (!uses.trees().isEmpty()) {
      sb.append("\n\nUsed in provider trees:");
      uses.trees().forEach((path, n) -> sb.append("\n- ").append(Md.file(path)).append(": ").append(times(n)));
    }
    sb.append("\n\n").append(uses.total() == 1 ? "Written once" : "Written " + uses.total() + " times")
        .append(" in ").append(uses.files() == 1 ? "1 file" : uses.files() + " files").append('.');
    return sb.toString();
  }

  private static String times(int n) {
    return n == 1 ? "1 time" : n + " times";
  }
}
