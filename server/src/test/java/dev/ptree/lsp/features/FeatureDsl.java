package dev.ptree.lsp.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.io.CatalogueLoader;
import dev.ptree.lsp.Positions;
import dev.ptree.model.Catalogue;
import dev.ptree.model.SourceDocument;
import dev.ptree.text.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.WorkspaceSymbol;

/**
 * Assertions at the feature boundary. A workspace is written as files, path then text; one
 * {@code |} in one file marks the cursor ({@link Files#cursor()}), or a cursor is placed by a
 * snippet of one file with the {@code |} in it ({@link Files#at}):
 *
 * <pre>
 * files("provider_config/a.yaml", CONFIG, "host.ptree.yaml", TREE)
 *     .at("provider_config/a.yaml", "to|tal: 4").hover().contains("capacity 3");
 * </pre>
 *
 * Locations are compared by path and by the text their range covers, so a range off by one
 * UTF-16 unit (an astral character, a CRLF) shows up as the wrong text.
 */
final class FeatureDsl {
  static final Catalogue CATALOGUE = CatalogueLoader.bundled();
  static final String URI_PREFIX = "file:///ws/";
  static final Function<String, String> TO_URI = p -> URI_PREFIX + p;

  private FeatureDsl() {}

  /** Path, text, path, text, ... */
  static Files files(String... pathsAndTexts) {
    if (pathsAndTexts.length % 2 != 0) {
      throw new IllegalArgumentException("files(path, text, path, text, ...)");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      m.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return new Files(m);
  }

  static Files files(Map<String, String> texts) {
    return new Files(new LinkedHashMap<>(texts));
  }

  static final class Files {
    final Map<String, String> texts = new LinkedHashMap<>();
    String cursorPath;
    int cursorOffset = -1;
    private Workspace workspace;

    Files(Map<String, String> raw) {
      for (Map.Entry<String, String> e : raw.entrySet()) {
        String t = e.getValue();
        int bar = t.indexOf('|');
        if (bar >= 0) {
          if (cursorPath != null || t.indexOf('|', bar + 1) >= 0) {
            throw new IllegalArgumentException("one | in one file marks the cursor; found more");
          }
          cursorPath = e.getKey();
          cursorOffset = bar;
          t = t.substring(0, bar) + t.substring(bar + 1);
        }
        texts.put(e.getKey(), t);
      }
    }

    Workspace workspace() {
      if (workspace == null) {
        List<Workspace.Input> inputs = new ArrayList<>();
        texts.forEach((p, t) -> inputs.add(new Workspace.Input(SourceDocument.of(p, t), Workspace.Kind.AUTO)));
        workspace = Workspace.empty(Settings.DEFAULT, m -> { }).update(inputs);
      }
      return workspace;
    }

    /** The cursor the files mark with their one {@code |}. */
    Cursor cursor() {
      if (cursorPath == null) {
        fail("no file marks the cursor with |");
      }
      return new Cursor(this, cursorPath, texts.get(cursorPath), cursorOffset);
    }

    /** The cursor at the {@code |} of a snippet found once in the file. */
    Cursor at(String path, String snippet) {
      String text = texts.get(path);
      assertThat(text).as("file %s", path).isNotNull();
      int bar = snippet.indexOf('|');
      assertThat(bar).as("the snippet marks the cursor with |").isGreaterThanOrEqualTo(0);
      String plain = snippet.substring(0, bar) + snippet.substring(bar + 1);
      int at = text.indexOf(plain);
      assertThat(at).as("snippet %s in %s", plain, path).isGreaterThanOrEqualTo(0);
      assertThat(text.indexOf(plain, at + 1)).as("snippet %s found once in %s", plain, path).isLessThan(0);
      return new Cursor(this, path, text, at + bar);
    }

    /**
     * Completion while the editor holds {@code textWithCursor} (one {@code |}) for a file, and the
     * snapshot still has the text the files gave.
     */
    Cursor editing(String path, String textWithCursor) {
      int bar = textWithCursor.indexOf('|');
      assertThat(bar).isGreaterThanOrEqualTo(0);
      return new Cursor(this, path, textWithCursor.substring(0, bar) + textWithCursor.substring(bar + 1), bar);
    }

    Outline outline(String path) {
      return new Outline(Navigation.documentSymbols(workspace(), path));
    }

    Strings workspaceSymbols(String query) {
      List<WorkspaceSymbol> symbols = Navigation.workspaceSymbols(workspace(), query, TO_URI);
      return new Strings(symbols.stream().map(WorkspaceSymbol::getName).toList());
    }

    /** The inlay hints of a whole file, each as an empty range at its position with its label. */
    FeatureAsserts.Ranges inlayHints(String path) {
      return inlayHints(path, InlayHints.Enabled.ALL);
    }

    FeatureAsserts.Ranges inlayHints(String path, InlayHints.Enabled enabled) {
      return new FeatureAsserts.Ranges(this, InlayHints.hints(workspace(), path, null, enabled).stream()
          .map(h -> new FeatureAsserts.At(path, new Range(h.getPosition(), h.getPosition()), h.getLabel().getLeft()))
          .toList());
    }

    /** The code lenses of a file, each as its range with its title. */
    FeatureAsserts.Ranges codeLenses(String path) {
      return new FeatureAsserts.Ranges(this, CodeLenses.lenses(workspace(), path, TO_URI).stream()
          .map(l -> new FeatureAsserts.At(path, l.getRange(), l.getCommand().getTitle())).toList());
    }

    /** The locations the code lens titled {@code title} shows. */
    @SuppressWarnings("unchecked")
    LocationAssert codeLensLocations(String path, String title) {
      var lens = CodeLenses.lenses(workspace(), path, TO_URI).stream()
          .filter(l -> l.getCommand().getTitle().equals(title)).findFirst()
          .orElseThrow(() -> new AssertionError("no code lens " + title));
      assertThat(lens.getCommand().getCommand()).isEqualTo(CodeLenses.SHOW_REFERENCES);
      List<Object> args = lens.getCommand().getArguments();
      assertThat(args.get(0)).isEqualTo(TO_URI.apply(path));
      assertThat(args.get(1)).isEqualTo(lens.getRange().getStart());
      return new LocationAssert(this, (List<Location>) args.get(2));
    }

    /** The document links of a file, each labelled with its target; a rule's page is {@code rule:CODE} here. */
    FeatureAsserts.Ranges links(String path) {
      return new FeatureAsserts.Ranges(this, DocumentLinks.links(workspace(), path, TO_URI, code -> "rule:" + code).stream()
          .map(l -> new FeatureAsserts.At(path, l.getRange(),
              l.getTarget().startsWith(URI_PREFIX) ? l.getTarget().substring(URI_PREFIX.length()) : l.getTarget()))
          .toList());
    }

    /** The text a location covers, for comparison. */
    String textOf(Location l) {
      assertThat(l.getUri()).startsWith(URI_PREFIX);
      String path = l.getUri().substring(URI_PREFIX.length());
      SourceText text = new SourceText(texts.get(path));
      var span = Positions.span(text, l.getRange());
      return text.slice(span);
    }
  }

  static final class Cursor {
    final Files files;
    final String path;
    final String text;
    final int offset;

    Cursor(Files files, String path, String text, int offset) {
      this.files = files;
      this.path = path;
      this.text = text;
      this.offset = offset;
    }

    HoverAssert hover() {
      return new HoverAssert(this, Hovers.hover(files.workspace(), path, offset, CATALOGUE));
    }

    CompletionAssert completions() {
      return new CompletionAssert(this, Completions.complete(files.workspace(), path, text, offset, CATALOGUE));
    }

    LocationAssert definition() {
      return new LocationAssert(files, Navigation.definition(files.workspace(), path, offset, TO_URI));
    }

    LocationAssert references() {
      return references(true);
    }

    LocationAssert references(boolean includeDeclaration) {
      return new LocationAssert(files, Navigation.references(files.workspace(), path, offset, includeDeclaration, TO_URI));
    }

    /** The document highlights at the cursor, each labelled with its kind. */
    FeatureAsserts.Ranges highlights() {
      return new FeatureAsserts.Ranges(files, Highlights.highlights(files.workspace(), path, offset).stream()
          .map(h -> new FeatureAsserts.At(path, h.getRange(), String.valueOf(h.getKind()))).toList());
    }

    /** prepareRename at the cursor: the range it renames, labelled with the placeholder; empty when none. */
    FeatureAsserts.Ranges prepareRename() {
      var r = Rename.prepare(files.workspace(), path, offset);
      return new FeatureAsserts.Ranges(files, r == null ? List.of()
          : List.of(new FeatureAsserts.At(path, r.getRange(), r.getPlaceholder())));
    }

    /** The files after the rename's edits are applied, or the message it was refused with. */
    FeatureAsserts.Renamed rename(String newName) {
      return FeatureAsserts.Renamed.of(files, () -> Rename.rename(files.workspace(), path, offset, newName, TO_URI));
    }

    /** The selection ranges at the cursor as the texts they cover, innermost first. */
    Strings selection() {
      List<SelectionRange> ranges = Navigation.selectionRanges(files.workspace(), path, List.of(offset));
      assertThat(ranges).hasSize(1);
      SourceText source = new SourceText(text);
      List<String> out = new ArrayList<>();
      for (SelectionRange r = ranges.get(0); r != null; r = r.getParent()) {
        out.add(source.slice(Positions.span(source, r.getRange())));
      }
      return new Strings(out);
    }
  }

  static final class HoverAssert {
    final Cursor cursor;
    final Hover hover;

    HoverAssert(Cursor cursor, Hover hover) {
      this.cursor = cursor;
      this.hover = hover;
    }

    String markdown() {
      assertThat(hover).as("a hover").isNotNull();
      MarkupContent content = hover.getContents().getRight();
      assertThat(content.getKind()).isEqualTo("markdown");
      return content.getValue();
    }

    HoverAssert contains(String... parts) {
      assertThat(markdown()).contains(parts);
      return this;
    }

    HoverAssert doesNotContain(String... parts) {
      assertThat(markdown()).doesNotContain(parts);
      return this;
    }

    HoverAssert isNull() {
      assertThat(hover).as("no hover").isNull();
      return this;
    }

    /** The text the hover's range covers. */
    HoverAssert covers(String expected) {
      assertThat(hover.getRange()).isNotNull();
      SourceText source = new SourceText(cursor.text);
      assertThat(source.slice(Positions.span(source, hover.getRange()))).isEqualTo(expected);
      return this;
    }
  }

  static final class CompletionAssert {
    final Cursor cursor;
    final List<CompletionItem> items;

    CompletionAssert(Cursor cursor, List<CompletionItem> items) {
      this.cursor = cursor;
      this.items = items;
    }

    List<String> labels() {
      return items.stream().map(CompletionItem::getLabel).toList();
    }

    CompletionAssert contains(String... labels) {
      assertThat(labels()).contains(labels);
      return this;
    }

    CompletionAssert doesNotContain(String... labels) {
      assertThat(labels()).doesNotContain(labels);
      return this;
    }

    CompletionAssert containsExactly(String... labels) {
      assertThat(labels()).containsExactlyInAnyOrder(labels);
      return this;
    }

    CompletionAssert isEmpty() {
      assertThat(labels()).isEmpty();
      return this;
    }

    CompletionItem item(String label) {
      return items.stream().filter(i -> i.getLabel().equals(label)).findFirst()
          .orElseThrow(() -> new AssertionError("no item " + label + " in " + labels()));
    }

    /** {@code first} sorts before {@code second}, as the client orders by sortText. */
    CompletionAssert ranksBefore(String first, String second) {
      assertThat(sortKey(item(first))).isLessThan(sortKey(item(second)));
      return this;
    }

    private static String sortKey(CompletionItem i) {
      return i.getSortText() != null ? i.getSortText() : i.getLabel();
    }

    /** The item's edit replaces exactly {@code typed} and inserts {@code inserted}. */
    CompletionAssert edits(String label, String typed, String inserted) {
      CompletionItem i = item(label);
      var edit = i.getTextEdit().getLeft();
      SourceText source = new SourceText(cursor.text);
      Range r = edit.getRange();
      assertThat(source.slice(Positions.span(source, r))).as("replaced text").isEqualTo(typed);
      assertThat(edit.getNewText()).isEqualTo(inserted);
      return this;
    }

    /** The documentation of an item after completionItem/resolve. */
    String resolved(String label) {
      CompletionItem i = Completions.resolve(item(label), CATALOGUE);
      assertThat(i.getDocumentation()).as("documentation of %s", label).isNotNull();
      return i.getDocumentation().getRight().getValue();
    }
  }

  static final class LocationAssert {
    final Files files;
    final List<Location> locations;

    LocationAssert(Files files, List<Location> locations) {
      this.files = files;
      this.locations = locations;
    }

    List<String> described() {
      return locations.stream().map(l -> l.getUri().substring(URI_PREFIX.length()) + ":" + files.textOf(l)).toList();
    }

    /** Some location is in {@code path} and covers exactly {@code text}. */
    LocationAssert pointsTo(String path, String text) {
      assertThat(described()).contains(path + ":" + text);
      return this;
    }

    /**
     * Some location covers exactly the part of a snippet between « and »; the snippet (without
     * the marks) occurs once in the file.
     */
    LocationAssert pointsAt(String path, String marked) {
      assertThat(spans()).contains(path + "@" + marked(path, marked));
      return this;
    }

    LocationAssert doesNotPointAt(String path, String marked) {
      assertThat(spans()).doesNotContain(path + "@" + marked(path, marked));
      return this;
    }

    private List<String> spans() {
      return locations.stream().map(l -> {
        String path = l.getUri().substring(URI_PREFIX.length());
        var span = Positions.span(new SourceText(files.texts.get(path)), l.getRange());
        return path + "@" + span.start() + "-" + span.end();
      }).toList();
    }

    private String marked(String path, String marked) {
      int open = marked.indexOf('\u00AB');
      int close = marked.indexOf('\u00BB');
      assertThat(open).as("« and » mark the range").isGreaterThanOrEqualTo(0).isLessThan(close);
      String plain = marked.substring(0, open) + marked.substring(open + 1, close) + marked.substring(close + 1);
      String text = files.texts.get(path);
      int at = text.indexOf(plain);
      assertThat(at).as("snippet %s in %s", plain, path).isGreaterThanOrEqualTo(0);
      assertThat(text.indexOf(plain, at + 1)).as("snippet %s found once", plain).isLessThan(0);
      return (at + open) + "-" + (at + close - 1);
    }

    LocationAssert doesNotPointTo(String path, String text) {
      assertThat(described()).doesNotContain(path + ":" + text);
      return this;
    }

    LocationAssert count(int n) {
      assertThat(described()).hasSize(n);
      return this;
    }

    LocationAssert isEmpty() {
      return count(0);
    }
  }

  /** A document outline as text: {@code name[child, child[grandchild]]}. */
  static final class Outline {
    final List<DocumentSymbol> symbols;

    Outline(List<DocumentSymbol> symbols) {
      this.symbols = symbols;
    }

    String render() {
      return render(symbols);
    }

    private static String render(List<DocumentSymbol> list) {
      return list.stream().map(s -> s.getName() + (s.getChildren() == null || s.getChildren().isEmpty() ? ""
          : "[" + render(s.getChildren()) + "]")).collect(Collectors.joining(", "));
    }

    Outline is(String expected) {
      assertThat(render()).isEqualTo(expected);
      return this;
    }

    /** Every symbol's selection range lies in its range, and every child's range in its parent's. */
    Outline isWellFormed() {
      check(symbols, null);
      return this;
    }

    private static void check(List<DocumentSymbol> list, Range parent) {
      for (DocumentSymbol s : list) {
        assertThat(within(s.getSelectionRange(), s.getRange())).as("selection of %s", s.getName()).isTrue();
        if (parent != null) {
          assertThat(within(s.getRange(), parent)).as("range of %s", s.getName()).isTrue();
        }
        assertThat(s.getName()).isNotBlank();
        if (s.getChildren() != null) {
          check(s.getChildren(), s.getRange());
        }
      }
    }

    private static boolean within(Range inner, Range outer) {
      return compare(outer.getStart(), inner.getStart()) <= 0 && compare(inner.getEnd(), outer.getEnd()) <= 0;
    }

    private static int compare(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
      return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
          : Integer.compare(a.getCharacter(), b.getCharacter());
    }
  }

  static final class Strings {
    final List<String> values;

    Strings(List<String> values) {
      this.values = values;
    }

    Strings are(String... expected) {
      assertThat(values).containsExactly(expected);
      return this;
    }

    Strings startWith(String... expected) {
      assertThat(values).startsWith(expected);
      return this;
    }

    Strings contain(String... expected) {
      assertThat(values).contains(expected);
      return this;
    }

    Strings doNotContain(String... expected) {
      assertThat(values).doesNotContain(expected);
      return this;
    }
  }
}
