package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.Capacity;
import dev.ptree.model.ConfigFile;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NovaMerge;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TraitItem;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline, workspace symbols, and navigation between a provider and what refers to it: tree
 * references ({@code parent}, {@code parent_provider_uuid}, {@code root_provider_uuid}) and the
 * provider config entries that nova's merge applies to it.
 */
public final class Navigation {
  private Navigation() {}

  /** At most this many workspace symbols: a picker gains nothing from more. */
  static final int MAX_WORKSPACE_SYMBOLS = 1000;

  // ---------------------------------------------------------------- outline

  public static List<DocumentSymbol> documentSymbols(Workspace ws, String path) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      if (d == null || Locate.root(d) == null) {
        return List.of();
      }
      SourceText text = d.source().text();
      return d.tree() != null ? treeOutline(d.tree(), text) : configOutline(d.config(), text);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static List<DocumentSymbol> configOutline(ConfigFile config, SourceText text) {
    List<DocumentSymbol> out = new ArrayList<>();
    YMapping top = config.rootMapping();
    YEntry meta = top == null ? null : top.effective(ConfigSchema.META.name());
    if (meta != null) {
      out.add(symbol(ConfigSchema.META.name(), null, SymbolKind.Namespace, Locate.span(meta), meta.keySpan(), text));
    }
    for (ProviderEntry p : config.providers()) {
      String label = p.identification() == null ? "provider #" + (p.index() + 1)
          : p.identification().method() + ": " + p.identification().value();
      Span select = p.identification() != null ? p.identification().entry().value().span() : first(p.item().span());
      DocumentSymbol s = symbol(label, null, SymbolKind.Object, p.item().span(), select, text);
      s.setChildren(contents(p.records(), p.traits(), text));
      out.add(s);
    }
    return out;
  }

