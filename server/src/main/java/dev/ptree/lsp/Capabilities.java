package dev.ptree.lsp;

import dev.ptree.io.ProjectConfigReader;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InlayHintRegistrationOptions;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** What the server offers, and what of the client's capabilities it uses. */
final class Capabilities {
  private Capabilities() {}

  static ServerCapabilities server() {
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    caps.setTextDocumentSync(sync);
    caps.setHoverProvider(true);
    caps.setCompletionProvider(new CompletionOptions(true, List.of(":", " ", "-", "_", "$")));
    caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActions.FIX_ALL_KIND)));
    caps.setDocumentSymbolProvider(true);
    caps.setWorkspaceSymbolProvider(true);
    caps.setDefinitionProvider(true);
    caps.setReferencesProvider(true);
    caps.setSelectionRangeProvider(true);
    caps.setFoldingRangeProvider(true);
    caps.setDocumentHighlightProvider(true);
    InlayHintRegistrationOptions inlay = new InlayHintRegistrationOptions();
    inlay.setResolveProvider(true);
    caps.setInlayHintProvider(Either.forRight(inlay));
    caps.setCodeLensProvider(new CodeLensOptions(false));
    caps.setRenameProvider(Either.forRight(new RenameOptions(true)));
    caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
    caps.setDiagnosticProvider(PullDiagnostics.options());
    caps.setExecuteCommandProvider(new ExecuteCommandOptions(
        List.of(WorkspaceRequests.FIX_ALL_COMMAND, WorkspaceRequests.EXPLAIN_COMMAND)));
    WorkspaceFoldersOptions wf = new WorkspaceFoldersOptions();
    wf.setSupported(true);
    wf.setChangeNotifications(true);
    caps.setWorkspace(new WorkspaceServerCapabilities(wf));
    return caps;
  }

  /** Whether the client registers file watchers the server asks for. */
  static boolean watchesFiles(ClientCapabilities client) {
    var ws = client == null ? null : client.getWorkspace();
    return ws != null && ws.getDidChangeWatchedFiles() != null
        && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
  }

  /** Whether the client asks again for inlay hints when the server says they changed. */
  static boolean refreshesInlayHints(ClientCapabilities client) {
    var ws = client == null ? null : client.getWorkspace();
    return ws != null && ws.getInlayHint() != null && Boolean.TRUE.equals(ws.getInlayHint().getRefreshSupport());
  }

  /** Whether the client asks again for code lenses when the server says they changed. */
  static boolean refreshesCodeLenses(ClientCapabilities client) {
    var ws = client == null ? null : client.getWorkspace();
    return ws != null && ws.getCodeLens() != null && Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport());
  }

  /** Whether the client shows `$/progress` the server starts. */
  static boolean showsProgress(ClientCapabilities client) {
    return client != null && client.getWindow() != null && Boolean.TRUE.equals(client.getWindow().getWorkDoneProgress());
  }

  /** The watchers for the files the server reads: configs, trees and ptree.toml. */
  static RegistrationParams watchers() {
    List<FileSystemWatcher> watchers = List.of(new FileSystemWatcher(Either.forLeft("**/*.{yaml,yml,json}")),
        new FileSystemWatcher(Either.forLeft("**/" + ProjectConfigReader.FILE_NAME)));
    return new RegistrationParams(List.of(new Registration("ptree-watch", "workspace/didChangeWatchedFiles",
        new DidChangeWatchedFilesRegistrationOptions(watchers))));
  }
}
