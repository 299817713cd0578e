package dev.ptree.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;

/** Runs the language server over a pair of streams (stdio) or one loopback TCP connection. */
public final class Serve {
  private Serve() {}

  /** Serves until the client closes the stream or sends exit; returns the exit code. */
  public static int streams(InputStream in, OutputStream out, PrintStream err, String version, IntConsumer exit) {
    PtreeLanguageServer server = new PtreeLanguageServer(version, exit, err);
    Launcher<PtreeClient> launcher = launcher(server, in, out, err);
    try {
      launcher.startListening().get();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (ExecutionException e) {
      err.println("ptree: the connection failed: " + dev.ptree.text.Escaper.escape(String.valueOf(e.getCause())));
      return 1;
    }
  }

  /**
   * The JSON-RPC connection of a server, connected to it: messages read past a wrong
   * Content-Length, and every error answered without a stack trace ({@link ProtocolErrors}).
   */
  static Launcher<PtreeClient> launcher(PtreeLanguageServer server, InputStream in, OutputStream out, PrintStream err) {
    Launcher<PtreeClient> launcher = new ResyncingBuilder(err)
        .setLocalService(server)
        .setRemoteInterface(PtreeClient.class)
        .setInput(in)
        .setOutput(out)
        .validateMessages(false)
        .create();
    server.connect(launcher.getRemoteProxy());
    return launcher;
  }

  /** Listens on 127.0.0.1:port for one client (for debugging a server in a terminal). */
  public static int port(int port, PrintStream err, String version, IntConsumer exit) throws IOException {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      err.println("ptree: language server listening on 127.0.0.1:" + socket.getLocalPort());
      try (Socket client = socket.accept()) {
        return streams(client.getInputStream(), client.getOutputStream(), err, version, exit);
      }
    }
  }

  /**
   * Logs what LSP4J reports through java.util.logging (malformed frames, unparsable messages) as
   * one escaped, bounded line on stderr, without a stack trace: these are the client's mistakes,
   * answered on the protocol where they carried an id, not failures of the server. An exception
   * no one caught on some thread is one such line too.
   */
  public static void logProtocolErrors(PrintStream err) {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    // a failure on a thread no one guards is one line too, never a stack trace
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> err.println("ptree: internal error on thread "
        + dev.ptree.text.Escaper.escape(thread.getName()) + ": " + dev.ptree.text.Escaper.escape(String.valueOf(e))));
    SimpleFormatter formatter = new SimpleFormatter();
    root.addHandler(new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r == null || !isLoggable(r)) {
          return;
        }
        String message = r.getMessage() == null ? "" : formatter.formatMessage(r);
        Throwable t = r.getThrown();
        if (t != null && !message.equals(t.getMessage()) && !message.equals(String.valueOf(t))) {
          message = message.isEmpty() ? String.valueOf(t) : message + ": " + t;
        }
        if (message.length() > 500) {
          message = message.substring(0, 500) + "...";
        }
        err.println("ptree: protocol " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
            + dev.ptree.text.Escaper.escape(message));
      }

      @Override
      public void flush() {
        err.flush();
      }

      @Override
      public void close() {
      }
    });
  }

  /**
   * LSP4J's launcher with a reader that finds its way back after a wrong Content-Length: the
   * left-over bytes of the broken message run into the next header line, which LSP4J would not
   * recognise; so every later message would be lost. Here such a line is read from its last
   * {@code Content-Length:}, and the next message is served.
   */
  private static final class ResyncingBuilder extends Launcher.Builder<PtreeClient> {
    private final PrintStream err;
    private MessageJsonHandler json;
    private RemoteEndpoint endpoint;

    ResyncingBuilder(PrintStream err) {
      this.err = err;
    }

    @Override
    protected MessageJsonHandler createJsonHandler() {
      json = super.createJsonHandler();
      return json;
    }

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
      MessageConsumer out = wrapMessageConsumer(new StreamMessageConsumer(output, handler));
      endpoint = ProtocolErrors.remoteEndpoint(out, ProtocolErrors.implementedOnly(localServices.iterator().next(), err), err);
      handler.setMethodProvider(endpoint);
      endpoint.setJsonHandler(handler);
      return endpoint;
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
        PtreeClient proxy) {
      return super.createMessageProcessor(new ResyncingProducer(input, json, endpoint), consumer, proxy);
    }
  }

  static final class ResyncingProducer extends StreamMessageProducer {
    private static final String HEADER = "Content-Length:";

    ResyncingProducer(InputStream in, MessageJsonHandler json, RemoteEndpoint issues) {
      super(in, json, issues);
    }

    @Override
    protected void parseHeader(String line, Headers headers) {
      int at = line.lastIndexOf(HEADER);
      if (at > 0) {
        fireError(new IllegalStateException("skipped " + at + " characters before a " + HEADER + " header"));
        line = line.substring(at);
      }
      super.parseHeader(line, headers);
    }
  }
}
