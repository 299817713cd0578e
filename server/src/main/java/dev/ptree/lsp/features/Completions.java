package dev.ptree.lsp.features;

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
import dev.ptree.model.TreeReader;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
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
 * Completion from the editor's current text, which may be mid-edit and not parse: the YAML path
 * at the cursor comes from {@link YamlContext} (indentation and the parent keys above), and the
 * snapshot supplies what the workspace knows (custom names in use, the providers to refer to).
 * Keys already written in the mapping are not offered again. Documentation is filled in by
 * {@link #resolve} from what each item carries in {@code data}.
 */
public final class Completions {
  private Completions() {}

  private static final String ITEM = YamlContext.ITEM;
  private static final List<String> COLLECTION_KEYS = List.of("meta", "providers", "identification",
      "inventories", "traits", "additional", "inventory", "children", "aggregates");

  /** Where the cursor is, in terms of the dialect's schema. */
  private enum Where {
    CONFIG_TOP, META, PROVIDER, IDENTIFICATION, INVENTORIES, TRAITS, INVENTORY_LIST, INVENTORY_ITEM,
    TRAIT_LIST, RECORD, TREE_TOP, TREE_PROVIDER, TREE_INVENTORY, TREE_TRAITS, TREE_CHILDREN, OTHER
  }

  /** `text` is the current editor text (the snapshot may lag it); items for the cursor at `offset`. */
  public static List<CompletionItem> complete(Workspace ws, String path, String text, int offset, Catalogue catalogue) {
    try {
      return compute(ws, path, text, offset, catalogue == null ? Catalogue.EMPTY : catalogue);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static List<CompletionItem> compute(Workspace ws, String path, String text, int offset, Catalogue catalogue) {
    if (path == null || text == null) {
      return List.of();
    }
    Workspace.Document d = ws == null ? null : ws.document(path);
    Boolean tree = dialect(d, path, text);
    if (tree == null) {
      return List.of();
    }
    YamlContext.Context c = YamlContext.at(text, offset);
    if (c == null) {
      return List.of();
    }
    Out out = new Out(new SourceText(text), new Span(c.replaceStart(), Math.max(c.replaceStart(), c.replaceEnd())),
        c.colonFollows());
    List<String> path0 = c.path();
    YamlContext.Slot slot = c.slot();
    Where where = tree ? treeWhere(path0) : configWhere(path0);
    // `- NAME` in a list of scalars is an item, not the first key of a mapping
    if (slot == YamlContext.Slot.KEY && !path0.isEmpty() && path0.get(path0.size() - 1).equals(ITEM)) {
      Where list = tree ? treeWhere(path0.subList(0, path0.size() - 1)) : configWhere(path0.subList(0, path0.size() - 1));
      if (list == Where.TRAIT_LIST || list == Where.TREE_TRAITS) {
        where = list;
        slot = YamlContext.Slot.ITEM;
      }
    }
    String dialect = tree ? "tree" : "config";
    switch (slot) {
      case KEY -> keys(ws, out, where, c, dialect, catalogue);
      case VALUE -> values(ws, out, where, c, d, path);
      case ITEM -> {
        if (where == Where.TRAIT_LIST) {
          customNames(ws, out, NameUse.Kind.TRAIT, c.items());
        } else if (where == Where.TREE_TRAITS) {
          standardAndCustom(ws, out, NameUse.Kind.TRAIT, catalogue, c.items());
        }
      }
    }
    return out.items;
  }

  /** true for a tree, false for a provider config, null for anything else. */
  private static Boolean dialect(Workspace.Document d, String path, String text) {
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    if (TreeReader.isJson(name)) {
      return null; // JSON trees: the cursor context is not read from indentation
    }
    if (d != null && d.kind() == Workspace.Kind.TREE) {
      return true;
    }
    if (d != null && d.kind() == Workspace.Kind.CONFIG) {
      return false;
    }
    if (TreeReader.isTreeFileName(name) || hasTopKey(text, TreeReader.VERSION_KEY)) {
      return true;
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
      return null;
    }
    if (Paths.folder(path).equals("provider_config") || Paths.folder(path).endsWith("/provider_config")
        || hasTopKey(text, "meta") || hasTopKey(text, "providers")) {
      return false;
    }
    return null;
  }

  private static boolean hasTopKey(String text, String key) {
    return text.startsWith(key + ":") || text.contains("\n" + key + ":");
  }

  private static Where configWhere(List<String> p) {
    int n = p.size();
    if (n == 0) {
      return Where.CONFIG_TOP;
    }
    if (n == 1) {
      return p.get(0).equals("meta") ? Where.META : Where.OTHER;
    }
    if (!p.get(0).equals("providers") || !p.get(1).equals(ITEM)) {
      return Where.OTHER;
    }
    List<String> rest = p.subList(2, n);
    return switch (String.join("/", rest)) {
      case "" -> Where.PROVIDER;
      case "identification" -> Where.IDENTIFICATION;
      case "inventories" -> Where.INVENTORIES;
      case "traits" -> Where.TRAITS;
      case "inventories/additional" -> Where.INVENTORY_LIST;
      case "inventories/additional/[]" -> Where.INVENTORY_ITEM;
      case "traits/additional" -> Where.TRAIT_LIST;
      default -> rest.size() == 4 && rest.get(0).equals("inventories") && rest.get(2).equals(ITEM)
          && !rest.get(3).equals(ITEM) ? Where.RECORD : Where.OTHER;
    };
  }

  private static Where treeWhere(List<String> p) {
    int n = p.size();
    if (n == 0) {
      return Where.TREE_TOP;
    }
    if (n < 2 || !p.get(0).equals("providers") || !p.get(1).equals(ITEM)) {
      return Where.OTHER;
    }
    int i = 2;
    while (i + 1 < n && p.get(i).equals("children") && p.get(i + 1).equals(ITEM)) {
      i += 2;
    }
    List<String> rest = p.subList(i, n);
    return switch (String.join("/", rest)) {
      case "" -> Where.TREE_PROVIDER;
      case "inventory" -> Where.TREE_INVENTORY;
      case "traits" -> Where.TREE_TRAITS;
      case "children" -> Where.TREE_CHILDREN;
      default -> rest.size() == 2 && rest.get(0).equals("inventory") && !rest.get(1).equals(ITEM)
          ? Where.RECORD : Where.OTHER;
    };
  }

  // ---------------------------------------------------------------- keys

  private static void keys(Workspace ws, Out out, Where where, YamlContext.Context c, String dialect, Catalogue catalogue) {
    Set<String> present = c.siblings();
    switch (where) {
      case CONFIG_TOP -> out.keys(NovaSchema.TOP_LEVEL_KEYS, present, dialect, where);
      case META -> out.keys(NovaSchema.META_KEYS, present, dialect, where);
      case PROVIDER -> out.keys(NovaSchema.PROVIDER_KEYS, present, dialect, where);
      case IDENTIFICATION -> {
        if (present.stream().noneMatch(NovaSchema.IDENTIFICATION_KEYS::contains)) {
          out.keys(NovaSchema.IDENTIFICATION_KEYS, present, dialect, where); // exactly one of them
        }
      }
      case INVENTORIES, TRAITS -> out.keys(NovaSchema.ADJECTIVE_KEYS, present, dialect, where);
      case INVENTORY_ITEM -> {
        if (present.isEmpty()) { // one resource class per item
          customNames(ws, out, NameUse.Kind.RESOURCE_CLASS, Set.of());
          out.asKeys();
        }
      }
      case RECORD -> out.keys(NovaSchema.RECORD_FIELDS, present, dialect, where);
      case TREE_TOP -> out.keys(TreeReader.TOP_LEVEL_KEYS, present, dialect, where);
      case TREE_PROVIDER -> {
        List<String> keys = new ArrayList<>(TreeReader.PROVIDER_KEYS);
        if (present.contains("parent") || present.contains("parent_provider_uuid")) {
          keys.remove("parent");
          keys.remove("parent_provider_uuid"); // the parent is given once
        }
        out.keys(keys, present, dialect, where);
      }
      case TREE_INVENTORY -> {
        standardAndCustom(ws, out, NameUse.Kind.RESOURCE_CLASS, catalogue, present);
        out.asKeys();
      }
      default -> { }
    }
  }

  // ---------------------------------------------------------------- values

  private static void values(Workspace ws, Out out, Where where, YamlContext.Context c, Workspace.Document d, String path) {
    String key = c.key();
    if (where == Where.META && "schema_version".equals(key)) {
      out.value("'1.0'", "the schema version as a string: nova reads 1.x", "schema_version");
    } else if (where == Where.TREE_TOP && TreeReader.VERSION_KEY.equals(key)) {
      out.value("'1.0'", "the tree format version as a string", TreeReader.VERSION_KEY);
    } else if (where == Where.TREE_TOP && "provider_configs".equals(key)) {
      String folder = Paths.folder(path);
      for (String dir : ws.context().configSets().keySet()) {
        if (dir == null) {
          continue;
        }
        String rel = folder.isEmpty() || folder.equals(".") ? dir
            : dir.startsWith(folder + "/") ? dir.substring(folder.length() + 1) : null;
        if (rel != null) {
          out.value(rel, "a provider config directory in the workspace", "provider_configs");
        }
      }
    } else if (where == Where.IDENTIFICATION && "uuid".equals(key)) {
      CompletionItem cn = out.add(NovaSchema.COMPUTE_NODE, CompletionItemKind.Constant, "0",
          "every compute-node root no other entry names", data("value", NovaSchema.COMPUTE_NODE, "config"));
      cn.setFilterText(NovaSchema.COMPUTE_NODE);
      providers(ws, out, c, d, true, false);
    } else if (where == Where.IDENTIFICATION && "name".equals(key)) {
      providers(ws, out, c, d, false, true);
    } else if (where == Where.TREE_PROVIDER && "parent".equals(key)) {
      providers(ws, out, c, d, true, true);
    } else if (where == Where.TREE_PROVIDER && ("parent_provider_uuid".equals(key) || "root_provider_uuid".equals(key))) {
      providers(ws, out, c, d, true, false);
    }
  }

  /**
   * Tree providers to refer to, by name and/or uuid. For a provider config, the providers of the
   * trees that bind its directory come first. Only those the typed text matches (its characters in
   * order, ignoring case) are offered, at most {@link #MAX_PROVIDER_ITEMS}: a workspace of 50,000
   * providers would otherwise answer every keystroke with all of them.
   */
  private static void providers(Workspace ws, Out out, YamlContext.Context c, Workspace.Document d, boolean uuids,
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
          data.addProperty("uuid", p.uuid());
          data.addProperty("path", f.path());
          reference(out, c, p.name(), p.name(), rank, "provider in " + f.path(), data);
          count++;
        }
        if (uuids && p.uuid() != null && (fuzzy(typed, p.uuid()) || p.name() != null && fuzzy(typed, p.name()))
            && seen.add("u" + p.uuid())) {
          JsonObject data = data("provider", p.label(), "tree");
          data.addProperty("uuid", p.uuid());
          data.addProperty("path", f.path());
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
  private static CompletionItem reference(Out out, YamlContext.Context c, String value, String filter, String rank,
      String detail, JsonObject data) {
    CompletionItem item = out.add(Escaper.escape(value), CompletionItemKind.Reference, rank, detail, data);
    item.getTextEdit().getLeft().setNewText(Scalars.yaml(value, c.quote()));
    item.setFilterText(filter);
    return item;
  }

  // ---------------------------------------------------------------- names

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
    o.addProperty("name", name);
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

    void keys(List<String> keys, Set<String> present, String dialect, Where where) {
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i);
        if (present.contains(key)) {
          continue;
        }
        JsonObject data = data("key", key, dialect);
        data.addProperty("where", where.name());
        CompletionItem item = add(key, CompletionItemKind.Property, String.format("%02d", i), null, data);
        if (!colonFollows) {
          item.getTextEdit().getLeft().setNewText(key + (COLLECTION_KEYS.contains(key) ? ":" : ": "));
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
      String doc = Docs.of(data, catalogue == null ? Catalogue.EMPTY : catalogue);
      if (doc != null) {
        item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, doc));
      }
      return item;
    } catch (RuntimeException e) {
      return item;
    }
  }
}
