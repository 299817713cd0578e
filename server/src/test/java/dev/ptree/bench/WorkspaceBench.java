package dev.ptree.bench;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.model.SourceDocument;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workspace snapshot at scale (run by bench/workspace.sh, not by the test suite): the time to
 * build a snapshot of a directory from scratch, the time of a one-document update (a config file,
 * then the tree file itself), and the heap the snapshot keeps. Medians over repeated runs after a
 * warm-up.
 */
public final class WorkspaceBench {
  private WorkspaceBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<Workspace.Input> inputs = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        bytes += text.length();
        inputs.add(new Workspace.Input(SourceDocument.of(p.toString(), text), Workspace.Kind.AUTO));
      }
    }
    Workspace.Input config = inputs.stream().filter(i -> i.source().path().endsWith("00-gpus.yaml")).findFirst().orElseThrow();
    Workspace.Input tree = inputs.stream().filter(i -> i.source().path().endsWith(".ptree.yaml")).findFirst().orElseThrow();
    Workspace.Input configEdit = edit(config);
    Workspace.Input treeEdit = edit(tree);

    double[] build = new double[runs];
    double[] updateConfig = new double[runs];
    double[] updateTree = new double[runs];
    Workspace kept = null;
    for (int i = -2; i < runs; i++) {
      long t0 = System.nanoTime();
      Workspace w = Workspace.empty(Settings.DEFAULT, m -> { }).update(inputs);
      long t1 = System.nanoTime();
      Workspace afterConfig = w.update(List.of(i % 2 == 0 ? configEdit : config));
      long t2 = System.nanoTime();
      afterConfig.update(List.of(treeEdit));
      long t3 = System.nanoTime();
      if (i >= 0) {
        build[i] = (t1 - t0) / 1e6;
        updateConfig[i] = (t2 - t1) / 1e6;
        updateTree[i] = (t3 - t2) / 1e6;
      }
      kept = w;
    }
    long findings = kept.allFindings().values().stream().mapToLong(List::size).sum();
    int providers = kept.index().files().stream().mapToInt(f -> f.providers().size()).sum();
    long heap = usedHeapAfterGc();
    kept = null;
    long withoutSnapshot = usedHeapAfterGc(); // the inputs' texts stay: they are not counted
    System.out.printf("| documents | providers in tree | size | findings | build (median) | 1 config update | 1 tree update | heap held by snapshot |%n");
    System.out.printf("|---:|---:|---:|---:|---:|---:|---:|---:|%n");
    System.out.printf("| %d | %d | %.1f MB | %d | %.0f ms | %.1f ms | %.0f ms | %.0f MB |%n", inputs.size(),
        providers, bytes / 1e6, findings, median(build), median(updateConfig), median(updateTree),
        (heap - withoutSnapshot) / 1e6);
    System.out.printf("runs=%d, all build times (ms): %s, config updates: %s, tree updates: %s%n", runs,
        Arrays.toString(round(build)), Arrays.toString(round(updateConfig)), Arrays.toString(round(updateTree)));
  }

  /** The same document with one value changed, so the update has something to reparse. */
  private static Workspace.Input edit(Workspace.Input input) {
    String text = input.source().text().content();
    String changed = text.replaceFirst("total: 16", "total: 17");
    return new Workspace.Input(SourceDocument.of(input.source().path(), changed), input.kind());
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long[] round(double[] values) {
    return Arrays.stream(values).mapToLong(Math::round).toArray();
  }
}
