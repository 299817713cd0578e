package dev.ptree.engine;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ItemReparse;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Finding;
import dev.ptree.rules.ProviderRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rules local to one provider config, its provider rules and its {@link FileRule}s, run
 * so that their findings are kept by provider item ({@link LocalFindings}): on every item, or,
 * after an edit inside one item, on that item alone.
 */
final class LocalRules {
  /** How the engine runs one rule: isolated, a failure becoming one finding of the file. */
  interface Isolation {
    List<Finding> run(Rule rule, String path, Consumer<Reporter> body);
  }

  private final Isolation isolation;
  private final List<ProviderRule> providerRules;
  private final List<FileRule> fileRules;
  private final int sliceSize;

  LocalRules(Isolation isolation, List<ProviderRule> providerRules, List<FileRule> fileRules, int sliceSize) {
    this.isolation = isolation;
    this.providerRules = providerRules;
    this.fileRules = fileRules;
    this.sliceSize = sliceSize;
  }

  /**
   * The provider and file rules over one provider config: {@code before}'s findings when it is of
   * this very file; after an edit inside one provider item of {@code before}'s file, those rules
   * on that item alone and {@code before}'s other findings moved; else every rule on every item.
   */
  LocalFindings run(ConfigFile file, LocalFindings before, Workspace.ItemEdit edit) {
    if (before != null && before.file() == file) {
      return before;
    }
    if (before != null && edit != null && edit.follows(before.file())) {
      LocalFindings next = onItem(file, before, edit);
      if (next != null) {
        return next;
      }
    }
    return whole(file);
  }

  private List<ProviderRule> providerRulesFor(ConfigFile file) {
    return file.loadedByNova() ? providerRules : List.of();
  }

  private List<FileRule> fileRulesFor(ConfigFile file) {
    if (file.yaml() == null) {
      return List.of();
    }
    return file.loadedByNova() ? fileRules
        : fileRules.stream().filter(r -> r.info().reads(RuleInfo.Input.UNLOADED_FILES)).toList();
  }

  /** The edited item's findings anew, the rest moved; null when that cannot be done exactly. */
  private LocalFindings onItem(ConfigFile file, LocalFindings before, Workspace.ItemEdit edit) {
    ProviderEntry provider = file.providers().get(edit.item());
    int start = edit.regionStart();
    int end = edit.regionEnd() + edit.delta();
    List<Finding> fresh = new ArrayList<>();
    try {
      for (ProviderRule rule : providerRulesFor(file)) {
        Reporter reporter = new Reporter(rule.info());
        rule.check(file, provider, reporter);
        fresh.addAll(reporter.findings());
      }
      ConfigFile view = file.itemView(provider);
      for (FileRule rule : fileRulesFor(file)) {
        Reporter reporter = new Reporter(rule.info());
        rule.check(view, reporter);
        for (Finding f : reporter.findings()) {
          if (f.span().start() >= start && f.span().start() < end) {
            fresh.add(f); // the view reports the file around the item again: that part is before's
          }
        }
      }
    } catch (RuntimeException | StackOverflowError e) {
      return null; // the whole file again, where the failure is isolated and reported
    }
    return before.replacingItem(file, edit, fresh);
  }

  /** Every provider and file rule over the whole file; each finding kept with its item. */
  private LocalFindings whole(ConfigFile file) {
    int[] regions = ItemReparse.regions(file);
    List<Supplier<Located>> tasks = new ArrayList<>();
    for (FileRule rule : fileRulesFor(file)) {
      tasks.add(() -> {
        List<Finding> found = isolation.run(rule, file.path(), reporter -> rule.check(file, reporter));
        int[] items = new int[found.size()];
        for (int k = 0; k < items.length; k++) {
          items[k] = regions == null ? LocalFindings.OUTSIDE : LocalFindings.itemAt(regions, found.get(k).span().start());
        }
        return new Located(found, items);
      });
    }
    List<ProviderRule> perProvider = providerRulesFor(file);
    int n = file.providers().size();
    if (!perProvider.isEmpty()) {
      for (int i = 0; i < n; i += sliceSize) {
        int from = i;
        int to = Math.min(n, i + sliceSize);
        tasks.add(() -> providers(perProvider, file, from, to));
      }
    }
    List<Located> done = tasks.size() > 2 && n > sliceSize
        ? tasks.parallelStream().map(Supplier::get).toList()
        : tasks.stream().map(Supplier::get).toList();
    List<Finding> findings = new ArrayList<>();
    int size = done.stream().mapToInt(d -> d.findings().size()).sum();
    int[] items = new int[size];
    for (Located d : done) {
      System.arraycopy(d.items(), 0, items, findings.size(), d.items().length);
      findings.addAll(d.findings());
    }
    return new LocalFindings(file, List.copyOf(findings), regions == null ? null : items);
  }

  /** Findings, each with the provider item it belongs to. */
  record Located(List<Finding> findings, int[] items) {}

  /** Providers {@code from} (inclusive) to {@code to} (exclusive) of a file, every rule on each, by provider. */
  Located providers(List<ProviderRule> rules, ConfigFile file, int from, int to) {
    List<ProviderEntry> providers = file.providers().subList(from, to);
    List<Finding> out = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (ProviderRule rule : rules) {
      List<Integer> mine = new ArrayList<>();
      boolean[] finished = {false};
      List<Finding> found = isolation.run(rule, file.path(), reporter -> {
        for (ProviderEntry p : providers) {
          rule.check(file, p, reporter);
          while (mine.size() < reporter.size()) {
            mine.add(p.index());
          }
        }
        finished[0] = true;
      });
      for (int k = 0; k < found.size(); k++) {
        owners.add(finished[0] ? mine.get(k) : LocalFindings.OUTSIDE); // an isolated failure is the file's
      }
      out.addAll(found);
    }
    return new Located(out, owners.stream().mapToInt(Integer::intValue).toArray());
  }
}
