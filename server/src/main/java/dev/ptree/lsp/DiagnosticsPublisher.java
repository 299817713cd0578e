package dev.ptree.lsp;

import dev.ptree.engine.Workspace;
import dev.ptree.rules.Finding;
import dev.ptree.text.SourceText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Sends each analysed snapshot's diagnostics to the client, for the files whose findings changed
 * only. A file the client holds no diagnostics for and that has none is never sent (a scan of a
 * clean repository sends nothing); a file whose findings go is sent once with an empty list. An
 * open document is sent for each new version the editor gave it, with that version: the editor
 * learns that its latest text was checked.
 */
final class DiagnosticsPublisher {
  /** What the client was last told about a file (or, for a clean closed file, nothing: no entry). */
  private record Sent(List<Finding> findings, Integer version) {}

  private final Map<String, Sent> sent = new HashMap<>();
  private final Supplier<PtreeClient> client;
  private final DocumentUris uris;
  private final Predicate<String> isOpen;
  private final RuleDocPages pages;
  private final Consumer<Map<String, Object>> status;
  private final PullDiagnostics pull;
  private final Supplier<Collection<String>> openPaths;
  /** The snapshot published last: the next publish looks only at what changed since. */
  private Workspace last;

  DiagnosticsPublisher(Supplier<PtreeClient> client, DocumentUris uris, Predicate<String> isOpen,
      Supplier<Collection<String>> openPaths, RuleDocPages pages, Consumer<Map<String, Object>> status,
      PullDiagnostics pull) {
    this.pull = pull;
    this.openPaths = openPaths;
    this.client = client;
    this.uris = uris;
    this.isOpen = isOpen;
    this.pages = pages;
    this.status = status;
  }

  /**
   * Publishes what changed in this snapshot against what the client was sent before. It looks
   * only at the paths whose findings changed since the last snapshot published (the engine lists
   * them at the cost of the change) and at the open documents, whose versions move on their own.
   */
  synchronized void publish(Snapshot snapshot) {
    Workspace ws = snapshot.workspace();
    Set<String> candidates = new LinkedHashSet<>();
    if (last == null) {
      ws.documents().forEach(d -> candidates.add(d.path()));
      candidates.addAll(sent.keySet());
    } else {
      candidates.addAll(ws.findingsChangedSince(last));
      candidates.addAll(openPaths.get());
    }
    List<String> changedFiles = new ArrayList<>();
    for (String path : candidates) {
      Workspace.Document d = ws.document(path);
      if (d == null) {
        Sent before = sent.remove(path);
        if (before != null && !before.findings().isEmpty()) {
          send(ws, path, null, List.of(), null); // gone from the workspace: its diagnostics go too
          changedFiles.add(path);
        }
        continue;
      }
      boolean ignored = d.kind() == Workspace.Kind.IGNORED;
      Integer version = snapshot.version(path);
      if (version == null && isOpen.test(path)) {
        continue; // the disk's text of a document the editor opened since: its own text follows, with its version
      }
      List<Finding> findings = ws.findings(path);
      Sent before = sent.get(path);
      List<Finding> told = before == null ? List.of() : before.findings();
      boolean changed = told != findings && !told.equals(findings);
      boolean newVersion = version != null && !ignored && (before == null || !version.equals(before.version()));
      if (changed) {
        changedFiles.add(path);
      }
      if (changed || newVersion) {
        send(ws, path, d.source().text(), findings, version);
      }
      if (findings.isEmpty() && version == null) {
        sent.remove(path);
      } else if (before == null || changed || !Objects.equals(before.version(), version)) {
        sent.put(path, new Sent(findings, version));
      }
    }
    last = ws;
    PtreeClient c = client.get();
    if (c != null && pull.refreshAfter(changedFiles)) {
      try {
        c.refreshDiagnostics().exceptionally(e -> null);
      } catch (RuntimeException e) {
        // the client is gone
      }
    }
    status.accept(Map.of("state", "ready", "files", ws.documents().size()));
  }

  private void send(Workspace ws, String path, SourceText text, List<Finding> findings, Integer version) {
    PtreeClient c = client.get();
    if (c == null || pull.pulling()) {
      return; // a client that pulls gets nothing pushed
    }
    List<Diagnostic> diagnostics = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      diagnostics.add(diagnostic(ws, f, text));
    }
    PublishDiagnosticsParams p = new PublishDiagnosticsParams(uris.uri(path), diagnostics);
    p.setVersion(version);
    try {
      c.publishDiagnostics(p);
    } catch (RuntimeException e) {
      // the client is gone: nothing more to tell it
    }
  }

  /** A finding of a document of this snapshot, whose text is {@code text}, as an LSP diagnostic. */
  Diagnostic diagnostic(Workspace ws, Finding f, SourceText text) {
    return DiagnosticMapper.toDiagnostic(f, text, path -> {
      Workspace.Document other = ws.document(path);
      return other == null ? null : other.source().text();
    }, uris::uri, pages::link);
  }
}
