package dev.ptree.lsp;

import com.google.gson.JsonPrimitive;
import dev.ptree.engine.Workspace;
import dev.ptree.io.CatalogueLoader;
import dev.ptree.io.Inputs;
import dev.ptree.io.ProjectConfigReader;
import dev.ptree.io.ProjectConfigs;
import dev.ptree.io.SourceReader;
import dev.ptree.io.WorkspaceLoader;
import dev.ptree.engine.Documents;
import dev.ptree.lsp.features.Completions;
import dev.ptree.lsp.features.Hovers;
import dev.ptree.lsp.features.Navigation;
import dev.ptree.model.Catalogue;
import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import dev.ptree.rules.RuleDocs;
import dev.ptree.rules.registry.Rules;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * ptree's language server. Documents live in one immutable {@link Workspace} snapshot owned by
 * the {@link Analyzer}; every request reads a snapshot that holds the edits sent before it, so
 * positions always match the text, and never holds a lock while rules run. Each request is
 * guarded: a failure is logged and answered with an error, and the server keeps serving.
 */
public final class PtreeLanguageServer implements LanguageServer, LanguageClientAware {
  static final String FIX_ALL_COMMAND = "ptree.fixAllSafe";
  static final String EXPLAIN_COMMAND = "ptree.explain";

  /** An open document: the editor's text, kept with its line index for the next edit. */
  private record OpenDocument(String uri, int version, SourceDocument source) {
    String text() {
      return source.text().content();
    }
  }

  private final IntConsumer exit;
  private final java.io.PrintStream stderr;
  private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();
  private final Map<String, String> uris = new ConcurrentHashMap<>();
  /** Per path, the texts submitted and not yet superseded, with their versions, oldest first. */
  private final Map<String, java.util.Deque<Map.Entry<SourceDocument, Integer>>> versions = new ConcurrentHashMap<>();
  private final Map<String, List<Finding>> published = new ConcurrentHashMap<>();
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final Analyzer analyzer;
  private final TextService text = new TextService();
  private final WorkspaceSvc workspace = new WorkspaceSvc();
  private volatile PtreeClient client;
  private volatile ServerSettings settings = ServerSettings.DEFAULT;
  /** Each workspace file's nearest ptree.toml; replaced whenever a ptree.toml changes. */
  private volatile ProjectConfigs projects = ProjectConfigs.discover(this::projectProblem);
  private volatile boolean initialized;
  private volatile boolean shutdown;
  private volatile Path ruleDocs;

  private final String version;

  public PtreeLanguageServer(String version, IntConsumer exit, java.io.PrintStream stderr) {
    this.version = version;
    this.exit = exit;
    this.stderr = stderr;
    this.analyzer = new Analyzer(Workspace.empty(ServerSettings.DEFAULT.engine(), this::log), this::publish, this::log,
        open::containsKey);
  }

  @Override
  public void connect(org.eclipse.lsp4j.services.LanguageClient languageClient) {
    this.client = languageClient instanceof PtreeClient p ? p : null;
  }

