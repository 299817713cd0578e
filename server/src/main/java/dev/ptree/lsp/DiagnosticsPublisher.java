package dev.ptree.lsp;

import dev.ptree.engine.Workspace;
import dev.ptree.rules.Finding;
import dev.ptree.text.SourceText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  DiagnosticsPublisher(Supplier<PtreeClient> client, DocumentUris uris, Predicate<String> isOpen, RuleDocPages pages,
      Consumer<Map<String, Object>> status, PullDiagnostics pull) {
    this.pull = pull;
    this.client = client;
    this.uris = uris;
    this.isOpen = isOpen;
    this.pages = pages;
    this.status = status;
  }

  /** Publishes what changed in this snapshot against what the client was sent before. */
  synchronized void publish(Snapshot snapshot) {
    Workspace ws = snapshot.workspace();
    int files = 0;
    List<String> changedFiles = new ArrayList<>();
    for (Workspace.Document d : ws.documents()) {
      String path = d.path();
      boolean ignored = d.kind() == Workspace.Kind.IGNORED;
      files += ignored ? 0 : 1;
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
    for (var it = sent.entrySet().iterator(); it.hasNext();) {
      var e = it.next();
      if (ws.document(e.getKey()) == null) {
        it.remove();
        if (!e.getValue().findings().isEmpty()) {
          send(ws, e.getKey(), null, List.of(), null); // gone from the workspace: its diagnostics go too
        }
      }
    }
    PtreeClient c = client.get();
    if (c != null && pull.refreshAfter(changedFiles)) {
      try {
        c.refreshDiagnostics().exceptionally(e -> null);
      } catch (RuntimeException e) {
        // the client is gone
      }
    }
    status.accept(Map.of("state", "ready", "files", files));
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
