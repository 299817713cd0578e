package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeProvider;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;

/**
 * Code lenses for what nova's merge does, where a tree binds the config set: over each provider
 * config entry, "applies to N providers" (or "matches no provider"); over each provider of a
 * bound tree, "changed by N config entries". Each lens carries the locations, and its command is
 * VS Code's {@code editor.action.showReferences} with the arguments that command takes (the
 * document URI, the lens position and the locations); other clients read the locations from the
 * same arguments.
 */
public final class CodeLenses {
  private CodeLenses() {}

  public static final String SHOW_REFERENCES = "editor.action.showReferences";

  public static List<CodeLens> lenses(Workspace ws, String path, Function<String, String> pathToUri) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      if (d == null || Locate.root(d) == null) {
        return List.of();
      }
      List<CodeLens> out = new ArrayList<>();
      SourceText text = d.source().text();
      String uri = pathToUri.apply(path);
      if (d.tree() != null) {
        if (!EntryReach.isBound(ws, d.tree())) {
          return out;
        }
        Map<TreeProvider, List<NovaMerge.Entry>> reaching = EntryReach.ofTree(ws, d.tree());
        for (TreeProvider p : d.tree().providers()) {
          java.util.Set<Location> at = new java.util.LinkedHashSet<>();
          for (NovaMerge.Entry e : reaching.getOrDefault(p, List.of())) {
            add(ws, at, e.file().path(), e.provider().identification().entry().value().span(), pathToUri);
          }
          int n = at.size();
          String title = n == 0 ? "changed by no config entry" : "changed by " + n + (n == 1 ? " config entry" : " config entries");
          out.add(lens(text, uri, p.anchor(), title, at));
        }
      } else if (d.kind() == Workspace.Kind.CONFIG && EntryReach.bindings(ws, d) > 0) {
        for (Map.Entry<ProviderEntry, EntryReach.Reached> e : EntryReach.ofConfig(ws, d).entrySet()) {
          ProviderEntry p = e.getKey();
          EntryReach.Reached r = e.getValue();
          java.util.Set<Location> at = new java.util.LinkedHashSet<>(); // $COMPUTE_NODE reaches every root
          for (EntryReach.Target t : r.applied()) {
            add(ws, at, t.tree().path(), t.provider().anchor(), pathToUri);
          }
          for (EntryReach.Target t : r.conflicts()) {
            add(ws, at, t.tree().path(), t.provider().anchor(), pathToUri);
          }
          int n = at.size();
          String title = n == 0 ? "matches no provider" : "applies to " + n + (n == 1 ? " provider" : " providers");
          if (r.dropped()) {
            title += " (no-op entry, dropped)";
          } else if (r.shadowed()) {
            title += " (identification repeated)";
          } else if (!r.conflicts().isEmpty()) {
            title += " (" + r.conflicts().size() + " matched twice)";
          }
          out.add(lens(text, uri, p.identification().entry().value().span(), title, at));
        }
        out.sort(java.util.Comparator.comparingInt((CodeLens l) -> l.getRange().getStart().getLine()));
      }
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static CodeLens lens(SourceText text, String uri, Span span, String title, java.util.Set<Location> locations) {
    var range = Positions.range(text, span);
    Command command = new Command(title, SHOW_REFERENCES, List.of(uri, range.getStart(), new ArrayList<>(locations)));
    return new CodeLens(range, command, null);
  }

  private static void add(Workspace ws, java.util.Set<Location> out, String path, Span span, Function<String, String> pathToUri) {
    Workspace.Document d = ws.document(path);
    if (d != null) {
      out.add(new Location(pathToUri.apply(path), Positions.range(d.source().text(), span)));
    }
  }
}
