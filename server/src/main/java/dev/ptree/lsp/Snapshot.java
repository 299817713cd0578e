package dev.ptree.lsp;

import dev.ptree.engine.Workspace;
import java.util.Map;

/**
 * One analysed workspace as the server serves it: the engine's snapshot, and the editor's version
 * of each open document's text in it. A version goes in with the text it names and comes out with
 * that text's findings, so a publish or an edit computed on this snapshot names the version it
 * was computed on. A path without a version holds text read from disk.
 */
record Snapshot(Workspace workspace, Map<String, Integer> versions) {
  Snapshot {
    versions = Map.copyOf(versions);
  }

  /** The editor's version of the text this snapshot holds for the path, or null for disk text. */
  Integer version(String path) {
    return versions.get(path);
  }
}
