package dev.ptree.lsp;

import dev.ptree.engine.Workspace;
import dev.ptree.rules.Finding;
import dev.ptree.text.SourceText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.PreviousResultId;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceUnchangedDocumentDiagnosticReport;

/**
 * Pull diagnostics (LSP 3.17): {@code textDocument/diagnostic} and {@code workspace/diagnostic}.
 * A client that declares it pulls ({@code textDocument.diagnostic}) gets no pushed diagnostics.
 * A file's result id names the findings list the snapshot holds for it: the snapshot keeps the
 * same list while the file's findings are unchanged, so a pull with that id is answered
 * {@code unchanged}. Findings depend on other files (duplicates across a directory, configs
 * merged into a tree), so when a snapshot changes the findings of a file the editor did not just
 * edit, the client is asked to pull again ({@code workspace/diagnostic/refresh}).
 */
final class PullDiagnostics {
  static final String IDENTIFIER = "ptree";

  private record Answered(List<Finding> findings, String resultId) {}

  private volatile boolean pulling;
  private volatile boolean refreshSupport;
  private final Map<String, Answered> answered = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  /** The documents the editor changed since the last snapshot was published. */
  private final Set<String> edited = ConcurrentHashMap.newKeySet();

  /** What the server advertises: findings depend on other files; the whole workspace can be pulled. */
  static DiagnosticRegistrationOptions options() {
    DiagnosticRegistrationOptions o = new DiagnosticRegistrationOptions(true, true);
    o.setIdentifier(IDENTIFIER);
    return o;
  }

  void configure(ClientCapabilities caps) {
    pulling = caps != null && caps.getTextDocument() != null && caps.getTextDocument().getDiagnostic() != null;
    refreshSupport = caps != null && caps.getWorkspace() != null && caps.getWorkspace().getDiagnostics() != null
        && Boolean.TRUE.equals(caps.getWorkspace().getDiagnostics().getRefreshSupport());
  }

  /** Whether the client pulls: then nothing is pushed to it. */
  boolean pulling() {
    return pulling;
  }

  /** The editor changed a document: its client pulls for it by itself. */
  void edited(String path) {
    if (pulling) {
      edited.add(path);
    }
  }

  /**
   * After a snapshot: whether to ask the client to pull again, because the findings of a file
   * other than the ones just edited changed.
   */
  boolean refreshAfter(Collection<String> changed) {
    if (!pulling) {
      return false;
    }
    List<String> justEdited = new ArrayList<>(edited);
    edited.removeAll(justEdited);
    return refreshSupport && changed.stream().anyMatch(p -> !justEdited.contains(p));
  }

  /** One file's report: unchanged when the client holds this findings list's id, else all of them. */
  DocumentDiagnosticReport document(Workspace ws, String path, String previousResultId,
      java.util.function.BiFunction<Finding, SourceText, Diagnostic> convert) {
    Workspace.Document d = ws.document(path);
    List<Finding> findings = d == null || d.kind() == Workspace.Kind.IGNORED ? List.of() : ws.findings(path);
    String id = resultId(path, findings);
    if (id.equals(previousResultId)) {
      return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(id));
    }
    RelatedFullDocumentDiagnosticReport full = new RelatedFullDocumentDiagnosticReport(diagnostics(d, findings, convert));
    full.setResultId(id);
    return new DocumentDiagnosticReport(full);
  }

  /** Every file of the snapshot that ptree reads, each full or unchanged against the ids the client holds. */
  WorkspaceDiagnosticReport workspace(Workspace ws, List<PreviousResultId> previous, Function<String, String> uriToPath,
      Function<String, String> pathToUri, Function<Workspace.Document, Integer> versionOf,
      java.util.function.BiFunction<Finding, SourceText, Diagnostic> convert) {
    Map<String, String> held = new HashMap<>();
    if (previous != null) {
      for (PreviousResultId p : previous) {
        if (p != null && p.getUri() != null) {
          held.put(uriToPath.apply(p.getUri()), p.getValue());
        }
      }
    }
    List<WorkspaceDocumentDiagnosticReport> items = new ArrayList<>();
    for (Workspace.Document d : ws.documents()) {
      if (d.kind() == Workspace.Kind.IGNORED) {
        continue;
      }
      List<Finding> findings = ws.findings(d.path());
      String id = resultId(d.path(), findings);
      String uri = pathToUri.apply(d.path());
      Integer version = versionOf.apply(d);
      if (id.equals(held.get(d.path()))) {
        items.add(new WorkspaceDocumentDiagnosticReport(new WorkspaceUnchangedDocumentDiagnosticReport(id, uri, version)));
      } else {
        WorkspaceFullDocumentDiagnosticReport full = new WorkspaceFullDocumentDiagnosticReport(
            diagnostics(d, findings, convert), uri, version);
        full.setResultId(id);
        items.add(new WorkspaceDocumentDiagnosticReport(full));
      }
    }
    return new WorkspaceDiagnosticReport(items);
  }

  private String resultId(String path, List<Finding> findings) {
    return answered.compute(path, (k, old) -> old != null && old.findings() == findings ? old
        : new Answered(findings, Long.toString(ids.incrementAndGet()))).resultId();
  }

  private static List<Diagnostic> diagnostics(Workspace.Document d, List<Finding> findings,
      java.util.function.BiFunction<Finding, SourceText, Diagnostic> convert) {
    List<Diagnostic> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      out.add(convert.apply(f, d.source().text()));
    }
    return out;
  }
}
