package dev.ptree.lsp;

import dev.ptree.engine.Workspace;

/**
 * Inlay hints and code lenses read other files: a tree's lenses count the config entries that
 * change its providers, a config entry's hint and lens count the tree providers it reaches. After
 * a snapshot that changed a tree file, or a provider config of a folder a tree binds, the client
 * is asked to request them again ({@code refresh}), for the other documents it shows.
 */
final class EditorFeatureRefresh {
  private final Runnable refresh;
  private Workspace last;

  EditorFeatureRefresh(Runnable refresh) {
    this.refresh = refresh;
  }

  synchronized void after(Snapshot snapshot) {
    Workspace now = snapshot.workspace();
    Workspace before = last;
    last = now;
    if (before == null || before == now) {
      return;
    }
    for (String path : now.documentsChangedSince(before)) {
      if (readElsewhere(now, path) || readElsewhere(before, path)) {
        refresh.run();
        return;
      }
    }
  }

  /** Whether another file's hints or lenses read this document. */
  private static boolean readElsewhere(Workspace ws, String path) {
    Workspace.Document d = ws.document(path);
    return d != null && (d.kind() == Workspace.Kind.TREE
        || d.kind() == Workspace.Kind.CONFIG && ws.bound(d.directory()));
  }
}
