package dev.ptree.cli;

import dev.ptree.engine.FixApplier;
import dev.ptree.engine.Settings;
import dev.ptree.io.Inputs;
import dev.ptree.io.WorkspaceLoader;
import dev.ptree.io.SourceReader;
import dev.ptree.engine.Workspace;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.Escaper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Checks provider config directories, provider tree files and the configs they bind.")
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json, sarif }

  private static PrintStream out = System.out;
  private static PrintStream err = System.err;

  static void streams(PrintStream o, PrintStream e) {
    out = o;
    err = e;
  }

  @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--fix", description = "Apply safe fixes to the files, then report what remains.")
  boolean fix;

  @Option(names = "--no-snippets", description = "Text output without source snippets.")
  boolean noSnippets;

  @Option(names = "--timings", description = "Print how long each phase took, on stderr.")
  boolean timings;

  @Option(names = "--disable", split = ",", paramLabel = "CODE", description = "Rules to switch off.")
  List<String> disabled = new ArrayList<>();

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Directories, provider config files or provider tree files.")
  List<String> paths;

  @Override
  public Integer call() throws IOException {
    List<Inputs.FileInput> inputs = CheckCommand.inputs(paths, err);
    if (inputs == null) {
      return 2;
    }
    Set<String> off = new LinkedHashSet<>();
    for (String code : disabled) {
      var rule = dev.ptree.rules.Rules.find(code);
      if (rule.isEmpty()) {
        err.println("ptree: unknown rule " + Escaper.quote(code) + "; `ptree rules` lists them");
        return 2;
      }
      off.add(rule.get().code());
    }
    long started = System.nanoTime();
    Workspace workspace = WorkspaceLoader.load(new Settings(off, Map.of()), inputs, log(err, timings));
    if (fix) {
      workspace = fixAll(workspace);
    }
    List<CheckedFile> results = results(workspace);
    long checked = System.nanoTime();
    switch (format) {
      case json -> JsonReport.write(results, out);
      case sarif -> SarifReport.write(results, out, Main.VERSION);
      default -> {
        TextReport.write(results, out, !noSnippets);
        long errors = TextReport.count(results, Severity.ERROR);
        long warnings = TextReport.count(results, Severity.WARNING);
        out.println(TextReport.summary((int) errors, (int) warnings, results.size()));
      }
    }
    out.flush();
    if (timings) {
      err.printf("ptree: JVM start to main %d ms, collect+read+check %d ms, report %d ms%n",
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
              - (System.nanoTime() - started) / 1_000_000,
          (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    }
    return TextReport.count(results, Severity.ERROR) > 0 ? 1 : 0;
  }

  /** The files the paths name; null after printing why when a path does not exist. */
  static List<Inputs.FileInput> inputs(List<String> paths, PrintStream err) {
    try {
      return Inputs.files(paths);
    } catch (Inputs.UsageException e) {
      err.println("ptree: " + Escaper.escape(e.getMessage()));
      return null;
    }
  }

  static java.util.function.Consumer<String> log(PrintStream err, boolean timings) {
    return message -> {
      if (timings || !message.startsWith("timing:")) {
        err.println("ptree: " + Escaper.escape(message));
      }
    };
  }

  static List<CheckedFile> results(Workspace workspace) {
    List<CheckedFile> out = new ArrayList<>();
    for (Workspace.Document d : workspace.documents()) {
      if (d.kind() != Workspace.Kind.IGNORED) {
        out.add(new CheckedFile(d.path(), d.source().text(), workspace.findings(d.path())));
      }
    }
    out.sort(java.util.Comparator.comparing(CheckedFile::path));
    return out;
  }

  /**
   * Applies safe fixes until none is left (at most 10 rounds), so a second --fix changes nothing.
   * Each round re-reads only the files it rewrote.
   */
  private static Workspace fixAll(Workspace workspace) throws IOException {
    for (int round = 0; round < 10; round++) {
      List<Workspace.Input> changed = new ArrayList<>();
      for (Workspace.Document d : workspace.documents()) {
        if (d.kind() == Workspace.Kind.IGNORED || d.source().readProblem() != null) {
          continue;
        }
        String fixed = FixApplier.applySafe(d.source().text().content(), workspace.findings(d.path()));
        if (!fixed.equals(d.source().text().content())) {
          Files.writeString(Path.of(d.path()), fixed, StandardCharsets.UTF_8);
          changed.add(new Workspace.Input(SourceReader.read(Path.of(d.path()), d.path()), d.kind()));
        }
      }
      if (changed.isEmpty()) {
        return workspace;
      }
      workspace = workspace.update(changed);
    }
    return workspace;
  }
}
