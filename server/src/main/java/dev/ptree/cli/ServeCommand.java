package dev.ptree.cli;

import dev.ptree.lsp.Serve;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `ptree serve`: the language server, over stdio unless a port is given. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Runs the language server (LSP over stdio, or --port for debugging).")
final class ServeCommand implements Callable<Integer> {
  private static PrintStream err = System.err;

  static void streams(PrintStream e) {
    err = e;
  }

  @Option(names = "--port", description = "Listen on 127.0.0.1:PORT for one client instead of stdio.")
  Integer port;

  @Option(names = "--stdio", description = "Speak LSP over stdin/stdout (the default; accepted for clients that pass it).")
  boolean stdio;

  @Override
  public Integer call() throws IOException {
    // stdout carries the protocol: nothing else may write to it
    PrintStream protocol = System.out;
    System.setOut(err);
    Serve.logProtocolErrors(err);
    if (port != null) {
      return Serve.port(port, err, Main.VERSION, ServeCommand::exit);
    }
    return Serve.streams(System.in, protocol, err, Main.VERSION, ServeCommand::exit);
  }

  private static void exit(int code) {
    System.out.flush();
    System.exit(code);
  }
}
