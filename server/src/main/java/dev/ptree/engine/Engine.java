package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.TreeFile;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.registry.Rules;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.Severity;
import dev.ptree.rules.syntax.YmlNotLoaded;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import dev.ptree.yaml.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs the rules for the stages of a {@link Workspace} snapshot. Pure: documents in, findings
 * out. A rule that throws is isolated and becomes one "internal error" finding; the other rules
 * still run.
 */
public final class Engine {
  private final Settings settings;
  private final Consumer<String> log;
  private final int sliceSize;

  public Engine(Settings settings, Consumer<String> log) {
    this(settings, log, 2_000);
  }

  /** {@code sliceSize}: how many providers a slice holds for the per-provider rules. */
  Engine(Settings settings, Consumer<String> log, int sliceSize) {
    this.settings = settings;
    this.log = log;
    this.sliceSize = sliceSize;
    List<Rule> configRules = Rules.all().stream().filter(r -> r.readsConfigs() && settings.enabled(r.code())).toList();
    this.configPerProvider = configRules.stream().filter(r -> r.scope() == Rule.Scope.PROVIDER).toList();
    this.configWhole = configRules.stream().filter(r -> r.scope() == Rule.Scope.SET).toList();
  }

  /** The enabled config-set rules, chosen once: a set pays for running them, not for choosing them. */
  private final List<Rule> configPerProvider;
  private final List<Rule> configWhole;

  /** The config-set rules over one set, before suppressions and severity overrides. */
  List<Finding> runConfigSet(ConfigSetContext context) {
    // nova never reads what its *.yaml glob skips: such files get PT109 and nothing else.
    ConfigSetContext loaded = context.files().stream().allMatch(ConfigFile::loadedByNova) ? context
        : new ConfigSetContext(context.directory(), context.files().stream().filter(ConfigFile::loadedByNova).toList());
    return runSliced(context, loaded, configPerProvider, configWhole);
  }

  /** The per-file rules that read trees, over one tree file on its own. */
  List<Finding> runTree(TreeFile tree) {
    List<Rule> enabled = Rules.all().stream()
        .filter(r -> r.readsTrees() && r.scope() != Rule.Scope.WORKSPACE && settings.enabled(r.code())).toList();
    ConfigSetContext view = new ConfigSetContext(null, List.of(tree.view()));
    return runSliced(view, view, enabled.stream().filter(r -> r.scope() == Rule.Scope.PROVIDER).toList(),
        enabled.stream().filter(r -> r.scope() == Rule.Scope.SET).toList());
  }

