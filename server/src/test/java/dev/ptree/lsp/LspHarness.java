package dev.ptree.lsp;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressKind;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP4J client connected to the server over in-process pipes: every message goes through
 * JSON-RPC framing and serialisation, as over stdio.
 */
final class LspHarness implements AutoCloseable {
  /** What the client received. */
  static final class Client implements PtreeClient {
    final Map<String, PublishDiagnosticsParams> diagnostics = new ConcurrentHashMap<>();
    final List<PublishDiagnosticsParams> publications = new CopyOnWriteArrayList<>();
    final List<String> logs = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> statuses = new CopyOnWriteArrayList<>();
    final List<ApplyWorkspaceEditParams> applied = new CopyOnWriteArrayList<>();
    /** Every `$/progress` notification, and the tokens the server created, in arrival order. */
    final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    final List<String> progressTokens = new CopyOnWriteArrayList<>();
    /** Called with each `$/progress` as it arrives, on the thread reading the server's messages. */
    volatile java.util.function.Consumer<ProgressParams> onProgress = p -> { };
    /** Every message the client received, by method, in arrival order (responses to the client's requests aside). */
    final List<String> received = new CopyOnWriteArrayList<>();
    /** workspace/inlayHint/refresh, workspace/codeLens/refresh and workspace/diagnostic/refresh, in the order received. */
    final List<String> refreshes = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> refreshInlayHints() {
      refreshes.add("inlayHint");
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
      refreshes.add("codeLens");
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
      refreshes.add("diagnostic");
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
      received.add("textDocument/publishDiagnostics");
      publications.add(p);
      diagnostics.put(p.getUri(), p);
      synchronized (this) {
        notifyAll();
      }
    }

    @Override
    public void showMessage(MessageParams messageParams) {
      logs.add(messageParams.getMessage());
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
      logs.add(message.getMessage());
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
      received.add("window/workDoneProgress/create");
      progressTokens.add(params.getToken().getLeft());
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
      received.add("$/progress " + params.getValue().getLeft().getKind());
      progress.add(params);
      onProgress.accept(params);
      synchronized (this) {
        notifyAll();
      }
    }

    /** The diagnostics the editor shows for a URI: the last published, none if none was. */
    List<Diagnostic> shown(String uri) {
      PublishDiagnosticsParams p = diagnostics.get(uri);
      return p == null ? List.of() : p.getDiagnostics();
    }

    /** Waits until this many workspace scans have ended (their `$/progress` end arrived). */
    void awaitScans(int count) {
      waitFor(() -> progress.stream().filter(p -> p.getValue().getLeft().getKind() == WorkDoneProgressKind.end).count()
          >= count, "no end of scan " + count + "; progress: " + progress);
    }

    private void waitFor(java.util.function.BooleanSupplier done, String failure) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      synchronized (this) {
        while (!done.getAsBoolean()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError(failure);
          }
          try {
            wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }
      }
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
      applied.add(params);
      return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
    }

    @Override
    public CompletableFuture<Void> registerCapability(org.eclipse.lsp4j.RegistrationParams params) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void status(Map<String, Object> params) {
      statuses.add(params);
    }

    /** Waits until the diagnostics of a URI satisfy the condition. */
    PublishDiagnosticsParams await(String uri, java.util.function.Predicate<PublishDiagnosticsParams> ok) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      synchronized (this) {
        while (true) {
          PublishDiagnosticsParams p = diagnostics.get(uri);
          if (p != null && ok.test(p)) {
            return p;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError("no diagnostics for " + uri + " as expected; last: " + p);
          }
          try {
            wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }
      }
    }
  }

  final Client client = new Client();
  final LanguageServer server;
  final PtreeLanguageServer impl;
  final List<Integer> exitCodes = new ArrayList<>();
  private final java.net.Socket serverSocket;
  private final java.net.Socket clientSocket;

  LspHarness() throws IOException {
    // A loopback connection, not pipes: piped streams break when a writing pool thread ends.
    try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      clientSocket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), listener.getLocalPort());
      serverSocket = listener.accept();
    }
    impl = new PtreeLanguageServer("test", exitCodes::add, new PrintStream(java.io.OutputStream.nullOutputStream()));
    // the connection `ptree serve` makes, error handling included
    Launcher<PtreeClient> serverSide = Serve.launcher(impl, serverSocket.getInputStream(), serverSocket.getOutputStream(),
        new PrintStream(java.io.OutputStream.nullOutputStream()));
    serverSide.startListening();
    Launcher<LanguageServer> clientSide = new Launcher.Builder<LanguageServer>().setLocalService(client)
        .setRemoteInterface(LanguageServer.class).setInput(clientSocket.getInputStream())
        .setOutput(clientSocket.getOutputStream()).create();
    server = clientSide.getRemoteProxy();
    clientSide.startListening();
  }

  LspHarness initialize(Object options, String rootUri) throws Exception {
    InitializeParams p = new InitializeParams();
    // a client that shows progress, as VS Code and Neovim do
    ClientCapabilities caps = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    caps.setWindow(window);
    p.setCapabilities(caps);
    p.setInitializationOptions(options);
    if (rootUri != null) {
      p.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(rootUri, "root")));
    }
    server.initialize(p).get(20, TimeUnit.SECONDS);
    server.initialized(new InitializedParams());
    return this;
  }

  @Override
  public void close() throws IOException {
    clientSocket.close();
    serverSocket.close();
  }
}