  private static List<DocumentSymbol> treeOutline(TreeFile tree, SourceText text) {
    List<TreeProvider> providers = tree.providers();
    DocumentSymbol[] symbols = new DocumentSymbol[providers.size()];
    List<DocumentSymbol> out = new ArrayList<>();
    for (TreeProvider p : providers) {
      Span select = p.anchor();
      DocumentSymbol s = symbol(p.label(), p.name() != null ? p.uuid() : null, SymbolKind.Object, p.node().span(), select, text);
      s.setChildren(contents(p.records(), p.traits(), text));
      symbols[p.index()] = s;
      if (p.isNested() && symbols[p.nestedParent()] != null) {
        symbols[p.nestedParent()].getChildren().add(s);
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static List<DocumentSymbol> contents(List<InventoryRecord> records, List<TraitItem> traits, SourceText text) {
    List<DocumentSymbol> out = new ArrayList<>();
    for (InventoryRecord r : records) {
      if (r.resourceClass() == null) {
        continue;
      }
      Double capacity = Capacity.of(r);
      out.add(symbol(r.resourceClass(), capacity == null ? null : "capacity " + Capacity.show(capacity),
          SymbolKind.Property, Locate.span(r.entry()), r.entry().keySpan(), text));
    }
    for (TraitItem t : traits) {
      if (t.name() != null) {
        out.add(symbol(t.name(), "trait", SymbolKind.EnumMember, t.node().span(), t.node().span(), text));
      }
    }
    return out;
  }

  private static DocumentSymbol symbol(String name, String detail, SymbolKind kind, Span range, Span select, SourceText text) {
    Span outer = new Span(Math.min(range.start(), select.start()), Math.max(range.end(), select.end()));
    DocumentSymbol s = new DocumentSymbol(label(name), kind, Positions.range(text, outer), Positions.range(text, select),
        detail == null ? null : Escaper.escape(detail));
    s.setChildren(new ArrayList<>());
    return s;
  }

  /** A name as a symbol shows it: escaped, and never empty (clients refuse empty names). */
  private static String label(String name) {
    String s = Escaper.escape(name == null ? "" : name);
    return s.isBlank() ? "\"" + s + "\"" : s;
  }

  private static Span first(Span s) {
    return new Span(s.start(), Math.min(s.end(), s.start() + 1));
  }

  // ---------------------------------------------------------------- workspace symbols

  public static List<WorkspaceSymbol> workspaceSymbols(Workspace ws, String query, Function<String, String> pathToUri) {
    try {
      String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
      List<WorkspaceSymbol> out = new ArrayList<>();
      for (Workspace.Document d : ws.documents()) {
        if (out.size() >= MAX_WORKSPACE_SYMBOLS) {
          break;
        }
        SourceText text = d.source().text();
        if (d.tree() != null) {
          for (TreeProvider p : d.tree().providers()) {
            if (matches(q, p.name()) || matches(q, p.uuid()) || p.name() == null && p.uuid() == null && q.isEmpty()) {
              out.add(workspaceSymbol(p.label(), SymbolKind.Object, d.path(), text, p.anchor(), pathToUri));
            }
            if (out.size() >= MAX_WORKSPACE_SYMBOLS) {
              break;
            }
          }
        } else if (d.config() != null && d.kind() == Workspace.Kind.CONFIG) {
          for (ProviderEntry p : d.config().providers()) {
            if (p.identification() != null && matches(q, p.identification().value())) {
              out.add(workspaceSymbol(p.identification().method() + ": " + p.identification().value(),
                  SymbolKind.Interface, d.path(), text, p.identification().entry().value().span(), pathToUri));
            }
            if (out.size() >= MAX_WORKSPACE_SYMBOLS) {
              break;
            }
          }
        }
      }
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static boolean matches(String query, String value) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(query);
  }

  private static WorkspaceSymbol workspaceSymbol(String name, SymbolKind kind, String path, SourceText text, Span span,
      Function<String, String> pathToUri) {
    WorkspaceSymbol s = new WorkspaceSymbol(label(name), kind,
        Either.forLeft(new Location(pathToUri.apply(path), Positions.range(text, span))));
    s.setContainerName(Escaper.escape(path));
    return s;
  }

  // ---------------------------------------------------------------- definition and references

  /**
   * On a tree reference: the provider it names (every one of that name or uuid, the one the index
   * resolves to first). On a provider config identification: the tree providers the entry reaches
   * through the bindings, or, when no tree binds its directory, the providers of that name or uuid.
   * On a tree's {@code provider_configs}: the config files of that directory.
   */
  public static List<Location> definition(Workspace ws, String path, int offset, Function<String, String> pathToUri) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      Locate.Hit hit = Locate.at(d, offset);
      if (hit == null) {
        return List.of();
      }
      List<Location> out = new ArrayList<>();
      if (hit.reference() != null) {
        TreeProvider.Reference ref = hit.reference();
        ProviderIndex index = ws.index();
        Set<ProviderIndex.Located> targets = new LinkedHashSet<>();
        ProviderIndex.Located first = index.resolve(d.tree(), ref);
        if (first != null) {
          targets.add(first);
        }
        targets.addAll(index.withUuid(ref.value()));
        if (!ref.byUuid()) {
          targets.addAll(index.withName(ref.value()));
        }
        targets.forEach(t -> add(ws, out, t.path(), t.provider().anchor(), pathToUri));
      } else if (hit.identification() != null) {
        List<Matches.Result> results = Matches.of(ws, d, hit.entry());
        for (Matches.Result m : results) {
          for (TreeProvider t : m.applied()) {
            add(ws, out, m.tree().path(), t.anchor(), pathToUri);
          }
          for (TreeProvider t : m.conflicts()) {
            add(ws, out, m.tree().path(), t.anchor(), pathToUri);
          }
        }
        if (results.isEmpty() && !hit.identification().isComputeNode()) {
          String value = hit.identification().value();
          List<ProviderIndex.Located> found = hit.identification().method().equals(ConfigSchema.UUID.name())
              ? ws.index().withUuid(value) : ws.index().withName(value);
          found.forEach(t -> add(ws, out, t.path(), t.provider().anchor(), pathToUri));
        }
      } else if (hit.binding() != null) {
        var set = ws.context().configSets().get(hit.binding().directory());
        if (set != null) {
          set.files().forEach(f -> add(ws, out, f.path(), Span.at(0), pathToUri));
        }
      }
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * On a tree provider's name or uuid, or on a reference to one: every tree reference that
   * resolves to it and every provider config entry that nova's merge applies to it; with the
   * declaration (its name, else its uuid) when asked.
   */
  public static List<Location> references(Workspace ws, String path, int offset, boolean includeDeclaration,
      Function<String, String> pathToUri) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      Locate.Hit hit = Locate.at(d, offset);
      if (hit == null || d.tree() == null) {
        return List.of();
      }
      ProviderIndex index = ws.index();
      ProviderIndex.Located target = null;
      if (hit.provider() != null && (hit.onName() || hit.onUuid())) {
        target = index.locate(d.tree(), hit.provider());
      } else if (hit.reference() != null) {
        target = index.resolve(d.tree(), hit.reference());
      }
      if (target == null) {
        return List.of();
      }
      List<Location> out = new ArrayList<>();
      if (includeDeclaration) {
        add(ws, out, target.path(), target.provider().anchor(), pathToUri);
      }
      for (TreeFile f : index.files()) {
        for (TreeProvider p : f.providers()) {
          for (TreeProvider.Reference r : new TreeProvider.Reference[] {p.parent(), p.root()}) {
            if (r != null && same(index.resolve(f, r), target)) {
              add(ws, out, f.path(), r.node().span(), pathToUri);
            }
          }
        }
      }
      for (NovaMerge.Entry e : Matches.reaching(ws, target.file(), target.provider())) {
        add(ws, out, e.file().path(), e.provider().identification().entry().value().span(), pathToUri);
      }
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static boolean same(ProviderIndex.Located a, ProviderIndex.Located b) {
    return a != null && b != null && a.file() == b.file() && a.provider() == b.provider();
  }

  private static void add(Workspace ws, List<Location> out, String path, Span span, Function<String, String> pathToUri) {
    Workspace.Document d = ws.document(path);
    if (d == null) {
      return;
    }
    Location l = new Location(pathToUri.apply(path), Positions.range(d.source().text(), span));
    if (out.stream().noneMatch(o -> Objects.equals(o, l))) {
      out.add(l);
    }
  }

  // ---------------------------------------------------------------- selection ranges

  /**
   * For each offset, the chain of YAML nodes around it, innermost first: a scalar, its entry (key
   * and value), the mapping, the sequence, the entry that holds the sequence, and so on up to the
   * whole document. Where nothing encloses an offset, the empty range at it.
   */
  public static List<SelectionRange> selectionRanges(Workspace ws, String path, List<Integer> offsets) {
    List<SelectionRange> out = new ArrayList<>();
    if (offsets == null) {
      return out;
    }
    Workspace.Document d = ws == null || path == null ? null : ws.document(path);
    for (Integer offset : offsets) {
      int at = offset == null ? 0 : offset;
      SelectionRange r;
      try {
        r = d == null ? null : selection(d, at);
      } catch (RuntimeException e) {
        r = null;
      }
      if (r == null) {
        SourceText text = d == null ? new SourceText("") : d.source().text();
        Range empty = Positions.range(text, Span.at(Math.max(0, Math.min(at, text.length()))));
        r = new SelectionRange(empty, null);
      }
      out.add(r);
    }
    return out;
  }

  private static SelectionRange selection(Workspace.Document d, int offset) {
    List<Locate.Step> chain = Locate.chain(Locate.root(d), offset);
    if (chain.isEmpty()) {
      return null;
    }
    List<Span> spans = new ArrayList<>();
    for (Locate.Step step : chain) {
      if (step.entry() != null) {
        spans.add(Locate.span(step.entry()));
      }
      spans.add(step.node().span());
    }
    SourceText text = d.source().text();
    SelectionRange parent = null;
    Span last = null;
    // outermost first; each range must contain the next, so an entry is added only around its node
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      if (s.equals(last) || last != null && (s.start() < last.start() || s.end() > last.end())) {
        continue;
      }
      parent = new SelectionRange(Positions.range(text, s), parent);
      last = s;
    }
    return parent;
  }
}
