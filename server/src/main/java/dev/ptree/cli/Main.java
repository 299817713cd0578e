package dev.ptree.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ptree} command line. Exit codes: 0 no errors, 1 errors found, 2 usage or I/O problem. */
@Command(name = "ptree", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Validates OpenStack Nova provider configs and provider trees.",
    subcommands = {CheckCommand.class, ShowCommand.class, ServeCommand.class, RulesCommand.class, ExplainCommand.class})
public final class Main implements Runnable {
  static final String VERSION = "0.1.0";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: check, rules or explain");
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    System.exit(code);
  }

  /** Runs a command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.in);
  }

  /** The same, reading standard input ({@code check --stdin-filename PATH -}) from {@code in}. */
  public static int run(String[] args, PrintStream out, PrintStream err, java.io.InputStream in) {
    CommandLine cli = new CommandLine(new Main(), new Factory(in, out, err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(e -> 2);
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("ptree: " + dev.ptree.text.Escaper.escape(e.getMessage()));
      e.getCommandLine().usage(err);
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("ptree: internal error: " + dev.ptree.text.Escaper.escape(String.valueOf(e)));
      return 2;
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
    }
  }

  /** Builds the commands with the streams of this run: no command reads or writes a global stream. */
  private record Factory(java.io.InputStream in, PrintStream out, PrintStream err) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      Object command = type == CheckCommand.class ? new CheckCommand(in, out, err)
          : type == ShowCommand.class ? new ShowCommand(out, err)
          : type == ServeCommand.class ? new ServeCommand(in, out, err)
          : null;
      return command != null ? type.cast(command) : CommandLine.defaultFactory().create(type);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"ptree " + VERSION};
    }
  }
}
