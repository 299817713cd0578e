package dev.ptree.cli;

import dev.ptree.rules.Finding;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.RuleInfo;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code --statistics}: how many findings each rule has, most first, and how many a safe fix can mend. */
final class Statistics {
  private Statistics() {}

  static void write(List<CheckedFile> files, PrintStream out) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, RuleInfo> rules = new TreeMap<>();
    for (CheckedFile file : files) {
      for (Finding f : file.findings()) {
        int[] c = counts.computeIfAbsent(f.code(), k -> new int[2]);
        c[0]++;
        if (f.fixes().stream().anyMatch(x -> x.safety() == FixSafety.SAFE)) {
          c[1]++;
        }
        rules.putIfAbsent(f.code(), f.rule());
      }
    }
    counts.entrySet().stream()
        .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
            : a.getKey().compareTo(b.getKey()))
        .forEach(e -> {
          RuleInfo r = rules.get(e.getKey());
          String line = String.format(java.util.Locale.ROOT, "%6d  %s  %-26s %-11s%s", e.getValue()[0], e.getKey(), r.name(),
              r.defaultSeverity().id(), e.getValue()[1] > 0 ? "  " + e.getValue()[1] + " fixable with --fix" : "");
          out.println(line.stripTrailing());
        });
    int total = counts.values().stream().mapToInt(c -> c[0]).sum();
    out.println(total + (total == 1 ? " finding" : " findings") + " in " + files.size() + (files.size() == 1 ? " file" : " files"));
    out.flush();
  }
}