  /**
   * The cross-file rules over the whole workspace: those that read the bindings of configs to
   * trees, or those that read the trees alone.
   */
  List<Finding> runWorkspace(WorkspaceContext workspace, boolean bindings) {
    List<Finding> out = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      if (rule instanceof dev.ptree.rules.WorkspaceRule w && w.readsBindings() == bindings
          && settings.enabled(rule.code())) {
        out.addAll(isolated(rule, workspace.trees().isEmpty() ? "" : workspace.trees().get(0).path(),
            reporter -> rule.checkWorkspace(workspace, reporter)));
      }
    }
    return out;
  }

  private List<Finding> runSliced(ConfigSetContext context, ConfigSetContext loaded, List<Rule> perProvider,
      List<Rule> whole) {
    List<ConfigSetContext> slices = slices(loaded);
    // Rules that read one provider at a time run slice by slice — every such rule on a slice
    // while its providers are still in cache; the other rules run once over the whole set.
    List<Supplier<List<Finding>>> tasks = new ArrayList<>();
    for (Rule rule : whole) {
      tasks.add(() -> run(rule, rule instanceof YmlNotLoaded ? context : loaded));
    }
    for (ConfigSetContext slice : slices) {
      tasks.add(() -> perProvider.stream().flatMap(rule -> run(rule, slice).stream()).toList());
    }
    if (slices.size() <= 1) { // a small set: its tasks in turn, no stream to set up per set
      List<Finding> out = new ArrayList<>();
      tasks.forEach(task -> out.addAll(task.get()));
      return out;
    }
    return tasks.parallelStream()
        .flatMap(task -> task.get().stream())
        .toList();
  }

  /** The set cut into slices of at most sliceSize providers; files without providers form one. */
  private List<ConfigSetContext> slices(ConfigSetContext context) {
    List<ConfigSetContext> out = new ArrayList<>();
    for (ConfigFile file : context.files()) {
      List<dev.ptree.model.ProviderEntry> providers = file.providers();
      if (providers.isEmpty()) {
        out.add(new ConfigSetContext(context.directory(), List.of(file)));
      }
      for (int i = 0; i < providers.size(); i += sliceSize) {
        ConfigFile slice = providers.size() <= sliceSize ? file
            : file.withProviders(providers.subList(i, Math.min(providers.size(), i + sliceSize)));
        out.add(new ConfigSetContext(context.directory(), List.of(slice)));
      }
    }
    return out;
  }

  /** One rule, isolated: if it throws, its findings are one "internal error" and the rest go on. */
  private List<Finding> run(Rule rule, ConfigSetContext context) {
    String path = context.files().isEmpty() ? "" : context.files().get(0).path();
    return isolated(rule, path, reporter -> rule.check(context, reporter));
  }

  private List<Finding> isolated(Rule rule, String path, Consumer<Reporter> body) {
    Reporter reporter = new Reporter(rule.info());
    try {
      long t0 = System.nanoTime();
      body.accept(reporter);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms >= 50) {
        log.accept("timing: " + rule.code() + " " + ms + " ms");
      }
      return reporter.findings();
    } catch (RuntimeException | StackOverflowError e) {
      log.accept("internal error in " + rule.code() + ": " + Escaper.escape(String.valueOf(e)));
      return List.of(new Finding(rule.info(), Severity.WARNING, path, Span.at(0),
          "internal error in " + rule.code() + " (" + Escaper.escape(String.valueOf(e)) + "); other rules still ran",
          List.of(), List.of()));
    }
  }

  static Map<String, List<Finding>> byPath(List<Finding> findings) {
    Map<String, List<Finding>> out = new HashMap<>();
    for (Finding f : findings) {
      out.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
    }
    return out;
  }

  /**
   * One file's findings as a user sees them: suppression comments applied (and the unused ones
   * reported), severities overridden, sorted, duplicates dropped.
   */
  List<Finding> finish(SourceText text, String path, List<YNode> nodes, List<Finding> raw) {
    if (raw.isEmpty() && !Suppressions.mayHold(text)) {
      return List.of(); // nothing found, nothing suppressed: most files of a repository
    }
    Suppressions suppressions = Suppressions.parse(text, new ScalarLookup(nodes)::contains);
    List<Finding> kept = new ArrayList<>(raw.size());
    ProjectScope.FileRules file = settings.project().rulesFor(path);
    for (Finding f : raw) {
      if (!settings.reports(file, f.code()) || suppressions.suppresses(f, text)) {
        continue;
      }
      Severity severity = settings.severity(file, f.code(), f.severity());
      kept.add(severity == f.severity() ? f : f.withSeverity(severity));
    }
    if (settings.reports(file, Rules.UNUSED_SUPPRESSION.code())) {
      for (Suppressions.Entry e : suppressions.unused()) {
        if (e.rule() != null && !file.reports(e.rule().code())) {
          continue; // the project does not report that rule here: the comment is not stale
        }
        String message = e.rule() == null
            ? "unknown rule " + Escaper.quote(e.code()) + " in a suppression comment"
            : "suppression of " + e.rule().code() + " is unused: nothing here triggers it";
        kept.add(new Finding(Rules.UNUSED_SUPPRESSION.info(), settings.severity(file, Rules.UNUSED_SUPPRESSION.code(),
            Rules.UNUSED_SUPPRESSION.info().defaultSeverity()), path, e.span(), message, List.of(), List.of()));
      }
    }
    kept.sort(Comparator.comparingInt((Finding f) -> f.span().start())
        .thenComparing(Finding::code).thenComparing(Finding::message));
    return dedupe(kept);
  }

  /** Whether an offset lies inside a scalar's text; the sorted span index is built on first use. */
  private static final class ScalarLookup {
    private final List<YNode> nodes;
    private int[] starts;
    private int[] ends;

    ScalarLookup(List<YNode> nodes) {
      this.nodes = nodes;
    }

    boolean contains(int offset) {
      if (starts == null) {
        List<Span> spans = new ArrayList<>();
        for (var node : nodes) {
          if (node instanceof dev.ptree.yaml.YScalar s && s.span().length() > 0) {
            spans.add(s.span());
          }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        starts = spans.stream().mapToInt(Span::start).toArray();
        ends = spans.stream().mapToInt(Span::end).toArray();
      }
      int i = java.util.Arrays.binarySearch(starts, offset);
      int candidate = i >= 0 ? i : -i - 2;
      return candidate >= 0 && offset < ends[candidate];
    }
  }

  private static List<Finding> dedupe(List<Finding> sorted) {
    List<Finding> out = new ArrayList<>(sorted.size());
    Finding previous = null;
    for (Finding f : sorted) {
      if (previous == null || !(previous.code().equals(f.code()) && previous.span().equals(f.span())
          && previous.message().equals(f.message()) && previous.path().equals(f.path()))) {
        out.add(f);
      }
      previous = f;
    }
    return out;
  }

  /** Python sorts str by code point; Java's compareTo by UTF-16 unit. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
