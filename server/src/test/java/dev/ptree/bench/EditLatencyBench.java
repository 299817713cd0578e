package dev.ptree.bench;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.model.SourceDocument;
import dev.ptree.text.SourceText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * In-process cost of one edit to one large provider config: the snapshot update the language
 * server runs per didChange, without the protocol. Prints p50/p90 and the phase timings of the
 * last edit. Usage: EditLatencyBench FILE [EDITS].
 */
public final class EditLatencyBench {
  private EditLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int edits = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> log = new ArrayList<>();
    Workspace w = Workspace.empty(Settings.DEFAULT, log::add).update(SourceDocument.of(file.toString(), text), Workspace.Kind.AUTO);
    int at = text.indexOf("total: ", text.length() / 2);
    long[] times = new long[edits];
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long allocated = 0;
    for (int i = 0; i < edits; i++) {
      // as the server applies an editor's edit: the text edited in place, its line index moved
      SourceText before = w.document(file.toString()).source().text();
      SourceText edited = before.edited(at + 7, at + 7 + (i % 2 == 0 ? 1 : 2), i % 2 == 0 ? "4x" : "8");
      log.clear();
      long a0 = threads.getCurrentThreadAllocatedBytes();
      long t0 = System.nanoTime();
      w = w.update(SourceDocument.of(file.toString(), edited), Workspace.Kind.AUTO);
      w.findings(file.toString());
      times[i] = System.nanoTime() - t0;
      allocated += threads.getCurrentThreadAllocatedBytes() - a0;
    }
    long[] warm = java.util.Arrays.copyOfRange(times, edits / 2, edits);
    java.util.Arrays.sort(warm);
    System.out.printf("%s: %d KB, %d edits: p50 %.1f ms, p90 %.1f ms, %.1f MB allocated per edit (this thread)%n",
        file.getFileName(), text.length() / 1024, edits, warm[warm.length / 2] / 1e6, warm[warm.length * 9 / 10] / 1e6,
        allocated / 1e6 / edits);
    log.forEach(System.out::println);
  }
}
