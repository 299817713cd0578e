package dev.ptree.lsp;

import dev.ptree.engine.Workspace;
import dev.ptree.text.Escaper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * ptree's language server: the lifecycle, and the parts it routes to. {@link OpenDocuments} holds
 * the editor's texts and versions, {@link WorkspaceFolders} reads the folders and the disk, the
 * {@link Analyzer} folds both into one {@link Snapshot} at a time, the {@link DiagnosticsPublisher}
 * tells the client what changed, and {@link TextDocuments} and {@link WorkspaceRequests} answer
 * requests on snapshots through {@link Requests}.
 */
public final class PtreeLanguageServer implements LanguageServer, LanguageClientAware {
  static final String FIX_ALL_COMMAND = WorkspaceRequests.FIX_ALL_COMMAND;
  static final String EXPLAIN_COMMAND = WorkspaceRequests.EXPLAIN_COMMAND;

  private final String version;
  private final IntConsumer exit;
  private final java.io.PrintStream stderr;
  private final Analyzer analyzer;
  private final Requests requests;
  private final WorkspaceFolders folders;
  private final TextDocuments text;
  private final WorkspaceRequests workspace;
  private volatile PtreeClient client;
  private volatile ServerSettings settings = ServerSettings.DEFAULT;
  private volatile boolean watchFiles;
  private final PullDiagnostics pull = new PullDiagnostics();
  private volatile boolean refreshHints;
  private volatile boolean refreshLenses;

  public PtreeLanguageServer(String version, IntConsumer exit, java.io.PrintStream stderr) {
    this.version = version;
    this.exit = exit;
    this.stderr = stderr;
    DocumentUris uris = new DocumentUris();
    OpenDocuments open = new OpenDocuments(this::log);
    RuleDocPages pages = new RuleDocPages(version);
    DiagnosticsPublisher diagnostics = new DiagnosticsPublisher(() -> client, uris, open::isOpen, open::paths,
        pages, this::status, pull);
    EditorFeatureRefresh features = new EditorFeatureRefresh(this::refreshEditorFeatures);
    this.analyzer = new Analyzer(Workspace.empty(ServerSettings.DEFAULT.engine(), this::log), snapshot -> {
      diagnostics.publish(snapshot);
      features.after(snapshot);
    }, this::log, open::isOpen);
    this.requests = new Requests(analyzer, uris, this::log);
    this.folders = new WorkspaceFolders(analyzer, open, uris, () -> settings, () -> client, this::log,
        this::projectProblem, () -> status(Map.of("state", "analysing")));
    this.text = new TextDocuments(requests, open, folders, uris, diagnostics, pull, pages, () -> settings);
    this.workspace = new WorkspaceRequests(requests, folders, uris, () -> client, s -> {
      settings = s;
      refreshEditorFeatures();
    }, this::log, pull, diagnostics);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient instanceof PtreeClient p ? p : null;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    return requests.guarded("initialize", false, () -> {
      settings = ServerSettings.parse(params.getInitializationOptions(), this::log);
      watchFiles = Capabilities.watchesFiles(params.getCapabilities());
      pull.configure(params.getCapabilities());
      refreshHints = Capabilities.refreshesInlayHints(params.getCapabilities());
      refreshLenses = Capabilities.refreshesCodeLenses(params.getCapabilities());
      List<String> roots = new ArrayList<>();
      if (params.getWorkspaceFolders() != null) {
        params.getWorkspaceFolders().stream().map(WorkspaceFolder::getUri).forEach(roots::add);
      } else if (params.getRootUri() != null) {
        roots.add(params.getRootUri());
      }
      folders.start(roots, Capabilities.showsProgress(params.getCapabilities()));
      analyzer.transform(w -> w.withSettings(folders.engineSettings()));
      requests.initialized();
      return new InitializeResult(Capabilities.server(), new ServerInfo("ptree", version));
    });
  }

  @Override
  public void initialized(InitializedParams params) {
    PtreeClient c = client;
    if (c != null && watchFiles) {
      try {
        c.registerCapability(Capabilities.watchers()).exceptionally(e -> null);
      } catch (RuntimeException e) {
        log("the client could not be asked to watch files: " + Escaper.escape(String.valueOf(e)));
      }
    }
    folders.scanAll();
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    requests.shutdown();
    analyzer.shutdown();
    folders.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exit.accept(requests.isShutdown() ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return text;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** For tests: the snapshot once every change sent so far, the disk's too, is analysed. */
  public CompletableFuture<Workspace> settled() {
    return analyzer.settled().thenApply(Snapshot::workspace);
  }

  /**
   * Inlay hints and code lenses follow the settings and the files they read: a client that can is
   * asked to request them again.
   */
  private void refreshEditorFeatures() {
    PtreeClient c = client;
    try {
      if (c != null && refreshHints) {
        c.refreshInlayHints().exceptionally(e -> null);
      }
      if (c != null && refreshLenses) {
        c.refreshCodeLenses().exceptionally(e -> null);
      }
    } catch (RuntimeException e) {
      // the client is gone
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

  /** One escaped line on stderr and in the client's log; phase timings only with `trace: verbose`. */
  private void log(String message) {
    if (message.startsWith("timing:") && !"verbose".equals(settings.trace())) {
      return;
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
}
