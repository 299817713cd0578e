package dev.ptree.cli;

import dev.ptree.lsp.Serve;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `ptree serve`: the language server, over stdio unless a port is given. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Runs the language server (LSP over stdio, or --port for debugging).")
final class ServeCommand implements Callable<Integer> {
  private final InputStream in;
  private final PrintStream protocol;
  private final PrintStream err;

  /** Over stdio the protocol is read from {@code in} and written to {@code protocol}; logs go to {@code err}. */
  ServeCommand(InputStream in, PrintStream protocol, PrintStream err) {
    this.in = in;
    this.protocol = protocol;
    this.err = err;
  }

  @Option(names = "--port", description = "Listen on 127.0.0.1:PORT for one client instead of stdio.")
  Integer port;

  @Option(names = "--stdio", description = "Speak LSP over stdin/stdout (the default; accepted for clients that pass it).")
  boolean stdio;

  @Override
  public Integer call() throws IOException {
    // stdout carries the protocol: nothing else may write to it
    System.setOut(err);
    Serve.logProtocolErrors(err);
    if (port != null) {
      return Serve.port(port, err, Main.VERSION, this::exit);
    }
    return Serve.streams(in, protocol, err, Main.VERSION, this::exit);
  }

  private void exit(int code) {
    protocol.flush();
    System.exit(code);
  }
}
