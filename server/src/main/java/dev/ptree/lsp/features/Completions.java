package dev.ptree.lsp.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.Catalogue;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.Paths;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.schema.Key;
import dev.ptree.model.schema.Schema;
import dev.ptree.model.schema.Schemas;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import dev.ptree.yaml.CursorPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion from the editor's current text, which may be mid-edit and not parse: the YAML layer
 * answers the path at the cursor ({@link CursorPath}, a tolerant reading of half-typed text), the
 * dialect's {@link Schema} says what belongs there (keys, names, values), and the snapshot
 * supplies what the workspace knows (custom names in use, the providers to refer to). Keys
 * already written in the mapping are not offered again. Documentation is filled in by
 * {@link #resolve} from what each item carries in {@code data}.
 */
public final class Completions {
  private Completions() {}

  /** `text` is the current editor text (the snapshot may lag it); items for the cursor at `offset`. */
  public static List<CompletionItem> complete(Workspace ws, String path, String text, int offset, Catalogue catalogue) {
    return complete(ws, path, text, offset, catalogue, Schemas.DEFAULT);
  }

  static List<CompletionItem> complete(Workspace ws, String path, String text, int offset, Catalogue catalogue,
      Schemas schemas) {
    try {
      return compute(ws, path, text, offset, catalogue == null ? Catalogue.EMPTY : catalogue, schemas);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static List<CompletionItem> compute(Workspace ws, String path, String text, int offset, Catalogue catalogue,
      Schemas schemas) {
    if (path == null || text == null) {
      return List.of();
    }
    Workspace.Document d = ws == null ? null : ws.document(path);
    Boolean tree = EditorDialect.of(d, path, text);
    if (tree == null) {
      return List.of();
    }
    CursorPath c = CursorPath.at(text, offset);
    if (c == null) {
      return List.of();
    }
    Out out = new Out(new SourceText(text), new Span(c.replaceStart(), Math.max(c.replaceStart(), c.replaceEnd())),
        c.colonFollows());
    Schema schema = schemas.of(tree);
    List<String> at = c.path();
    CursorPath.Slot slot = c.slot();
    Key node = schema.at(at);
    // `- NAME` in a list of names is an item, not the first key of a mapping
    if (slot == CursorPath.Slot.KEY && !at.isEmpty() && at.get(at.size() - 1).equals(Schema.ITEM)) {
      Key list = schema.at(at.subList(0, at.size() - 1));
      if (list != null && list.type() == Key.Type.LIST && list.names() != null) {
        node = list;
        slot = CursorPath.Slot.ITEM;
      }
    }
    if (node == null) {
      return List.of();
    }
    String dialect = tree ? "tree" : "config";
    switch (slot) {
      case KEY -> keys(ws, out, node, at, c.siblings(), dialect, catalogue);
      case VALUE -> values(ws, out, node.child(c.key()), c, d, path);
      case ITEM -> {
        if (node.type() == Key.Type.LIST && node.names() != null) {
          names(ws, out, node.names(), catalogue, c.items());
        }
      }
    }
    return out.items;
  }

  // ---------------------------------------------------------------- keys

  /**
   * The keys of the mapping at {@code at}: its declared keys not yet written (of alternatives,
   * none once one is written), or the names its keys are, up to its number of entries.
   */
  private static void keys(Workspace ws, Out out, Key mapping, List<String> at, Set<String> present, String dialect,
      Catalogue catalogue) {
    if (mapping.type() != Key.Type.MAPPING) {
      return;
    }
    if (mapping.names() != null) {
      if (mapping.max() == null || present.size() < mapping.max().intValue()) {
        names(ws, out, mapping.names(), catalogue, present);
        out.asKeys();
      }
      return;
    }
    Set<String> written = new java.util.HashSet<>();
    for (Key k : mapping.children()) {
      if (k.oneOfGroup() != null && present.contains(k.name())) {
        written.add(k.oneOfGroup());
      }
    }
    List<Key> offered = mapping.children().stream()
        .filter(k -> k.oneOfGroup() == null || !written.contains(k.oneOfGroup())).toList();
    out.keys(offered, present, dialect, at);
  }

  // ---------------------------------------------------------------- values

  private static void values(Workspace ws, Out out, Key key, CursorPath c, Workspace.Document d, String path) {
    if (key == null) {
      return;
    }
    switch (key.values()) {
      case SUGGESTION -> out.value(key.suggestion(), key.suggestionDetail(), key.name());
      case CONFIG_DIRECTORIES -> {
        String folder = Paths.folder(path);
        for (String dir : ws.context().configSets().keySet()) {
          if (dir == null) {
            continue;
          }
          String rel = folder.isEmpty() || folder.equals(".") ? dir
              : dir.startsWith(folder + "/") ? dir.substring(folder.length() + 1) : null;
          if (rel != null) {
            out.value(rel, "a provider config directory in the workspace", key.name());
          }
        }
      }
      case COMPUTE_NODE_OR_PROVIDER_UUID -> {
        CompletionItem cn = out.add(NovaSchema.COMPUTE_NODE, CompletionItemKind.Constant, "0",
            "every compute-node root no other entry names", data("value", NovaSchema.COMPUTE_NODE, "config"));
        cn.setFilterText(NovaSchema.COMPUTE_NODE);
        providers(ws, out, c, d, true, false);
      }
      case PROVIDER_NAME -> providers(ws, out, c, d, false, true);
      case PROVIDER -> providers(ws, out, c, d, true, true);
      case PROVIDER_UUID -> providers(ws, out, c, d, true, false);
      default -> { }
    }
  }

  /**
   * Tree providers to refer to, by name and/or uuid. For a provider config, the providers of the
   * trees that bind its directory come first. Only those the typed text matches (its characters in
   * order, ignoring case) are offered, at most {@link #MAX_PROVIDER_ITEMS}: a workspace of 50,000
   * providers would otherwise answer every keystroke with all of them.
   */
  private static void providers(Workspace ws, Out out, CursorPath c, Workspace.Document d, boolean uuids,
      boolean names) {
    Set<TreeFile> bound = new java.util.HashSet<>();
    if (d != null && d.kind() == Workspace.Kind.CONFIG) {
      for (WorkspaceContext.Bound b : Matches.bindings(ws, d)) {
        bound.add(b.tree());
      }
    }
    String typed = c.prefix().toLowerCase(java.util.Locale.ROOT);
    Set<String> seen = new java.util.HashSet<>();
    int count = 0;
    for (TreeFile f : ws.index().files()) {
      for (TreeProvider p : f.providers()) {
        if (count >= MAX_PROVIDER_ITEMS) {
          return;
        }
        String rank = bound.isEmpty() || bound.contains(f) ? "1" : "2";
        if (names && p.name() != null && fuzzy(typed, p.name()) && seen.add("n" + p.name())) {
          JsonObject data = data("provider", p.name(), "tree");
          data.addProperty("providerUuid", p.uuid());
          data.addProperty("file", f.path());
          reference(out, c, p.name(), p.name(), rank, "provider in " + f.path(), data);
          count++;
        }
        if (uuids && p.uuid() != null && (fuzzy(typed, p.uuid()) || p.name() != null && fuzzy(typed, p.name()))
            && seen.add("u" + p.uuid())) {
          JsonObject data = data("provider", p.label(), "tree");
          data.addProperty("providerUuid", p.uuid());
          data.addProperty("file", f.path());
          CompletionItem item = reference(out, c, p.uuid(), p.uuid() + " " + p.label(), rank,
              p.label() + " in " + f.path(), data);
          item.setFilterText(p.uuid() + " " + p.label());
          count++;
        }
      }
    }
  }

  /** At most this many provider references per completion. */
  static final int MAX_PROVIDER_ITEMS = 500;

  /** Whether the typed characters (already lower case) occur in the value in order, ignoring case. */
  private static boolean fuzzy(String typed, String value) {
    int at = 0;
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      while (at < value.length() && Character.toLowerCase(value.charAt(at)) != c) {
        at++;
      }
      if (at == value.length()) {
        return false;
      }
      at++;
    }
    return true;
  }

  /**
   * A provider name or uuid as a value: the label shows it escaped, the edit writes it as a YAML
   * scalar that reads back as the same string (quoted where a plain scalar would not, or inside the
   * quotes the user opened).
   */
  private static CompletionItem reference(Out out, CursorPath c, String value, String filter, String rank,
      String detail, JsonObject data) {
    CompletionItem item = out.add(Escaper.escape(value), CompletionItemKind.Reference, rank, detail, data);
    item.getTextEdit().getLeft().setNewText(Scalars.yaml(value, c.quote()));
    item.setFilterText(filter);
    return item;
  }

  // ---------------------------------------------------------------- names

  private static void names(Workspace ws, Out out, Key.Names names, Catalogue catalogue, Set<String> present) {
    if (names.customOnly()) {
      customNames(ws, out, names.kind(), present);
    } else {
      standardAndCustom(ws, out, names.kind(), catalogue, present);
    }
  }

  /** For provider configs: only CUSTOM_ names, those the workspace uses and nova's prefix itself. */
  private static void customNames(Workspace ws, Out out, NameUse.Kind kind, Set<String> present) {
    for (Map.Entry<String, Integer> e : Names.all(ws, kind).entrySet()) {
      String name = e.getKey();
      if (NovaSchema.isPlacementCustom(name) && !present.contains(name)) {
        JsonObject data = data(kind == NameUse.Kind.TRAIT ? "trait" : "rc", name, "config");
        data.addProperty("uses", e.getValue());
        out.add(name, CompletionItemKind.EnumMember, "1", "custom " + kind.singular() + " · "
            + (e.getValue() == 1 ? "used once" : "used " + e.getValue() + " times") + " in the workspace", data);
      }
    }
    JsonObject data = data("custom-prefix", NovaSchema.CUSTOM_PREFIX, "config");
    data.addProperty("of", kind == NameUse.Kind.TRAIT ? "trait" : "rc");
    CompletionItem prefix = out.add(NovaSchema.CUSTOM_PREFIX, CompletionItemKind.Snippet, "2",
        "nova accepts only CUSTOM_ " + kind.plural() + " here", data);
    prefix.getTextEdit().getLeft().setNewText(NovaSchema.CUSTOM_PREFIX);
  }

  /** For trees: the catalogue's standard names first, then the custom ones the workspace uses. */
  private static void standardAndCustom(Workspace ws, Out out, NameUse.Kind kind, Catalogue catalogue, Set<String> present) {
    List<String> standard = kind == NameUse.Kind.TRAIT ? catalogue.traits() : catalogue.resourceClasses();
    String k = kind == NameUse.Kind.TRAIT ? "trait" : "rc";
    for (String name : standard) {
      if (!present.contains(name)) {
        out.add(name, CompletionItemKind.EnumMember, "1", "standard " + kind.singular(), data(k, name, "tree"));
      }
    }
    for (Map.Entry<String, Integer> e : Names.all(ws, kind).entrySet()) {
      String name = e.getKey();
      if (!present.contains(name) && !(kind == NameUse.Kind.TRAIT ? catalogue.isStandardTrait(name)
          : catalogue.isStandardResourceClass(name)) && NovaSchema.isPlacementCustom(name)) {
        JsonObject data = data(k, name, "tree");
        data.addProperty("uses", e.getValue());
        out.add(name, CompletionItemKind.EnumMember, "2", "custom " + kind.singular() + " · "
            + (e.getValue() == 1 ? "used once" : "used " + e.getValue() + " times") + " in the workspace", data);
      }
    }
  }

  private static JsonObject data(String kind, String name, String dialect) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", kind);
    o.addProperty("text", name);
    o.addProperty("dialect", dialect);
    return o;
  }

  /** Collects items, each replacing the token being typed. */
  private static final class Out {
    final SourceText text;
    final Span replace;
    final boolean colonFollows;
    final List<CompletionItem> items = new ArrayList<>();

    Out(SourceText text, Span replace, boolean colonFollows) {
      this.text = text;
      this.replace = replace;
      this.colonFollows = colonFollows;
    }

    CompletionItem add(String label, CompletionItemKind kind, String rank, String detail, JsonObject data) {
      CompletionItem item = new CompletionItem(label);
      item.setKind(kind);
      item.setDetail(detail == null ? null : Escaper.escape(detail));
      item.setSortText(rank + "_" + label);
      item.setTextEdit(Either.forLeft(new TextEdit(Positions.range(text, replace), label)));
      item.setData(data);
      items.add(item);
      return item;
    }

    void keys(List<Key> keys, Set<String> present, String dialect, List<String> at) {
      JsonArray path = new JsonArray();
      at.forEach(path::add);
      for (int i = 0; i < keys.size(); i++) {
        Key key = keys.get(i);
        if (present.contains(key.name())) {
          continue;
        }
        JsonObject data = data("key", key.name(), dialect);
        data.add("path", path);
        CompletionItem item = add(key.name(), CompletionItemKind.Property, String.format("%02d", i), null, data);
        if (!colonFollows) {
          item.getTextEdit().getLeft().setNewText(key.name() + (key.type().isCollection() ? ":" : ": "));
        }
      }
    }

    /** Resource classes are keys: their colon follows unless it is written (not after nova's bare prefix). */
    void asKeys() {
      if (colonFollows) {
        return;
      }
      for (CompletionItem item : items) {
        TextEdit edit = item.getTextEdit().getLeft();
        if (!edit.getNewText().equals(NovaSchema.CUSTOM_PREFIX)) {
          edit.setNewText(edit.getNewText() + ":");
        }
      }
    }

    void value(String value, String detail, String key) {
      add(value, CompletionItemKind.Value, "0", detail, data("value", value, key));
    }
  }

  // ---------------------------------------------------------------- resolve

  /** Fills documentation lazily (completionItem/resolve) from the item's {@code data}. */
  public static CompletionItem resolve(CompletionItem item, Catalogue catalogue) {
    return resolve(item, catalogue, Schemas.DEFAULT);
  }

  static CompletionItem resolve(CompletionItem item, Catalogue catalogue, Schemas schemas) {
    try {
      if (item == null || item.getDocumentation() != null) {
        return item;
      }
      Object raw = item.getData();
      JsonObject data = raw instanceof JsonObject o ? o
          : raw instanceof JsonElement e && e.isJsonObject() ? e.getAsJsonObject() : null;
      if (data == null) {
        return item;
      }
      String doc = Docs.of(data, catalogue == null ? Catalogue.EMPTY : catalogue, schemas);
      if (doc != null) {
        item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
      }
      return item;
    } catch (RuntimeException e) {
      return item;
    }
  }
}
