package dev.ptree.lsp;

import dev.ptree.engine.Documents;
import dev.ptree.engine.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Owns the workspace snapshot. Changes are queued; one worker thread folds every change queued so
 * far into one new snapshot (so the latest text always wins and a burst of edits costs one
 * analysis), then hands the new snapshot to {@code published}. Readers take {@link #snapshot()}
 * without any lock; rules never run under a lock.
 */
final class Analyzer {
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ptree-analysis");
    t.setDaemon(true);
    return t;
  });
  private final Consumer<String> log;
  private final Consumer<Workspace> published;
  private final Map<String, Workspace.Input> pendingUpdates = new LinkedHashMap<>();
  /** Files read from disk and parsed: dropped at analysis time for a path the editor has open by then. */
  private final Map<String, Workspace.Document> pendingDisk = new LinkedHashMap<>();
  private final java.util.function.Predicate<String> isOpen;
  private final List<String> pendingRemovals = new ArrayList<>();
  private UnaryOperator<Workspace> pendingTransform;
  private final List<CompletableFuture<Workspace>> waiting = new ArrayList<>();
  private boolean scheduled;
  private long submitted;
  private long analysed;
  private volatile Workspace snapshot;

  Analyzer(Workspace initial, Consumer<Workspace> published, Consumer<String> log,
      java.util.function.Predicate<String> isOpen) {
    this.isOpen = isOpen;
    this.snapshot = initial;
    this.published = published;
    this.log = log;
  }

  Workspace snapshot() {
    return snapshot;
  }

  synchronized void update(Workspace.Input input) {
    pendingRemovals.remove(input.source().path());
    pendingDisk.remove(input.source().path());
    pendingUpdates.put(input.source().path(), input);
    schedule();
  }

  /** Files read from disk, parsed already; the editor's text wins over them, whichever arrives first. */
  synchronized void updateFromDisk(List<Workspace.Document> documents) {
    documents.forEach(d -> {
      pendingRemovals.remove(d.path());
      pendingDisk.put(d.path(), d);
    });
    schedule();
  }

  synchronized void remove(String path) {
    pendingUpdates.remove(path);
    pendingDisk.remove(path);
    pendingRemovals.add(path);
    schedule();
  }

  /** A change of the whole snapshot (new settings), applied in order with the others. */
  synchronized void transform(UnaryOperator<Workspace> change) {
    UnaryOperator<Workspace> before = pendingTransform;
    pendingTransform = before == null ? change : w -> change.apply(before.apply(w));
    schedule();
  }

  /** Completes with a snapshot that holds every change submitted before this call. */
  synchronized CompletableFuture<Workspace> current() {
    if (analysed >= submitted) {
      return CompletableFuture.completedFuture(snapshot);
    }
    CompletableFuture<Workspace> f = new CompletableFuture<>();
    waiting.add(f);
    return f;
  }

  private void schedule() {
    submitted++;
    if (!scheduled) {
      scheduled = true;
      worker.execute(this::run);
    }
  }

  private void run() {
    List<Workspace.Input> updates;
    List<Workspace.Document> disk = new ArrayList<>();
    List<String> removals;
    UnaryOperator<Workspace> transform;
    long upTo;
    synchronized (this) {
      updates = new ArrayList<>(pendingUpdates.values());
      for (Workspace.Document d : pendingDisk.values()) {
        if (!isOpen.test(d.path())) {
          disk.add(d);
        }
      }
      pendingDisk.clear();
      removals = new ArrayList<>(pendingRemovals);
      transform = pendingTransform;
      pendingUpdates.clear();
      pendingRemovals.clear();
      pendingTransform = null;
      scheduled = false;
      upTo = submitted;
    }
    Workspace next = snapshot;
    try {
      runChanges(next, transform, removals, updates, disk);
    } finally {
      settle(upTo);
    }
  }

  private void runChanges(Workspace start, UnaryOperator<Workspace> transform, List<String> removals,
      List<Workspace.Input> updates, List<Workspace.Document> disk) {
    Workspace next = start;
    try {
      if (transform != null) {
        next = transform.apply(next);
      }
      if (!removals.isEmpty()) {
        next = next.remove(removals);
      }
      if (!updates.isEmpty() || !disk.isEmpty()) {
        // the editor's texts are parsed here, the disk's were parsed when read: one new snapshot
        long t0 = System.nanoTime();
        List<Workspace.Document> parsed = new ArrayList<>(Documents.readAll(updates));
        log.accept("timing: parsed " + parsed.size() + " documents in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        parsed.addAll(disk);
        next = next.withDocuments(parsed);
      }
      snapshot = next;
      published.accept(next);
    } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
      log.accept("analysis failed: " + dev.ptree.text.Escaper.escape(String.valueOf(e)));
    }
  }

  /** Marks the changes up to {@code upTo} analysed and wakes the requests waiting for them. */
  private void settle(long upTo) {
    List<CompletableFuture<Workspace>> done = new ArrayList<>();
    synchronized (this) {
      analysed = Math.max(analysed, upTo);
      if (analysed >= submitted) {
        done.addAll(waiting);
        waiting.clear();
      }
    }
    Workspace result = snapshot;
    done.forEach(f -> f.complete(result));
  }

  void shutdown() {
    worker.shutdownNow();
  }
}
