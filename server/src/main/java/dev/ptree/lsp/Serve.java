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
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** Runs the language server over a pair of streams (stdio) or one loopback TCP connection. */
public final class Serve {
  private Serve() {}

  /** Serves until the client closes the stream or sends exit; returns the exit code. */
  public static int streams(InputStream in, OutputStream out, PrintStream err, String version, IntConsumer exit) {
    PtreeLanguageServer server = new PtreeLanguageServer(version, exit, err);
    Launcher<PtreeClient> launcher = new Launcher.Builder<PtreeClient>()
        .setLocalService(server)
        .setRemoteInterface(PtreeClient.class)
        .setInput(in)
        .setOutput(out)
        .validateMessages(false)
        .create();
    server.connect(launcher.getRemoteProxy());
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

  /** Listens on 127.0.0.1:port for one client (for debugging a server in a terminal). */
  public static int port(int port, PrintStream err, String version, IntConsumer exit) throws IOException {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      err.println("ptree: language server listening on 127.0.0.1:" + socket.getLocalPort());
      try (Socket client = socket.accept()) {
        return streams(client.getInputStream(), client.getOutputStream(), err, version, exit);
      }
    }
  }
}
