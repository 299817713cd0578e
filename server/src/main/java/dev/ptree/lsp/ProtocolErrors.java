package dev.ptree.lsp;

import dev.ptree.text.Escaper;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Every way an exception can reach the wire, answered cleanly. LSP4J by default answers a failed
 * request with -32603 and the Java stack trace in {@code data}, and answers a method the server
 * does not implement (the interface's default methods, such as {@code textDocument/inlayHint})
 * the same way. Here a method the server does not implement answers MethodNotFound, an
 * unimplemented notification is ignored, and any other failure answers a one-line message with
 * no {@code data}, logged as one escaped line.
 */
final class ProtocolErrors {
  private static final int MAX_MESSAGE = 300;

  private ProtocolErrors() {}

  /** The server's methods, where one the server does not implement is refused cleanly. */
  static Endpoint implementedOnly(Object server, PrintStream err) {
    return new ImplementedOnly(ServiceEndpoints.toEndpoint(server),
        ServiceEndpoints.getSupportedMethods(server.getClass()).keySet(), err);
  }

  /** The remote endpoint whose every error response is short and carries no stack trace. */
  static RemoteEndpoint remoteEndpoint(MessageConsumer out, Endpoint local, PrintStream err) {
    return new CleanRemoteEndpoint(out, local, t -> toError(t, err));
  }

  /** A failure as the error a client is answered with. */
  static ResponseError toError(Throwable thrown, PrintStream err) {
    Throwable t = unwrap(thrown);
    if (t instanceof ResponseErrorException r) {
      ResponseError e = r.getResponseError();
      return new ResponseError(e.getCode(), bounded(e.getMessage()), e.getData() instanceof Throwable ? null : e.getData());
    }
    if (t instanceof UnsupportedOperationException) {
      return new ResponseError(ResponseErrorCode.MethodNotFound, "not implemented by ptree", null);
    }
    String message = "internal error: " + bounded(String.valueOf(t));
    err.println("ptree: " + message);
    return new ResponseError(ResponseErrorCode.InternalError, message, null);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable at = t;
    while ((at instanceof CompletionException || at instanceof ExecutionException
        || at instanceof InvocationTargetException) && at.getCause() != null) {
      at = at.getCause();
    }
    return at;
  }

  private static String bounded(String message) {
    String m = Escaper.escape(message == null ? "" : message);
    return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
  }

  private static <T> CompletableFuture<T> methodNotFound(String method) {
    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(ResponseErrorCode.MethodNotFound,
        "ptree does not implement " + bounded(method), null)));
  }

  /** Routes to the server the methods it implements; refuses the others without a log line. */
  private record ImplementedOnly(Endpoint server, Set<String> methods, PrintStream err) implements Endpoint {
    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
      if (!methods.contains(method)) {
        return methodNotFound(method);
      }
      try {
        return server.request(method, parameter);
      } catch (UnsupportedOperationException e) {
        return methodNotFound(method); // an LSP4J interface method the server does not override
      }
    }

    @Override
    public void notify(String method, Object parameter) {
      if (!methods.contains(method)) {
        return; // a notification nobody here listens to: ignored, as the protocol allows
      }
      try {
        server.notify(method, parameter);
      } catch (UnsupportedOperationException e) {
        // an LSP4J interface notification the server does not override (such as $/setTrace): ignored
      } catch (RuntimeException e) {
        err.println("ptree: " + bounded(method + " failed: " + e));
      }
    }
  }

  /** LSP4J's endpoint, answering a request it cannot read without the cause's details in {@code data}. */
  private static final class CleanRemoteEndpoint extends RemoteEndpoint {
    private final MessageConsumer out;

    CleanRemoteEndpoint(MessageConsumer out, Endpoint local, java.util.function.Function<Throwable, ResponseError> errors) {
      super(out, local, errors);
      this.out = out;
    }

    @Override
    protected void handleRequestIssues(RequestMessage request, List<MessageIssue> issues) {
      MessageIssue first = issues.get(0);
      ResponseError error = issues.size() == 1 ? new ResponseError(first.getIssueCode(), bounded(first.getText()), null)
          : new ResponseError(ResponseErrorCode.InvalidRequest, "multiple issues in the "
              + bounded(String.valueOf(request.getMethod())) + " request; the first: " + bounded(first.getText()), null);
      out.consume(createErrorResponseMessage(request, error));
    }
  }
}
