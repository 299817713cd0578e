package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * The tree provider a cursor names, and the places that name it: tree references that resolve to
 * it, and provider config identifications with its name or uuid. Highlight and rename share it.
 */
final class Targets {
  private Targets() {}

  /** A tree reference and the file it is written in. */
  record ReferenceUse(TreeFile file, TreeProvider.Reference reference) {}

  /** A provider config entry's identification and the document it is written in. */
  record IdentificationUse(Workspace.Document document, ProviderEntry entry) {}

  /** On a tree provider's name or uuid, or on a reference that resolves: that provider; else null. */
  static ProviderIndex.Located provider(Workspace ws, Locate.Hit hit) {
    if (hit == null || hit.document().tree() == null) {
      return null;
    }
    TreeFile tree = hit.document().tree();
    if (hit.provider() != null && (hit.onName() || hit.onUuid())) {
      return ws.index().locate(tree, hit.provider());
    }
    if (hit.reference() != null) {
      return ws.index().resolve(tree, hit.reference());
    }
    return null;
  }

  /** Every tree reference of the workspace (or of one file, when given) that resolves to the target. */
  static List<ReferenceUse> references(ProviderIndex index, ProviderIndex.Located target, TreeFile only) {
    List<ReferenceUse> out = new ArrayList<>();
    for (TreeFile f : only != null ? List.of(only) : index.files()) {
      for (TreeProvider p : f.providers()) {
        for (TreeProvider.Reference r : new TreeProvider.Reference[] {p.parent(), p.root()}) {
          if (r != null && same(index.resolve(f, r), target)) {
            out.add(new ReferenceUse(f, r));
          }
        }
      }
    }
    return out;
  }

  /** Every provider config identification of the workspace whose value is {@code value} (by name or uuid as asked). */
  static List<IdentificationUse> identifications(Workspace ws, String method, String value) {
    List<IdentificationUse> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (Workspace.Document d : ws.documents()) {
      if (d.config() == null || d.kind() != Workspace.Kind.CONFIG) {
        continue;
      }
      for (ProviderEntry e : d.config().providers()) {
        if (e.identification() != null && value.equals(e.identification().value())
            && (method == null || method.equals(e.identification().method()))) {
          out.add(new IdentificationUse(d, e));
        }
      }
    }
    return out;
  }

  static boolean same(ProviderIndex.Located a, ProviderIndex.Located b) {
    return a != null && b != null && a.file() == b.file() && a.provider() == b.provider();
  }
}
