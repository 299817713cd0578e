package dev.ptree.cli;

import dev.ptree.engine.FixApplier;
import dev.ptree.engine.Settings;
import dev.ptree.io.Inputs;
import dev.ptree.io.ProjectConfigReader;
import dev.ptree.io.ProjectConfigs;
import dev.ptree.io.WorkspaceLoader;
import dev.ptree.io.SourceReader;
import dev.ptree.engine.Workspace;
import dev.ptree.rules.Severity;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.text.Escaper;
import java.io.IOException;
import java.io.InputStream;
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
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  /** {@code in} is read only for standard input ({@code -}); the report goes to {@code out}. */
  CheckCommand(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Option(names = "--format", defaultValue = "text", converter = Reports.FormatConverter.class,
      description = "text, json, sarif, github, gitlab, junit or json-lines (default: ${DEFAULT-VALUE})")
  Reports.Format format;

  @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path outputFile;

  @Option(names = "--fix", description = "Apply safe fixes to the files, then report what remains.")
  boolean fix;

  @Option(names = "--no-snippets", description = "Text output without source snippets.")
  boolean noSnippets;

  @Option(names = "--timings", description = "Print how long each phase took, on stderr.")
  boolean timings;

  @Option(names = "--disable", split = ",", paramLabel = "CODE", description = "Rules to switch off, on top of ptree.toml.")
  List<String> disabled = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "Use this ptree.toml for every path instead of each path's nearest one.")
  Path config;

  @Option(names = "--isolated", description = "Ignore every ptree.toml.")
  boolean isolated;

  @Option(names = "--force-exclude", description = "Apply ptree.toml's exclude to files named on the command line too (for pre-commit).")
  boolean forceExclude;

  @Option(names = "--exit-zero", description = "Exit 0 even when errors are found (2 still means a usage or I/O problem).")
  boolean exitZero;

  @Option(names = "--statistics", description = "Print how many findings each rule has, instead of the findings (unless --output-file takes the report).")
  boolean statistics;

  @Option(names = "--stdin-filename", paramLabel = "PATH", description = "Check standard input (PATH given as -) as if it were the file PATH, with the other files of its folder.")
  String stdinFilename;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Directories, provider config files or provider tree files; - for standard input.")
  List<String> paths;

  @Override
  public Integer call() throws IOException {
    boolean stdin = paths.contains("-");
    if (stdin != (stdinFilename != null) || stdin && paths.size() != 1) {
      err.println("ptree: " + (stdin && paths.size() != 1 ? "- (standard input) cannot be checked with other paths"
          : stdin ? "reading standard input (-) needs --stdin-filename PATH"
          : "--stdin-filename needs - as the path to check"));
      return 2;
    }
    if (stdin && fix) {
      err.println("ptree: --fix rewrites files and cannot be used with standard input");
      return 2;
    }
    if (config != null && isolated) {
      err.println("ptree: --config and --isolated exclude each other");
      return 2;
    }
    Set<String> off = new LinkedHashSet<>();
    for (String code : disabled) {
      var rule = dev.ptree.rules.registry.Rules.find(code);
      if (rule.isEmpty()) {
        err.println("ptree: unknown rule " + Escaper.quote(code) + "; `ptree rules` lists them");
        return 2;
      }
      off.add(rule.get().code());
    }
    ProjectConfigs projects;
    try {
      projects = isolated ? ProjectConfigs.isolated() : config != null ? ProjectConfigs.fixed(config)
          : ProjectConfigs.discover(log(err, timings));
    } catch (ProjectConfigReader.ConfigException e) {
      err.println(e.display());
      return 2;
    }
    projects.forceExclude(forceExclude);
    List<String> named = stdin ? stdinFolder() : paths;
    List<Workspace.Input> extra = new ArrayList<>();
    String stdinKey = null;
    if (stdin) {
      Path target = Path.of(stdinFilename);
      stdinKey = new Inputs.FileInput(target, Workspace.Kind.AUTO).key();
      byte[] bytes = in.readNBytes((int) SourceReader.MAX_BYTES + 1);
      if (bytes.length > SourceReader.MAX_BYTES) {
        err.println("ptree: standard input is over the size limit of " + SourceReader.MAX_BYTES / (1024 * 1024) + " MiB");
        return 2;
      }
      var source = SourceReader.decode(stdinKey, target.getFileName() == null ? stdinKey : target.getFileName().toString(), bytes);
      extra.add(new Workspace.Input(source, Inputs.kindOf(target, source.text().content())));
    }
    // every path's ptree.toml is read before anything is checked: a bad one stops the run (exit 2)
    try {
      for (String p : named) {
        Path path = Path.of(p);
        projects.forDirectory(Files.isDirectory(path) ? path : path.toAbsolutePath().getParent());
      }
    } catch (ProjectConfigReader.ConfigException e) {
      err.println(e.display());
      return 2;
    }
    List<Inputs.FileInput> inputs = CheckCommand.inputs(named, projects, err);
    if (inputs == null) {
      return 2;
    }
    try {
      Set<Path> folders = new HashSet<>();
      for (Inputs.FileInput i : inputs) {
        Path folder = i.path().getParent() != null ? i.path().getParent() : i.path().toAbsolutePath().getParent();
        if (folders.add(folder)) {
          projects.forDirectory(folder);
        }
      }
    } catch (ProjectConfigReader.ConfigException e) {
      err.println(e.display());
      return 2;
    }
    if (stdin) {
      String key = stdinKey;
      inputs = inputs.stream().filter(i -> !i.key().equals(key)).toList();
    }
    long started = System.nanoTime();
    Workspace workspace = WorkspaceLoader.load(new Settings(off, Map.of(), projects), inputs, extra, log(err, timings));
    if (fix) {
      workspace = fixAll(workspace);
    }
    List<CheckedFile> results = results(workspace);
    texts = new java.util.HashMap<>();
    for (CheckedFile f : results) {
      texts.put(f.path(), f.text());
    }
    if (stdin) {
      String key = stdinKey;
      results = results.stream().filter(f -> f.path().equals(key)).toList();
    }
    long checked = System.nanoTime();
    long errors = TextReport.count(results, Severity.ERROR);
    PrintStream report = out;
    if (outputFile != null) {
      try {
        report = new PrintStream(new java.io.BufferedOutputStream(Files.newOutputStream(outputFile), 1 << 16), false,
            StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        err.println("ptree: cannot write " + Escaper.quote(outputFile.toString()) + ": " + Escaper.escape(String.valueOf(e.getMessage())));
        return 2;
      }
    }
    try {
      if (!statistics || outputFile != null) {
        Reports.write(format, results, texts, report, err, !noSnippets);
      }
      if (statistics) {
        Statistics.write(results, out);
      }
    } finally {
      report.flush();
      if (report != out) {
        report.close();
      }
    }
    if (report.checkError()) {
      err.println("ptree: writing the report failed");
      return 2;
    }
    out.flush();
    if (timings) {
      err.printf("ptree: JVM start to main %d ms, collect+read+check %d ms, report %d ms%n",
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
              - (System.nanoTime() - started) / 1_000_000,
          (checked - started) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    }
    return errors > 0 && !exitZero ? 1 : 0;
  }

  /** Every checked document's text, reported or not: related locations point into them. */
  private Map<String, dev.ptree.text.SourceText> texts = Map.of();

  /** The folder standard input's file lives in: checked with it, as `ptree check` of that folder would. */
  private List<String> stdinFolder() {
    Path given = Path.of(stdinFilename).getParent();
    String folder = given == null ? "." : given.toString();
    return Files.isDirectory(Path.of(folder)) ? List.of(folder) : List.of(); // a new file in a new folder: alone
  }

  /** The files the paths name; null after printing why when a path does not exist. */
  static List<Inputs.FileInput> inputs(List<String> paths, PrintStream err) {
    return inputs(paths, Inputs.Filter.NONE, err);
  }

  static List<Inputs.FileInput> inputs(List<String> paths, Inputs.Filter filter, PrintStream err) {
    try {
      return Inputs.files(paths, filter);
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
