package dev.ptree.cli;

import dev.ptree.engine.Engine;
import dev.ptree.engine.FixApplier;
import dev.ptree.engine.Settings;
import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Severity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Checks provider config directories and files.")
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

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Provider config directories or files.")
  List<String> paths;

  @Override
  public Integer call() throws IOException {
    List<Inputs.ConfigSetInput> sets;
    try {
      sets = Inputs.collect(paths);
    } catch (Inputs.UsageException e) {
      err.println("ptree: " + e.getMessage());
      return 2;
    }
    Set<String> off = new LinkedHashSet<>();
    for (String code : disabled) {
      var rule = dev.ptree.rules.Rules.find(code);
      if (rule.isEmpty()) {
        err.println("ptree: unknown rule \"" + code + "\"; `ptree rules` lists them");
        return 2;
      }
      off.add(rule.get().code());
    }
    Engine engine = new Engine(new Settings(off, Map.of()), message -> {
      if (timings || !message.startsWith("timing:")) {
        err.println("ptree: " + message);
      }
    });
    long started = System.nanoTime();
    List<CheckedFile> results = new ArrayList<>();
    for (Inputs.ConfigSetInput set : sets) {
      results.addAll(fix ? fixAndCheck(engine, set) : check(engine, set));
    }
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

  private static List<SourceDocument> read(Inputs.ConfigSetInput set) {
    return set.files().parallelStream().map(p -> SourceReader.read(p, p.toString())).toList();
  }

  private static List<CheckedFile> check(Engine engine, Inputs.ConfigSetInput set) {
    List<SourceDocument> docs = read(set);
    return collect(docs, engine.checkConfigSet(set.directory(), docs));
  }

  private static List<CheckedFile> collect(List<SourceDocument> docs, List<Finding> findings) {
    Map<String, List<Finding>> byPath = new HashMap<>();
    for (Finding f : findings) {
      byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
    }
    List<CheckedFile> out = new ArrayList<>();
    for (SourceDocument d : docs) {
      out.add(new CheckedFile(d.path(), d.text(), byPath.getOrDefault(d.path(), List.of())));
    }
    out.sort(java.util.Comparator.comparing(CheckedFile::path));
    return out;
  }

  /** Applies safe fixes until none is left (at most 10 rounds), so a second --fix changes nothing. */
  private static List<CheckedFile> fixAndCheck(Engine engine, Inputs.ConfigSetInput set) throws IOException {
    for (int round = 0; round < 10; round++) {
      List<SourceDocument> docs = read(set);
      List<Finding> findings = engine.checkConfigSet(set.directory(), docs);
      boolean changed = false;
      for (SourceDocument d : docs) {
        if (d.readProblem() != null) {
          continue;
        }
        List<Finding> mine = findings.stream().filter(f -> f.path().equals(d.path())).toList();
        String fixed = FixApplier.applySafe(d.text().content(), mine);
        if (!fixed.equals(d.text().content())) {
          Files.writeString(Path.of(d.path()), fixed, StandardCharsets.UTF_8);
          changed = true;
        }
      }
      if (!changed) {
        return collect(docs, findings);
      }
    }
    List<SourceDocument> docs = read(set);
    return collect(docs, engine.checkConfigSet(set.directory(), docs));
  }
}
