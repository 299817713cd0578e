package dev.ptree.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Between the editor's URIs and the snapshot's paths: a file URI's key is its file path, any other
 * URI is its own key; a path is named back with the URI the editor used for it.
 */
final class DocumentUris {
  private final Map<String, String> known = new ConcurrentHashMap<>();

  /** The document path (the snapshot's key) of a URI: the file path for file URIs. */
  String path(String uri) {
    try {
      URI u = URI.create(uri);
      if ("file".equalsIgnoreCase(u.getScheme())) {
        return Path.of(u).toString();
      }
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      // not a file URI we can map: the URI itself is the key
    }
    return uri;
  }

  /** The URI to name a path by: the editor's, else the file's. */
  String uri(String path) {
    String editor = known.get(path);
    if (editor != null) {
      return editor;
    }
    try {
      return Path.of(path).toUri().toString();
    } catch (RuntimeException e) {
      return path;
    }
  }

  /** Names the path by this URI from now on (the editor's spelling wins: it is set first). */
  void remember(String path, String uri) {
    known.putIfAbsent(path, uri);
  }

  /** The editor opened the path under this URI: it is named so from now on. */
  void editorNames(String path, String uri) {
    known.put(path, uri);
  }
}
