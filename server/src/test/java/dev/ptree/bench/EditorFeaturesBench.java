package dev.ptree.bench;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.lsp.features.CodeLenses;
import dev.ptree.lsp.features.InlayHints;
import dev.ptree.model.SourceDocument;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What an editor asks after every edit besides diagnostics (run by bench/editor-features.sh, not by
 * the test suite): on the workspace of bench/workspace.sh (one tree bound to a config set), each
 * edit of a config file updates the snapshot, then the inlay hints of a screenful (80 lines) of
 * that config and of the tree, and the code lenses of the whole config and the whole tree are
 * computed on the new snapshot. Prints the median, p90 and spread of each step over the edits.
 */
public final class EditorFeaturesBench {
  private EditorFeaturesBench() {}

  private static final int SCREEN_LINES = 80;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    List<Workspace.Input> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        inputs.add(new Workspace.Input(SourceDocument.of(p.toString(), Files.readString(p, StandardCharsets.UTF_8)),
            Workspace.Kind.AUTO));
      }
    }
    String config = inputs.stream().map(i -> i.source().path()).filter(p -> p.endsWith("00-gpus.yaml")).findFirst().orElseThrow();
    String tree = inputs.stream().map(i -> i.source().path()).filter(p -> p.endsWith(".ptree.yaml")).findFirst().orElseThrow();
    String text = inputs.stream().filter(i -> i.source().path().equals(config)).findFirst().orElseThrow()
        .source().text().content();
    Function<String, String> uri = p -> Path.of(p).toUri().toString();
    Workspace w = Workspace.empty(Settings.DEFAULT, m -> { }).update(inputs);
    int at = text.indexOf("total: ", text.length() / 2);
    String[] steps = {"update + findings", "hints, config screen", "lenses, whole config", "hints, tree screen",
        "lenses, whole tree"};
    double[][] ms = new double[steps.length][edits];
    int hints = 0;
    int lenses = 0;
    for (int i = -5; i < edits; i++) {
      String edited = text.substring(0, at + 7) + (Math.floorMod(i, 2) == 0 ? "17000" : "18000")
          + text.substring(at + 12);
      long t0 = System.nanoTime();
      w = w.update(SourceDocument.of(config, edited), Workspace.Kind.AUTO);
      w.findings(config);
      long t1 = System.nanoTime();
      int h1 = InlayHints.hints(w, config, screen(w, config, at), InlayHints.Enabled.ALL).size();
      long t2 = System.nanoTime();
      int l1 = CodeLenses.lenses(w, config, uri).size();
      long t3 = System.nanoTime();
      int h2 = InlayHints.hints(w, tree, screen(w, tree, 0), InlayHints.Enabled.ALL).size();
      long t4 = System.nanoTime();
      int l2 = CodeLenses.lenses(w, tree, uri).size();
      long t5 = System.nanoTime();
      if (i >= 0) {
        long[] t = {t0, t1, t2, t3, t4, t5};
        for (int s = 0; s < steps.length; s++) {
          ms[s][i] = (t[s + 1] - t[s]) / 1e6;
        }
        hints = h1 + h2;
        lenses = l1 + l2;
      }
    }
    int providers = w.index().files().stream().mapToInt(f -> f.providers().size()).sum();
    System.out.printf("%d documents, %d providers in the tree, %d edits of %s; %d hints and %d lenses per edit%n%n",
        inputs.size(), providers, edits, Path.of(config).getFileName(), hints, lenses);
    System.out.println("| step | median ms | p90 ms | min–max ms |");
    System.out.println("|---|---:|---:|---:|");
    for (int s = 0; s < steps.length; s++) {
      double[] sorted = ms[s].clone();
      Arrays.sort(sorted);
      System.out.printf("| %s | %.2f | %.2f | %.2f–%.2f |%n", steps[s], sorted[sorted.length / 2],
          sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))], sorted[0], sorted[sorted.length - 1]);
    }
  }

  /** The 80 lines from the one holding {@code offset}: what an editor window shows. */
  private static Span screen(Workspace w, String path, int offset) {
    SourceText t = w.document(path).source().text();
    int first = t.lineOf(offset);
    int last = Math.min(t.lineCount() - 1, first + SCREEN_LINES);
    return new Span(t.lineStart(first), t.lineEnd(last));
  }
}
