package dev.ptree.lsp;

import com.google.gson.JsonPrimitive;
import dev.ptree.engine.Workspace;
import dev.ptree.lsp.features.Navigation;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleDocs;
import dev.ptree.rules.registry.Rules;
import dev.ptree.text.Escaper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceDiagnosticParams;
import org.eclipse.lsp4j.WorkspaceDiagnosticReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The workspace/* methods: settings, files and folders to {@link WorkspaceFolders}, symbols and commands. */
final class WorkspaceRequests implements WorkspaceService {
  static final String FIX_ALL_COMMAND = "ptree.fixAllSafe";
  static final String EXPLAIN_COMMAND = "ptree.explain";

  private final Requests requests;
  private final WorkspaceFolders folders;
  private final DocumentUris uris;
  private final Supplier<PtreeClient> client;
  private final Consumer<ServerSettings> settings;
  private final Consumer<String> log;
  private final PullDiagnostics pull;
  private final DiagnosticsPublisher diagnostics;

  WorkspaceRequests(Requests requests, WorkspaceFolders folders, DocumentUris uris, Supplier<PtreeClient> client,
      Consumer<ServerSettings> settings, Consumer<String> log, PullDiagnostics pull, DiagnosticsPublisher diagnostics) {
    this.requests = requests;
    this.folders = folders;
    this.uris = uris;
    this.client = client;
    this.settings = settings;
    this.log = log;
    this.pull = pull;
    this.diagnostics = diagnostics;
  }

  @Override
  public CompletableFuture<WorkspaceDiagnosticReport> diagnostic(WorkspaceDiagnosticParams params) {
    return requests.onSnapshot("workspace/diagnostic", s -> pull.workspace(s.workspace(), params.getPreviousResultIds(),
        uris::path, uris::uri, d -> s.version(d.path()), (f, t) -> diagnostics.diagnostic(s.workspace(), f, t)));
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    requests.notification("didChangeConfiguration", () -> {
      ServerSettings parsed = ServerSettings.parseChange(params.getSettings(), log);
      if (parsed == null) {
        return; // nothing of ptree's in it: the settings stay as they are
      }
      settings.accept(parsed);
      folders.settingsChanged();
    });
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    requests.notification("didChangeWatchedFiles", () -> folders.watchedFilesChanged(params.getChanges()));
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    requests.notification("didChangeWorkspaceFolders", () -> folders.foldersChanged(
        params.getEvent().getAdded().stream().map(WorkspaceFolder::getUri).toList(),
        params.getEvent().getRemoved().stream().map(WorkspaceFolder::getUri).toList()));
  }

  @Override
  public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
      WorkspaceSymbolParams params) {
    return requests.onSnapshot("workspace/symbol", s -> Either.forRight(Navigation.workspaceSymbols(s.workspace(),
        params.getQuery() == null ? "" : params.getQuery(), uris::uri)));
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
    String first = args.isEmpty() ? null : args.get(0) instanceof JsonPrimitive p ? p.getAsString()
        : args.get(0) instanceof String s ? s : null;
    if (EXPLAIN_COMMAND.equals(params.getCommand())) {
      return requests.guarded(EXPLAIN_COMMAND, true, () -> explain(first));
    }
    if (FIX_ALL_COMMAND.equals(params.getCommand())) {
      if (first == null) {
        return Requests.failed(ResponseErrorCode.InvalidParams, FIX_ALL_COMMAND + " takes the document URI");
      }
      return requests.onSnapshot(FIX_ALL_COMMAND, s -> fixAll(s, first)).thenCompose(f -> f);
    }
    return Requests.failed(ResponseErrorCode.InvalidParams,
        "unknown command " + Escaper.quote(String.valueOf(params.getCommand())));
  }

  private static Object explain(String code) {
    Optional<Rule> rule = code == null ? Optional.empty() : Rules.find(code);
    if (rule.isEmpty()) {
      throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
          "unknown rule " + Escaper.quote(String.valueOf(code)) + "; give a code such as PT303", null));
    }
    return RuleDocs.markdown(rule.get().info());
  }

  /** Applies every safe fix of the document; answered once the client has applied (or refused) the edit. */
  private CompletableFuture<Object> fixAll(Snapshot s, String uri) {
    String path = uris.path(uri);
    Workspace.Document d = s.workspace().document(path);
    PtreeClient c = client.get();
    if (d == null || c == null) {
      return CompletableFuture.completedFuture(Boolean.FALSE);
    }
    CodeAction all = CodeActions.fixAll(uri, s.version(path), d.source().text(), s.workspace().findings(path));
    if (all == null) {
      return CompletableFuture.completedFuture(Boolean.FALSE);
    }
    return c.applyEdit(new ApplyWorkspaceEditParams(all.getEdit(), "Fix all safe problems"))
        .thenApply(r -> r != null && r.isApplied());
  }
}
