package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TraitItem;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.TreeReader;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.text.Span;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Rename of what the workspace refers to by text: a provider's name (its declaration in a tree,
 * the {@code parent} references that resolve to it, the config identifications {@code name: X}),
 * a provider's uuid (likewise, with {@code parent_provider_uuid} and {@code root_provider_uuid}),
 * and a {@code CUSTOM_} resource class or trait (every use in configs and trees). Each edit writes
 * the new text as the file's syntax needs it ({@link ScalarText}). A rename that would give two
 * providers one name or uuid, reuse a custom name, or write a name nova or Placement refuses is
 * refused with a message saying why.
 */
public final class Rename {
  private Rename() {}

  enum Kind { PROVIDER_NAME, PROVIDER_UUID, RESOURCE_CLASS, TRAIT }

  /** What the cursor names: its kind, the current text, and the scalar under the cursor. */
  record Target(Kind kind, String value, YScalar node) {}

  /** The range to rename (inside the quotes) and its text; null where nothing can be renamed. */
  public static PrepareRenameResult prepare(Workspace ws, String path, int offset) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      Target t = target(ws, d, offset);
      if (t == null) {
        return null;
      }
      Span s = t.node().span();
      Span inner = t.node().style().isQuoted() && s.length() >= 2 ? new Span(s.start() + 1, s.end() - 1) : s;
      return new PrepareRenameResult(Positions.range(d.source().text(), inner), t.value());
    } catch (RuntimeException e) {
      return null;
    }
  }

  public static WorkspaceEdit rename(Workspace ws, String path, int offset, String newName,
      Function<String, String> pathToUri) {
    Workspace.Document d = ws == null || path == null ? null : ws.document(path);
    Target t = target(ws, d, offset);
    if (t == null) {
      throw refused("nothing to rename here: put the cursor on a provider's name or uuid, a reference to one,"
          + " a config identification, or a CUSTOM_ resource class or trait");
    }
    String name = newName == null ? "" : newName;
    if (name.equals(t.value())) {
      return new WorkspaceEdit(Map.of());
    }
    String problem = RenameChecks.problem(ws, t.kind(), name);
    if (problem != null) {
      throw refused(problem);
    }
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (Workspace.Document doc : ws.documents()) {
      List<YScalar> nodes = uses(ws, doc, t);
      if (nodes.isEmpty()) {
        continue;
      }
      boolean json = TreeReader.isJson(doc.source().fileName());
      List<TextEdit> edits = new ArrayList<>();
      for (YScalar n : nodes) {
        edits.add(new TextEdit(Positions.range(doc.source().text(), n.span()), ScalarText.of(name, n, json)));
      }
      changes.put(pathToUri.apply(doc.path()), edits);
    }
    return new WorkspaceEdit(changes);
  }

  static ResponseErrorException refused(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
  }

  // ---------------------------------------------------------------- what the cursor names

  static Target target(Workspace ws, Workspace.Document d, int offset) {
    Locate.Hit hit = Locate.at(d, offset);
    if (hit == null) {
      return null;
    }
    if (hit.isTree()) {
      TreeProvider p = hit.provider();
      if (hit.onName() && p.name() != null) {
        return new Target(Kind.PROVIDER_NAME, p.name(), p.nameNode());
      }
      if (hit.onUuid() && p.uuid() != null) {
        return new Target(Kind.PROVIDER_UUID, p.uuid(), p.uuidNode());
      }
      if (hit.reference() != null) {
        ProviderIndex.Located to = ws.index().resolve(d.tree(), hit.reference());
        if (to == null) {
          return null;
        }
        boolean byUuid = hit.reference().value().equals(to.provider().uuid());
        return new Target(byUuid ? Kind.PROVIDER_UUID : Kind.PROVIDER_NAME, hit.reference().value(), hit.reference().node());
      }
    } else if (hit.isConfig() && hit.identification() != null && !hit.identification().isComputeNode()
        && hit.identification().entry().value() instanceof YScalar s) {
      boolean byUuid = hit.identification().method().equals(ConfigSchema.UUID.name());
      return new Target(byUuid ? Kind.PROVIDER_UUID : Kind.PROVIDER_NAME, hit.identification().value(), s);
    }
    if (!hit.isTree() && !hit.isConfig()) {
      return null;
    }
    if (hit.trait() != null && hit.trait().node() instanceof YScalar s && custom(hit.trait().name())) {
      return new Target(Kind.TRAIT, hit.trait().name(), s);
    }
    if (hit.onRecordKey() && hit.record().entry().key() instanceof YScalar s && custom(hit.record().resourceClass())) {
      return new Target(Kind.RESOURCE_CLASS, hit.record().resourceClass(), s);
    }
    return null;
  }

  private static boolean custom(String name) {
    return name != null && name.startsWith(NovaSchema.CUSTOM_PREFIX);
  }

  // ---------------------------------------------------------------- every use

  /** The scalars of one document that write the target, in document order. */
  private static List<YScalar> uses(Workspace ws, Workspace.Document d, Target t) {
    List<YScalar> out = new ArrayList<>();
    ProviderIndex index = ws.index();
    boolean names = t.kind() == Kind.PROVIDER_NAME;
    if (t.kind() == Kind.PROVIDER_NAME || t.kind() == Kind.PROVIDER_UUID) {
      if (d.tree() != null) {
        TreeFile f = d.tree();
        for (TreeProvider p : f.providers()) {
          YScalar own = names ? p.nameNode() : p.uuidNode();
          if (own != null && t.value().equals(names ? p.name() : p.uuid())) {
            out.add(own);
          }
          for (TreeProvider.Reference r : new TreeProvider.Reference[] {p.parent(), p.root()}) {
            if (r == null || !t.value().equals(r.value()) || names && r.byUuid()) {
              continue;
            }
            ProviderIndex.Located to = index.resolve(f, r);
            if (to != null && t.value().equals(names ? to.provider().name() : to.provider().uuid())) {
              out.add(r.node());
            }
          }
        }
      } else if (d.config() != null && d.kind() == Workspace.Kind.CONFIG) {
        String method = names ? ConfigSchema.NAME.name() : ConfigSchema.UUID.name();
        for (Targets.IdentificationUse use : Targets.identifications(ws, method, t.value())) {
          if (use.document() == d && use.entry().identification().entry().value() instanceof YScalar s) {
            out.add(s);
          }
        }
      }
    } else {
      NameUse.Kind kind = t.kind() == Kind.TRAIT ? NameUse.Kind.TRAIT : NameUse.Kind.RESOURCE_CLASS;
      List<ProviderEntry> entries = d.tree() != null ? d.tree().providers().stream().map(TreeProvider::entry).toList()
          : d.config() != null && d.kind() == Workspace.Kind.CONFIG ? d.config().providers() : List.of();
      for (ProviderEntry p : entries) {
        if (kind == NameUse.Kind.TRAIT) {
          for (TraitItem tr : p.traits()) {
            if (t.value().equals(tr.name()) && tr.node() instanceof YScalar s) {
              out.add(s);
            }
          }
        } else {
          for (InventoryRecord r : p.records()) {
            YNode key = r.entry().key();
            if (t.value().equals(r.resourceClass()) && key instanceof YScalar s) {
              out.add(s);
            }
          }
        }
      }
    }
    return dedupe(out);
  }

  private static List<YScalar> dedupe(List<YScalar> nodes) {
    List<YScalar> out = new ArrayList<>();
    java.util.Set<Span> seen = new java.util.HashSet<>();
    for (YScalar s : nodes) {
      if (seen.add(s.span())) {
        out.add(s); // an alias shares its anchor's node: one edit
      }
    }
    return out;
  }
}
