package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import dev.ptree.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;

/**
 * The other uses, in the same document, of the provider at the cursor. In a tree: the provider's
 * name and uuid (written: the declaration) and the {@code parent}, {@code parent_provider_uuid} and
 * {@code root_provider_uuid} references that resolve to it (read); a reference that resolves to
 * nothing highlights the references of the same value. In a provider config: every
 * identification with the same value, whether by name or uuid, since nova keys an entry by
 * {@code uuid or name}.
 */
public final class Highlights {
  private Highlights() {}

  public static List<DocumentHighlight> highlights(Workspace ws, String path, int offset) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      Locate.Hit hit = Locate.at(d, offset);
      if (hit == null) {
        return List.of();
      }
      SourceText text = d.source().text();
      java.util.Set<DocumentHighlight> out = new java.util.LinkedHashSet<>();
      if (hit.isTree()) {
        inTree(ws, d.tree(), hit, text, out);
      } else if (hit.isConfig() && hit.identification() != null) {
        String value = hit.identification().value();
        for (ProviderEntry e : d.config().providers()) {
          if (e.identification() != null && Objects.equals(value, e.identification().value())) {
            add(out, text, e.identification().entry().value().span(), DocumentHighlightKind.Write);
          }
        }
      }
      return new ArrayList<>(out);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static void inTree(Workspace ws, TreeFile tree, Locate.Hit hit, SourceText text, java.util.Set<DocumentHighlight> out) {
    ProviderIndex index = ws.index();
    ProviderIndex.Located target = Targets.provider(ws, hit);
    if (target == null) {
      if (hit.reference() == null) {
        return;
      }
      String value = hit.reference().value();
      for (TreeProvider p : tree.providers()) {
        for (TreeProvider.Reference r : new TreeProvider.Reference[] {p.parent(), p.root()}) {
          if (r != null && Objects.equals(r.value(), value)) {
            add(out, text, r.node().span(), DocumentHighlightKind.Read);
          }
        }
      }
      return;
    }
    if (target.file() == tree) {
      for (YScalar declared : new YScalar[] {target.provider().nameNode(), target.provider().uuidNode()}) {
        if (declared != null) {
          add(out, text, declared.span(), DocumentHighlightKind.Write);
        }
      }
    }
    for (Targets.ReferenceUse use : Targets.references(index, target, tree)) {
      add(out, text, use.reference().node().span(), DocumentHighlightKind.Read);
    }
  }

  private static void add(java.util.Set<DocumentHighlight> out, SourceText text, Span span, DocumentHighlightKind kind) {
    out.add(new DocumentHighlight(Positions.range(text, span), kind));
  }
}
