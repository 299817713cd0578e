package dev.ptree.lsp;

import dev.ptree.model.SourceDocument;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The documents the editor has open: each one's text and the version the editor gave it. An edit
 * is applied to the text here and the result, with its version, is what the server analyses.
 */
final class OpenDocuments {
  /** An open document: the editor's text, kept with its line index for the next edit, and its version. */
  record Text(String uri, int version, SourceDocument source) {
    String path() {
      return source.path();
    }
  }

  private final Map<String, Text> open = new ConcurrentHashMap<>();
  private final Consumer<String> log;

  OpenDocuments(Consumer<String> log) {
    this.log = log;
  }

  boolean isOpen(String path) {
    return open.containsKey(path);
  }

  /** The paths of the open documents. */
  Collection<String> paths() {
    return List.copyOf(open.keySet());
  }

  Collection<Text> all() {
    return List.copyOf(open.values());
  }

  Text open(String uri, String path, int version, String text) {
    Text t = new Text(uri, version, SourceDocument.of(path, text));
    open.put(path, t);
    return t;
  }

  /**
   * The document after these changes, or null when the change is ignored (not open, or a version
   * not newer than the one held): a stale edit must not overwrite the editor's newer text.
   */
  Text change(String uri, String path, Integer version, List<TextDocumentContentChangeEvent> changes) {
    Text doc = open.get(path);
    if (doc == null) {
      log.accept("didChange for a document that is not open: " + Escaper.escape(uri) + "; ignored");
      return null;
    }
    if (version != null && version <= doc.version()) {
      log.accept("didChange with stale version " + version + " (have " + doc.version() + ") for "
          + Escaper.escape(uri) + "; ignored");
      return null;
    }
    // The first change reads positions with the line index already built for the text.
    SourceText current = doc.source().text();
    for (TextDocumentContentChangeEvent change : changes) {
      if (change.getRange() == null) {
        current = new SourceText(change.getText());
      } else {
        Span span = Positions.span(current, change.getRange());
        current = current.edited(span.start(), span.end(), change.getText());
      }
    }
    Text next = new Text(uri, version == null ? doc.version() + 1 : version, SourceDocument.of(path, current));
    open.put(path, next);
    return next;
  }

  void close(String path) {
    open.remove(path);
  }
}