  // ---- lifecycle ----

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    return guarded("initialize", false, () -> {
      settings = ServerSettings.parse(params.getInitializationOptions(), this::log);
      var ws = params.getCapabilities() == null ? null : params.getCapabilities().getWorkspace();
      watchRegistration = ws != null && ws.getDidChangeWatchedFiles() != null
          && Boolean.TRUE.equals(ws.getDidChangeWatchedFiles().getDynamicRegistration());
      pull.configure(params.getCapabilities());
      refreshHints = ws != null && ws.getInlayHint() != null && Boolean.TRUE.equals(ws.getInlayHint().getRefreshSupport());
      refreshLenses = ws != null && ws.getCodeLens() != null && Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport());
      if (params.getWorkspaceFolders() != null) {
        params.getWorkspaceFolders().forEach(f -> folder(f.getUri()).ifPresent(folders::add));
      } else if (params.getRootUri() != null) {
        folder(params.getRootUri()).ifPresent(folders::add);
      }
      folders.forEach(this::announceProject);
      analyzer.transform(w -> w.withSettings(engineSettings()));
      initialized = true;
      ServerCapabilities caps = new ServerCapabilities();
      TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
      sync.setOpenClose(true);
      sync.setChange(TextDocumentSyncKind.Incremental);
      caps.setTextDocumentSync(sync);
      caps.setHoverProvider(true);
      CompletionOptions completion = new CompletionOptions(true, List.of(":", " ", "-", "_", "$"));
      caps.setCompletionProvider(completion);
      caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActions.FIX_ALL_KIND)));
      caps.setDocumentSymbolProvider(true);
      caps.setWorkspaceSymbolProvider(true);
      caps.setDefinitionProvider(true);
      caps.setReferencesProvider(true);
      caps.setSelectionRangeProvider(true);
      caps.setFoldingRangeProvider(true);
      caps.setDocumentHighlightProvider(true);
      org.eclipse.lsp4j.InlayHintRegistrationOptions inlay = new org.eclipse.lsp4j.InlayHintRegistrationOptions();
      inlay.setResolveProvider(true);
      caps.setInlayHintProvider(Either.forRight(inlay));
      caps.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(false));
      caps.setRenameProvider(Either.forRight(new org.eclipse.lsp4j.RenameOptions(true)));
      caps.setDocumentLinkProvider(new org.eclipse.lsp4j.DocumentLinkOptions(false));
      caps.setDiagnosticProvider(PullDiagnostics.options());
      caps.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(FIX_ALL_COMMAND, EXPLAIN_COMMAND)));
      WorkspaceFoldersOptions wf = new WorkspaceFoldersOptions();
      wf.setSupported(true);
      wf.setChangeNotifications(true);
      caps.setWorkspace(new WorkspaceServerCapabilities(wf));
      return new InitializeResult(caps, new ServerInfo("ptree", version));
    });
  }

  private volatile boolean watchRegistration;
  private final PullDiagnostics pull = new PullDiagnostics();
  private volatile boolean refreshHints;
  private volatile boolean refreshLenses;

  /** Inlay hints and code lenses follow the settings: a client that can is asked to request them again. */
  private void refreshEditorFeatures() {
    PtreeClient c = client;
    if (c != null && refreshHints) {
      c.refreshInlayHints().exceptionally(e -> null);
    }
    if (c != null && refreshLenses) {
      c.refreshCodeLenses().exceptionally(e -> null);
    }
  }

  @Override
  public void initialized(InitializedParams params) {
    if (client != null && watchRegistration) {
      List<FileSystemWatcher> watchers = List.of(new FileSystemWatcher(Either.forLeft("**/*.{yaml,yml,json}")),
          new FileSystemWatcher(Either.forLeft("**/" + ProjectConfigReader.FILE_NAME)));
      Registration watch = new Registration("ptree-watch", "workspace/didChangeWatchedFiles",
          new DidChangeWatchedFilesRegistrationOptions(watchers));
      client.registerCapability(new RegistrationParams(List.of(watch))).exceptionally(e -> null);
    }
    List<Path> scan = new ArrayList<>(folders);
    CompletableFuture.runAsync(() -> scan.forEach(this::scan));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    analyzer.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exit.accept(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return text;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  // ---- documents ----

  private final class TextService implements TextDocumentService {
    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
      notification("didOpen", () -> {
        TextDocumentItem item = params.getTextDocument();
        String path = path(item.getUri());
        SourceDocument source = SourceDocument.of(path, item.getText());
        open.put(path, new OpenDocument(item.getUri(), item.getVersion(), source));
        uris.put(path, item.getUri());
        submit(source, item.getVersion());
      });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
      notification("didChange", () -> {
        String uri = params.getTextDocument().getUri();
        String path = path(uri);
        OpenDocument doc = open.get(path);
        if (doc == null) {
          log("didChange for a document that is not open: " + Escaper.escape(uri) + "; ignored");
          return;
        }
        Integer version = params.getTextDocument().getVersion();
        if (version != null && version <= doc.version()) {
          log("didChange with stale version " + version + " (have " + doc.version() + ") for " + Escaper.escape(uri) + "; ignored");
          return;
        }
        // The first change reads positions with the line index already built for the text.
        SourceText current = doc.source().text();
        String content = current.content();
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
          if (change.getRange() == null) {
            content = change.getText();
          } else {
            if (current == null) {
              current = new SourceText(content);
            }
            Span span = Positions.span(current, change.getRange());
            content = content.substring(0, span.start()) + change.getText() + content.substring(span.end());
          }
          current = null; // the text changed: a later change in this batch needs a new index
        }
        int v = version == null ? doc.version() + 1 : version;
        SourceDocument source = SourceDocument.of(path, content);
        open.put(path, new OpenDocument(uri, v, source));
        submit(source, v);
      });
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
      notification("didClose", () -> {
        String path = path(params.getTextDocument().getUri());
        open.remove(path);
        versions.remove(path);
        Path file = Path.of(path);
        if (inWorkspace(file) && Files.isRegularFile(file)) {
          readFromDisk(file); // the workspace still holds the file: what is on disk now
        } else {
          analyzer.remove(path);
        }
      });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
      return at("hover", params.getTextDocument().getUri(), params.getPosition(),
          (ws, path, offset) -> Hovers.hover(ws, path, offset, catalogue()));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
      // the snapshot holds every edit sent before this request: its text is the editor's text
      return at("completion", params.getTextDocument().getUri(), params.getPosition(), (ws, p, offset) -> {
        String current = ws.document(p).source().text().content();
        List<CompletionItem> items = Completions.complete(ws, p, current, offset, catalogue());
        // the provider lists are capped: a full list tells the client to ask again as the user types
        return Either.forRight(new CompletionList(items.size() >= 500, items));
      });
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
      return guarded("completionItem/resolve", true, () -> Completions.resolve(item, catalogue()));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
      String uri = params.getTextDocument().getUri();
      return onSnapshot("codeAction", ws -> {
        String path = path(uri);
        Workspace.Document d = ws.document(path);
        if (d == null) {
          return List.of();
        }
        SourceText t = d.source().text();
        List<Finding> findings = ws.findings(path);
        List<CodeAction> actions = CodeActions.actions(uri, versionOf(d.source()), t, findings,
            Positions.span(t, params.getRange()), f -> PtreeLanguageServer.this.toDiagnostic(ws, f, t));
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        for (CodeAction a : actions) {
          if (only == null || only.stream().anyMatch(k -> a.getKind().startsWith(k))) {
            out.add(Either.forRight(a));
          }
        }
        return out;
      });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
      return onSnapshot("documentSymbol", ws -> Navigation.documentSymbols(ws, path(params.getTextDocument().getUri()))
          .stream().<Either<SymbolInformation, DocumentSymbol>>map(Either::forRight).toList());
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
      return at("definition", params.getTextDocument().getUri(), params.getPosition(),
          (ws, path, offset) -> Either.forLeft(Navigation.definition(ws, path, offset, PtreeLanguageServer.this::uri)));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
      boolean declaration = params.getContext() != null && params.getContext().isIncludeDeclaration();
      return at("references", params.getTextDocument().getUri(), params.getPosition(),
          (ws, path, offset) -> Navigation.references(ws, path, offset, declaration, PtreeLanguageServer.this::uri));
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.FoldingRange>> foldingRange(org.eclipse.lsp4j.FoldingRangeRequestParams params) {
      return onSnapshot("foldingRange", ws -> dev.ptree.lsp.features.Folding.ranges(ws, path(params.getTextDocument().getUri())));
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.DocumentHighlight>> documentHighlight(
        org.eclipse.lsp4j.DocumentHighlightParams params) {
      return at("documentHighlight", params.getTextDocument().getUri(), params.getPosition(),
          dev.ptree.lsp.features.Highlights::highlights);
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.InlayHint>> inlayHint(org.eclipse.lsp4j.InlayHintParams params) {
      return onSnapshot("inlayHint", ws -> {
        String path = path(params.getTextDocument().getUri());
        Workspace.Document d = ws.document(path);
        return d == null ? List.of() : dev.ptree.lsp.features.InlayHints.hints(ws, path,
            params.getRange() == null ? null : Positions.span(d.source().text(), params.getRange()), settings.inlayHints());
      });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.InlayHint> resolveInlayHint(org.eclipse.lsp4j.InlayHint hint) {
      return onSnapshot("inlayHint/resolve", ws -> dev.ptree.lsp.features.InlayHints.resolve(ws, hint));
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.CodeLens>> codeLens(org.eclipse.lsp4j.CodeLensParams params) {
      return onSnapshot("codeLens", ws -> settings.codeLens()
          ? dev.ptree.lsp.features.CodeLenses.lenses(ws, path(params.getTextDocument().getUri()), PtreeLanguageServer.this::uri)
          : List.of());
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either3<org.eclipse.lsp4j.Range, org.eclipse.lsp4j.PrepareRenameResult,
        org.eclipse.lsp4j.PrepareRenameDefaultBehavior>> prepareRename(org.eclipse.lsp4j.PrepareRenameParams params) {
      return at("prepareRename", params.getTextDocument().getUri(), params.getPosition(), (ws, path, offset) -> {
        var r = dev.ptree.lsp.features.Rename.prepare(ws, path, offset);
        return r == null ? null : org.eclipse.lsp4j.jsonrpc.messages.Either3.forSecond(r);
      });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.WorkspaceEdit> rename(org.eclipse.lsp4j.RenameParams params) {
      return at("rename", params.getTextDocument().getUri(), params.getPosition(), (ws, path, offset) ->
          dev.ptree.lsp.features.Rename.rename(ws, path, offset, params.getNewName(), PtreeLanguageServer.this::uri));
    }

    @Override
    public CompletableFuture<List<org.eclipse.lsp4j.DocumentLink>> documentLink(org.eclipse.lsp4j.DocumentLinkParams params) {
      return onSnapshot("documentLink", ws -> dev.ptree.lsp.features.DocumentLinks.links(ws,
          path(params.getTextDocument().getUri()), PtreeLanguageServer.this::uri, PtreeLanguageServer.this::ruleDocLink));
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.DocumentDiagnosticReport> diagnostic(org.eclipse.lsp4j.DocumentDiagnosticParams params) {
      return onSnapshot("textDocument/diagnostic", ws -> pull.document(ws, path(params.getTextDocument().getUri()),
          params.getPreviousResultId(), (f, t) -> toDiagnostic(ws, f, t)));
    }

    @Override
    public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
      return onSnapshot("selectionRange", ws -> {
        String path = path(params.getTextDocument().getUri());
        Workspace.Document d = ws.document(path);
        if (d == null) {
          return List.of();
        }
        List<Integer> offsets = params.getPositions().stream().map(p -> Positions.offset(d.source().text(), p)).toList();
        return Navigation.selectionRanges(ws, path, offsets);
      });
    }
  }

  // ---- workspace ----

  private final class WorkspaceSvc implements WorkspaceService {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
      notification("didChangeConfiguration", () -> {
        ServerSettings parsed = ServerSettings.parseChange(params.getSettings(), PtreeLanguageServer.this::log);
        if (parsed == null) {
          return; // nothing of ptree's in it: the settings stay as they are
        }
        settings = parsed;
        analyzer.transform(w -> w.withSettings(engineSettings()));
        refreshEditorFeatures();
        // extra globs may change how open documents are read
        open.forEach((path, doc) -> submit(SourceDocument.of(path, doc.text()), doc.version()));
      });
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
      notification("didChangeWatchedFiles", () -> {
        if (params.getChanges().stream().anyMatch(e -> path(e.getUri()).endsWith(java.io.File.separator
            + ProjectConfigReader.FILE_NAME))) {
          reloadProjects();
        }
        for (FileEvent e : params.getChanges()) {
          String path = path(e.getUri());
          if (path.endsWith(java.io.File.separator + ProjectConfigReader.FILE_NAME)) {
            continue;
          }
          if (open.containsKey(path)) {
            continue; // the editor's text wins over the disk while the document is open
          }
          Path file = Path.of(path);
          if (e.getType() == FileChangeType.Deleted || !Files.isRegularFile(file)) {
            analyzer.remove(path);
          } else if (inWorkspace(file) && !projects.skip(file, false, false)) {
            uris.putIfAbsent(path, e.getUri());
            readFromDisk(file);
          }
        }
      });
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
      notification("didChangeWorkspaceFolders", () -> {
        for (WorkspaceFolder f : params.getEvent().getRemoved()) {
          folder(f.getUri()).ifPresent(dir -> {
            folders.remove(dir);
            for (Workspace.Document d : analyzer.snapshot().documents()) {
              if (Path.of(d.path()).startsWith(dir) && !open.containsKey(d.path()) && !inWorkspace(Path.of(d.path()))) {
                analyzer.remove(d.path());
              }
            }
          });
        }
        for (WorkspaceFolder f : params.getEvent().getAdded()) {
          folder(f.getUri()).ifPresent(dir -> {
            folders.add(dir);
            announceProject(dir);
            CompletableFuture.runAsync(() -> scan(dir));
          });
        }
      });
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(WorkspaceSymbolParams params) {
      return onSnapshot("workspace/symbol", ws -> Either.forRight(
          Navigation.workspaceSymbols(ws, params.getQuery() == null ? "" : params.getQuery(), PtreeLanguageServer.this::uri)));
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.WorkspaceDiagnosticReport> diagnostic(org.eclipse.lsp4j.WorkspaceDiagnosticParams params) {
      return onSnapshot("workspace/diagnostic", ws -> pull.workspace(ws, params.getPreviousResultIds(),
          PtreeLanguageServer.this::path, PtreeLanguageServer.this::uri,
          d -> open.containsKey(d.path()) ? versionOf(d.source()) : null, (f, t) -> toDiagnostic(ws, f, t)));
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
      List<Object> args = params.getArguments() == null ? List.of() : params.getArguments();
      String first = args.isEmpty() ? null : args.get(0) instanceof JsonPrimitive p ? p.getAsString()
          : args.get(0) instanceof String s ? s : null;
      if (EXPLAIN_COMMAND.equals(params.getCommand())) {
        return guarded(EXPLAIN_COMMAND, true, () -> {
          var rule = first == null ? java.util.Optional.<dev.ptree.rules.Rule>empty() : Rules.find(first);
          if (rule.isEmpty()) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                "unknown rule " + Escaper.quote(String.valueOf(first)) + "; give a code such as PT303", null));
          }
          return RuleDocs.markdown(rule.get().info());
        });
      }
      if (FIX_ALL_COMMAND.equals(params.getCommand())) {
        if (first == null) {
          return failed(ResponseErrorCode.InvalidParams, FIX_ALL_COMMAND + " takes the document URI");
        }
        return onSnapshot(FIX_ALL_COMMAND, ws -> {
          String path = path(first);
          Workspace.Document d = ws.document(path);
          if (d == null || client == null) {
            return CompletableFuture.<Object>completedFuture(Boolean.FALSE);
          }
          CodeAction all = CodeActions.fixAll(first, versionOf(d.source()), d.source().text(), ws.findings(path));
          if (all == null) {
            return CompletableFuture.<Object>completedFuture(Boolean.FALSE);
          }
          // answered once the client has applied (or refused) the edit
          return client.applyEdit(new ApplyWorkspaceEditParams(all.getEdit(), "Fix all safe problems"))
              .<Object>thenApply(r -> r != null && r.isApplied());
        }).thenCompose(f -> f);
      }
      return failed(ResponseErrorCode.InvalidParams, "unknown command " + Escaper.quote(String.valueOf(params.getCommand())));
    }
  }

  // ---- analysis and publishing ----

  private void submit(SourceDocument source, int version) {
    String path = source.path();
    versions.computeIfAbsent(path, k -> new java.util.concurrent.ConcurrentLinkedDeque<>())
        .addLast(Map.entry(source, version));
    pull.edited(path);
    Workspace.Kind kind = kindOf(path);
    status("analysing");
    analyzer.update(new Workspace.Input(source, kind));
  }

  private void readFromDisk(Path file) {
    String path = file.toString();
    uris.putIfAbsent(path, file.toUri().toString());
    analyzer.updateFromDisk(List.of(Documents.read(new Workspace.Input(SourceReader.read(file, path), kindOf(path)))));
  }

  /** Extra globs name provider configs; a tree file stays a tree whatever the globs say. */
  private Workspace.Kind kindOf(String path) {
    boolean tree = dev.ptree.model.TreeReader.isTreeFileName(Path.of(path).getFileName() == null ? path
        : Path.of(path).getFileName().toString());
    return !tree && (settings.matchesGlob(path) || projects.providerConfig(Path.of(path))) ? Workspace.Kind.CONFIG
        : Workspace.Kind.AUTO;
  }

  /** The engine's settings: each file's ptree.toml, the editor's settings on top. */
  private dev.ptree.engine.Settings engineSettings() {
    return settings.engine().withProject(projects);
  }

  /** Logs which ptree.toml a workspace folder obeys, or why its ptree.toml is not obeyed. */
  private void announceProject(Path folder) {
    try {
      ProjectConfigs.Loaded l = projects.forDirectory(folder);
      if (l.config().file() != null) {
        log("workspace folder " + Escaper.escape(folder.toString()) + " uses " + Escaper.escape(l.config().file()));
      }
    } catch (ProjectConfigReader.ConfigException e) {
      projects.forFile(folder.resolve(ProjectConfigReader.FILE_NAME)); // reports it once, and falls back to no config
    }
  }

  /** A ptree.toml that cannot be obeyed: logged, and shown, since the editor's results now ignore it. */
  private void projectProblem(String message) {
    log(message);
    PtreeClient c = client;
    if (c != null) {
      try {
        c.showMessage(new MessageParams(MessageType.Error, Escaper.escape(message)));
      } catch (RuntimeException e) {
        // the client is gone; the log has it
      }
    }
  }

  /**
   * A ptree.toml was created, changed or deleted: every file's settings are read again, files the
   * new excludes leave out are dropped, and the folders are scanned again for what they now include.
   */
  private void reloadProjects() {
    projects = ProjectConfigs.discover(this::projectProblem);
    folders.forEach(this::announceProject);
    analyzer.transform(w -> w.withSettings(engineSettings()));
    for (Workspace.Document d : analyzer.snapshot().documents()) {
      if (!open.containsKey(d.path()) && projects.skip(Path.of(d.path()), false, false)) {
        analyzer.remove(d.path());
      }
    }
    open.forEach((path, doc) -> submit(SourceDocument.of(path, doc.text()), doc.version()));
    List<Path> again = new ArrayList<>(folders);
    CompletableFuture.runAsync(() -> again.forEach(this::scan));
  }

  /**
   * Reads a workspace folder as `ptree check` would, plus the config directories its trees bind,
   * in one pass: the folder's closed files are parsed here, then once every earlier change is
   * analysed the directories bound by its trees (or the editor's) and held by no config yet are
   * read too, and all of it goes to the analyzer as one change.
   */
  private void scan(Path folder) {
    try {
      List<Inputs.FileInput> inputs = Inputs.files(List.of(folder.toString()), projects);
      List<Inputs.FileInput> closed = new ArrayList<>();
      for (Inputs.FileInput in : inputs) {
        if (!open.containsKey(in.key())) {
          closed.add(in);
          uris.putIfAbsent(in.key(), in.path().toUri().toString());
        }
      }
      status("analysing");
      List<Workspace.Document> parsed = Documents.readAll(WorkspaceLoader.read(closed));
      analyzer.current().thenAcceptAsync(ws -> {
        List<Workspace.Document> all = WorkspaceLoader.withBindings(parsed, ws.documents());
        all.forEach(d -> uris.putIfAbsent(d.path(), Path.of(d.path()).toUri().toString()));
        analyzer.updateFromDisk(all);
      }).exceptionally(e -> {
        log("workspace folder " + Escaper.escape(folder.toString()) + " could not be scanned: " + Escaper.escape(String.valueOf(e)));
        return null;
      });
    } catch (Inputs.UsageException | RuntimeException e) {
      log("workspace folder " + Escaper.escape(folder.toString()) + " could not be scanned: " + Escaper.escape(String.valueOf(e)));
    }
  }

  /** Publishes the diagnostics of every document whose findings changed in this snapshot. */
  private void publish(Workspace ws) {
    PtreeClient c = pull.pulling() ? null : client; // a client that pulls gets nothing pushed
    List<String> changed = new ArrayList<>();
    Set<String> present = new HashSet<>();
    int files = 0;
    for (Workspace.Document d : ws.documents()) {
      present.add(d.path());
      if (d.kind() == Workspace.Kind.IGNORED) {
        if (published.remove(d.path()) != null && c != null) {
          c.publishDiagnostics(new PublishDiagnosticsParams(uri(d.path()), List.of()));
        }
        continue;
      }
      files++;
      List<Finding> findings = ws.findings(d.path());
      if (published.get(d.path()) == findings) {
        continue;
      }
      published.put(d.path(), findings);
      changed.add(d.path());
      if (c == null && open.containsKey(d.path())) {
        versionOf(d.source()); // nothing is pushed, but the texts this one supersedes are dropped all the same
      }
      if (c == null) {
        continue;
      }
      SourceText t = d.source().text();
      List<Diagnostic> diagnostics = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        diagnostics.add(toDiagnostic(ws, f, t));
      }
      PublishDiagnosticsParams p = new PublishDiagnosticsParams(uri(d.path()), diagnostics);
      p.setVersion(open.containsKey(d.path()) ? versionOf(d.source()) : null);
      c.publishDiagnostics(p);
    }
    for (String path : new ArrayList<>(published.keySet())) {
      if (!present.contains(path)) {
        published.remove(path);
        if (c != null) {
          c.publishDiagnostics(new PublishDiagnosticsParams(uri(path), List.of()));
        }
      }
    }
    PtreeClient puller = client;
    if (puller != null && pull.refreshAfter(changed)) {
      puller.refreshDiagnostics().exceptionally(e -> null);
    }
    status(Map.of("state", "ready", "files", files));
  }

  /** The version the editor gave this text; texts submitted before it are dropped (superseded). */
  private Integer versionOf(SourceDocument source) {
    java.util.Deque<Map.Entry<SourceDocument, Integer>> queue = versions.get(source.path());
    if (queue == null) {
      return null;
    }
    for (Map.Entry<SourceDocument, Integer> head = queue.peekFirst(); head != null; head = queue.peekFirst()) {
      if (head.getKey() == source) {
        return head.getValue();
      }
      boolean later = queue.stream().anyMatch(e -> e.getKey() == source);
      if (!later) {
        return null; // not a text the editor sent (read from disk)
      }
      queue.pollFirst();
    }
    return null;
  }

  private Diagnostic toDiagnostic(Workspace ws, Finding f, SourceText text) {
    return DiagnosticMapper.toDiagnostic(f, text, path -> {
      Workspace.Document other = ws.document(path);
      return other == null ? null : other.source().text();
    }, this::uri, this::ruleDocLink);
  }

  /**
   * A file URI to the rule's page. The pages are written once into one folder per version and
   * user under the temporary directory, and reused by later servers.
   */
  private String ruleDocLink(String code) {
    try {
      if (ruleDocs == null) {
        synchronized (this) {
          if (ruleDocs == null) {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"),
                "ptree-rules-" + version.replaceAll("[^A-Za-z0-9.]", "_") + "-" + System.getProperty("user.name", "user")
                    .replaceAll("[^A-Za-z0-9]", "_"));
            Files.createDirectories(dir);
            for (var rule : Rules.all()) {
              Path page = dir.resolve(rule.code() + ".md");
              String text = RuleDocs.markdown(rule.info());
              if (!Files.isRegularFile(page) || !Files.readString(page).equals(text)) {
                Path tmp = Files.createTempFile(dir, rule.code(), ".tmp");
                Files.writeString(tmp, text);
                Files.move(tmp, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
              }
            }
            ruleDocs = dir;
          }
        }
      }
      return ruleDocLinks.computeIfAbsent(code, c -> ruleDocs.resolve(c + ".md").toUri().toString());
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /** Each rule's link, made once: a diagnostic list converts it hundreds of times. */
  private final Map<String, String> ruleDocLinks = new ConcurrentHashMap<>();

  private void status(String state) {
    status(Map.of("state", state));
  }

  private void status(Map<String, Object> params) {
    PtreeClient c = client;
    if (c != null) {
      try {
        c.status(params);
      } catch (RuntimeException e) {
        // a client that cannot take the notification: the status bar is a nicety
      }
    }
  }

  // ---- plumbing ----

  /** The catalogue of standard names, loaded on first use so that `initialize` stays quick. */
  private static Catalogue catalogue() {
    return CatalogueLoader.bundled();
  }

  private interface AtOffset<T> {
    T apply(Workspace ws, String path, int offset);
  }

  /** A request at a position: on a snapshot holding the edits sent before it. */
  private <T> CompletableFuture<T> at(String name, String uri, Position position, AtOffset<T> body) {
    return onSnapshot(name, ws -> {
      String path = path(uri);
      Workspace.Document d = ws.document(path);
      if (d == null) {
        return null;
      }
      return body.apply(ws, path, Positions.offset(d.source().text(), position));
    });
  }

  private <T> CompletableFuture<T> onSnapshot(String name, Function<Workspace, T> body) {
    if (!initialized || shutdown) {
      return failed(initialized ? ResponseErrorCode.InvalidRequest : ResponseErrorCode.ServerNotInitialized,
          name + (shutdown ? " after shutdown" : " before initialize"));
    }
    return analyzer.current().thenApplyAsync(ws -> {
      try {
        return body.apply(ws);
      } catch (ResponseErrorException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        log("internal error in " + name + ": " + Escaper.escape(String.valueOf(e)));
        throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
            "internal error in " + name + ": " + Escaper.escape(String.valueOf(e)), null));
      }
    });
  }

  private <T> CompletableFuture<T> guarded(String name, boolean needsInit, Supplier<T> body) {
    if (needsInit && (!initialized || shutdown)) {
      return failed(initialized ? ResponseErrorCode.InvalidRequest : ResponseErrorCode.ServerNotInitialized,
          name + (shutdown ? " after shutdown" : " before initialize"));
    }
    try {
      return CompletableFuture.completedFuture(body.get());
    } catch (ResponseErrorException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException | StackOverflowError e) {
      log("internal error in " + name + ": " + Escaper.escape(String.valueOf(e)));
      return failed(ResponseErrorCode.InternalError, "internal error in " + name + ": " + Escaper.escape(String.valueOf(e)));
    }
  }

  private void notification(String name, Runnable body) {
    if (shutdown) {
      log(name + " after shutdown; ignored");
      return;
    }
    try {
      body.run();
    } catch (RuntimeException | StackOverflowError e) {
      log("internal error in " + name + ": " + Escaper.escape(String.valueOf(e)));
    }
  }

  private static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
  }

  private void log(String message) {
    if (message.startsWith("timing:") && !"verbose".equals(settings.trace())) {
      return; // phase timings are for `trace: verbose`, not for every keystroke
    }
    String line = Escaper.escape(message);
    stderr.println("ptree: " + line);
    PtreeClient c = client;
    if (c != null) {
      try {
        c.logMessage(new MessageParams(MessageType.Log, line));
      } catch (RuntimeException e) {
        // the client is gone; stderr has it
      }
    }
  }

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

  String uri(String path) {
    String known = uris.get(path);
    if (known != null) {
      return known;
    }
    try {
      return Path.of(path).toUri().toString();
    } catch (RuntimeException e) {
      return path;
    }
  }

  private java.util.Optional<Path> folder(String uri) {
    try {
      return java.util.Optional.of(Path.of(URI.create(uri)).toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      log("workspace folder " + Escaper.escape(uri) + " is not a file URI; not scanned");
      return java.util.Optional.empty();
    }
  }

  private boolean inWorkspace(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return folders.stream().anyMatch(abs::startsWith);
  }

  /** For tests: the snapshot once every change sent so far is analysed. */
  public CompletableFuture<Workspace> settled() {
    return analyzer.current();
  }

}
