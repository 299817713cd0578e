package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.TreeFile;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.SuppressionRule;
import dev.ptree.rules.TreeRule;
import dev.ptree.rules.WorkspaceRule;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.registry.Rules;
import dev.ptree.rules.WorkspaceContext;
import dev.ptree.rules.Severity;
import dev.ptree.text.Message;
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
    this.configPerProvider = reading(enabled(Rules.providerRules()), RuleInfo.Input.CONFIGS);
    this.configFile = reading(enabled(Rules.fileRules()), RuleInfo.Input.CONFIGS);
    this.configWhole = reading(enabled(Rules.configSetRules()), RuleInfo.Input.CONFIGS);
    this.treePerProvider = reading(enabled(Rules.providerRules()), RuleInfo.Input.TREES);
    this.treeFile = reading(enabled(Rules.fileRules()), RuleInfo.Input.TREES);
    this.treeWhole = reading(enabled(Rules.configSetRules()), RuleInfo.Input.TREES);
    this.treeRules = enabled(Rules.treeRules());
    this.workspaceRules = enabled(Rules.workspaceRules());
    this.local = new LocalRules(this::isolated, configPerProvider, configFile, sliceSize);
  }

  /** The enabled rules of each kind, chosen once: a set pays for running them, not for choosing them. */
  private final List<ProviderRule> configPerProvider;
  private final List<FileRule> configFile;
  private final List<ConfigSetRule> configWhole;
  private final List<ProviderRule> treePerProvider;
  private final List<FileRule> treeFile;
  private final List<ConfigSetRule> treeWhole;
  private final List<TreeRule> treeRules;
  private final List<WorkspaceRule> workspaceRules;
  private final LocalRules local;

  /** The config-set rules over one set, before suppressions and severity overrides. */
  List<Finding> runSetWide(ConfigSetContext context) {
    // nova never reads what its *.yaml glob skips: only rules that say so see such files.
    ConfigSetContext loaded = context.files().stream().allMatch(ConfigFile::loadedByNova) ? context
        : new ConfigSetContext(context.directory(), context.files().stream().filter(ConfigFile::loadedByNova).toList());
    List<Finding> out = new ArrayList<>();
    for (ConfigSetRule rule : configWhole) {
      ConfigSetContext set = rule.info().reads(RuleInfo.Input.UNLOADED_FILES) ? context : loaded;
      out.addAll(isolated(rule, context.files().isEmpty() ? "" : context.files().get(0).path(),
          reporter -> rule.check(set, reporter)));
    }
    return out;
  }

  /**
   * The provider and file rules over one provider config: {@code before}'s findings when it is of
   * this very file, else as {@link LocalRules#run} finds them.
   */
  LocalFindings runLocal(ConfigFile file, LocalFindings before, Workspace.ItemEdit edit) {
    return local.run(file, before, edit);
  }

  /** The rules that read trees, over one tree file on its own (and its view as a config set). */
  List<Finding> runTree(TreeFile tree) {
    ConfigSetContext view = new ConfigSetContext(null, List.of(tree.view()));
    List<Finding> out = new ArrayList<>(runSet(view, treePerProvider, treeWhole));
    if (tree.view().yaml() != null) {
      for (FileRule rule : treeFile) {
        out.addAll(isolated(rule, tree.path(), reporter -> rule.check(tree.view(), reporter)));
      }
    }
    for (TreeRule rule : treeRules) {
      out.addAll(isolated(rule, tree.path(), reporter -> rule.check(tree, reporter)));
    }
    return out;
  }

  /**
   * The cross-file rules over the whole workspace: those that read the bindings of configs to
   * trees, or those that read the trees alone.
   */
  List<Finding> runWorkspace(WorkspaceContext workspace, boolean bindings) {
    String path = workspace.trees().isEmpty() ? "" : workspace.trees().get(0).path();
    List<Finding> out = new ArrayList<>();
    for (WorkspaceRule rule : workspaceRules) {
      if (rule.info().reads(RuleInfo.Input.BINDINGS) == bindings) {
        out.addAll(isolated(rule, path, reporter -> rule.check(workspace, reporter)));
      }
    }
    return out;
  }

  private <R extends Rule> List<R> enabled(List<R> rules) {
    return rules.stream().filter(r -> settings.enabled(r.code())).toList();
  }

  private static <R extends Rule> List<R> reading(List<R> rules, RuleInfo.Input dialect) {
    return rules.stream().filter(r -> r.info().reads(dialect)).toList();
  }

  /** A tree's view: its config-set rules once, its provider rules slice by slice, in parallel for a large tree. */
  private List<Finding> runSet(ConfigSetContext view, List<ProviderRule> perProvider, List<ConfigSetRule> whole) {
    String path = view.files().get(0).path();
    List<Supplier<List<Finding>>> tasks = new ArrayList<>();
    for (ConfigSetRule rule : whole) {
      tasks.add(() -> isolated(rule, path, reporter -> rule.check(view, reporter)));
    }
    ConfigFile file = view.files().get(0);
    int n = file.providers().size();
    for (int i = 0; i < n && !perProvider.isEmpty(); i += sliceSize) {
      int from = i;
      int to = Math.min(n, i + sliceSize);
      tasks.add(() -> local.providers(perProvider, file, from, to).findings());
    }
    if (n <= sliceSize) { // a small tree: its tasks in turn, no stream to set up
      List<Finding> out = new ArrayList<>();
      tasks.forEach(task -> out.addAll(task.get()));
      return out;
    }
    return tasks.parallelStream()
        .flatMap(task -> task.get().stream())
        .toList();
  }

  /** One rule, isolated: if it throws, its findings are one "internal error" and the rest go on. */
  List<Finding> isolated(Rule rule, String path, Consumer<Reporter> body) {
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
      log.accept(Message.format("internal error in {}: {}", rule.code(), e));
      Reporter failure = new Reporter(rule.info());
      failure.report(path, Span.at(0), "internal error in {} ({}); other rules still ran", rule.code(), e)
          .severity(Severity.WARNING);
      return failure.findings();
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
    SuppressionRule unusedRule = Rules.unusedSuppression();
    if (settings.reports(file, unusedRule.code())) {
      List<SuppressionRule.Unused> unused = new ArrayList<>();
      for (Suppressions.Entry e : suppressions.unused()) {
        if (e.rule() != null && !file.reports(e.rule().code())) {
          continue; // the project does not report that rule here: the comment is not stale
        }
        unused.add(new SuppressionRule.Unused(e.code(), e.rule() == null ? null : e.rule().info(), e.span()));
      }
      for (Finding f : isolated(unusedRule, path, reporter -> unusedRule.check(path, unused, reporter))) {
        Severity severity = settings.severity(file, f.code(), f.severity());
        kept.add(severity == f.severity() ? f : f.withSeverity(severity));
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
