package dev.ptree.lsp;

import dev.ptree.engine.Workspace;
import dev.ptree.text.Escaper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * How every request and notification is run: not before `initialize` nor after `shutdown`, on a
 * snapshot that holds the editor's changes sent before it, on the request threads (never the
 * thread reading messages, nor the pool a scan parses on), and guarded: a failure is logged as one
 * line and answered with a short error, and the server keeps serving.
 */
final class Requests {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Analyzer analyzer;
  private final DocumentUris uris;
  private final Consumer<String> log;
  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "ptree-request-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });
  private volatile boolean initialized;
  private volatile boolean shutdown;

  Requests(Analyzer analyzer, DocumentUris uris, Consumer<String> log) {
    this.analyzer = analyzer;
    this.uris = uris;
    this.log = log;
  }

  void initialized() {
    initialized = true;
  }

  void shutdown() {
    shutdown = true;
  }

  boolean isShutdown() {
    return shutdown;
  }

  interface AtOffset<T> {
    T apply(Snapshot snapshot, String path, int offset);
  }

  /** A request at a position of a document; null for a document the snapshot does not hold. */
  <T> CompletableFuture<T> at(String name, String uri, Position position, AtOffset<T> body) {
    return onSnapshot(name, s -> {
      String path = uris.path(uri);
      Workspace.Document d = s.workspace().document(path);
      if (d == null) {
        return null;
      }
      return body.apply(s, path, Positions.offset(d.source().text(), position));
    });
  }

  <T> CompletableFuture<T> onSnapshot(String name, Function<Snapshot, T> body) {
    CompletableFuture<T> refused = refused(name);
    if (refused != null) {
      return refused;
    }
    return analyzer.current().thenApplyAsync(s -> {
      try {
        return body.apply(s);
      } catch (ResponseErrorException e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        throw internal(name, e);
      }
    }, pool);
  }

  /** A request answered at once, not on a snapshot. */
  <T> CompletableFuture<T> guarded(String name, boolean needsInit, Supplier<T> body) {
    CompletableFuture<T> refused = needsInit ? refused(name) : null;
    if (refused != null) {
      return refused;
    }
    try {
      return CompletableFuture.completedFuture(body.get());
    } catch (ResponseErrorException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException | StackOverflowError e) {
      return CompletableFuture.failedFuture(internal(name, e));
    }
  }

  void notification(String name, Runnable body) {
    if (shutdown) {
      log.accept(name + " after shutdown; ignored");
      return;
    }
    try {
      body.run();
    } catch (RuntimeException | StackOverflowError e) {
      log.accept("internal error in " + name + ": " + Escaper.escape(String.valueOf(e)));
    }
  }

  private <T> CompletableFuture<T> refused(String name) {
    if (initialized && !shutdown) {
      return null;
    }
    return failed(initialized ? ResponseErrorCode.InvalidRequest : ResponseErrorCode.ServerNotInitialized,
        name + (shutdown ? " after shutdown" : " before initialize"));
  }

  private ResponseErrorException internal(String name, Throwable e) {
    String message = "internal error in " + name + ": " + Escaper.escape(String.valueOf(e));
    log.accept(message);
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError, message, null));
  }

  static <T> CompletableFuture<T> failed(ResponseErrorCode code, String message) {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
  }
}
