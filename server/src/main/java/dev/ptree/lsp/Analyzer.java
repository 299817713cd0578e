package dev.ptree.lsp;

import dev.ptree.engine.Documents;
import dev.ptree.engine.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Owns the served {@link Snapshot}. Changes are queued; one worker thread folds every change queued
 * so far into one new snapshot (so the latest text always wins and a burst of edits costs one
 * analysis), then hands it to {@code published}. Readers take {@link #snapshot()} without any
 * lock; rules never run under a lock.
 *
 * <p>Two kinds of change: the editor's (texts with their versions, closes, new settings), which a
 * request must see, and the disk's (scans, watched files), which it need not wait for: so the
 * server answers requests while a workspace scan is still being analysed.
 */
final class Analyzer {
  /** An editor's text and the version the editor gave it. */
  private record Edit(Workspace.Input input, int version) {}

  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ptree-analysis");
    t.setDaemon(true);
    return t;
  });
  private final Consumer<String> log;
  private final Consumer<Snapshot> published;
  private final Map<String, Edit> pendingEdits = new LinkedHashMap<>();
  /** Files read from disk and parsed: dropped at analysis time for a path the editor has open by then. */
  private final Map<String, Workspace.Document> pendingDisk = new LinkedHashMap<>();
  private final Predicate<String> isOpen;
  private final List<String> pendingRemovals = new ArrayList<>();
  private UnaryOperator<Workspace> pendingTransform;
  private final List<Waiter> waiting = new ArrayList<>();
  private boolean scheduled;
  private final Progress editor = new Progress();
  private final Progress all = new Progress();
  private volatile Snapshot snapshot;

  /** How many changes of a kind were submitted, and how many of them are in the snapshot. */
  private static final class Progress {
    long submitted;
    long analysed;

    boolean settled() {
      return analysed >= submitted;
    }
  }

  private record Waiter(Progress of, CompletableFuture<Snapshot> future) {}

  Analyzer(Workspace initial, Consumer<Snapshot> published, Consumer<String> log, Predicate<String> isOpen) {
    this.isOpen = isOpen;
    this.snapshot = new Snapshot(initial, Map.of());
    this.published = published;
    this.log = log;
  }

  Snapshot snapshot() {
    return snapshot;
  }

  /** The editor's text of a document, with its version. */
  synchronized void update(Workspace.Input input, int version) {
    String path = input.source().path();
    pendingRemovals.remove(path);
    pendingDisk.remove(path);
    pendingEdits.put(path, new Edit(input, version));
    schedule(true);
  }

  /** Files read from disk, parsed already; the editor's text wins over them, whichever arrives first. */
  synchronized void updateFromDisk(List<Workspace.Document> documents) {
    documents.forEach(d -> {
      pendingRemovals.remove(d.path());
      pendingDisk.put(d.path(), d);
    });
    schedule(false);
  }

  /** A document gone: closed and not on disk ({@code editor}), or deleted on disk. */
  synchronized void remove(String path, boolean editor) {
    pendingEdits.remove(path);
    pendingDisk.remove(path);
    pendingRemovals.add(path);
    schedule(editor);
  }

  /** A change of the whole snapshot (new settings), applied in order with the others. */
  synchronized void transform(UnaryOperator<Workspace> change) {
    UnaryOperator<Workspace> before = pendingTransform;
    pendingTransform = before == null ? change : w -> change.apply(before.apply(w));
    schedule(true);
  }

  /** Completes with a snapshot that holds every editor change submitted before this call. */
  CompletableFuture<Snapshot> current() {
    return after(editor);
  }

  /** Completes with a snapshot that holds every change submitted before this call, the disk's too. */
  CompletableFuture<Snapshot> settled() {
    return after(all);
  }

  private synchronized CompletableFuture<Snapshot> after(Progress of) {
    if (of.settled()) {
      return CompletableFuture.completedFuture(snapshot);
    }
    CompletableFuture<Snapshot> f = new CompletableFuture<>();
    waiting.add(new Waiter(of, f));
    return f;
  }

  private void schedule(boolean fromEditor) {
    all.submitted++;
    if (fromEditor) {
      editor.submitted++;
    }
    if (!scheduled) {
      scheduled = true;
      worker.execute(this::run);
    }
  }

  private void run() {
    List<Edit> edits;
    List<Workspace.Document> disk = new ArrayList<>();
    List<String> removals;
    UnaryOperator<Workspace> transform;
    long editorUpTo;
    long allUpTo;
    synchronized (this) {
      edits = new ArrayList<>(pendingEdits.values());
      for (Workspace.Document d : pendingDisk.values()) {
        if (!isOpen.test(d.path())) {
          disk.add(d);
        }
      }
      pendingDisk.clear();
      removals = new ArrayList<>(pendingRemovals);
      transform = pendingTransform;
      pendingEdits.clear();
      pendingRemovals.clear();
      pendingTransform = null;
      scheduled = false;
      editorUpTo = editor.submitted;
      allUpTo = all.submitted;
    }
    try {
      runChanges(transform, removals, edits, disk);
    } finally {
      settle(editorUpTo, allUpTo);
    }
  }

  private void runChanges(UnaryOperator<Workspace> transform, List<String> removals, List<Edit> edits,
      List<Workspace.Document> disk) {
    Workspace next = snapshot.workspace();
    Map<String, Integer> versions = new HashMap<>(snapshot.versions());
    try {
      if (transform != null) {
        next = transform.apply(next);
      }
      if (!removals.isEmpty()) {
        next = next.remove(removals);
        removals.forEach(versions::remove);
      }
      if (!edits.isEmpty() || !disk.isEmpty()) {
        // the editor's texts are parsed here, the disk's were parsed when read: one new snapshot
        long t0 = System.nanoTime();
        List<Workspace.Document> parsed = new ArrayList<>(Documents.readAll(edits.stream().map(Edit::input).toList(), next::document));
        log.accept("timing: parsed " + parsed.size() + " documents in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        parsed.addAll(disk);
        next = next.withDocuments(parsed);
        disk.forEach(d -> versions.remove(d.path()));
        edits.forEach(e -> versions.put(e.input().source().path(), e.version()));
      }
      Snapshot served = new Snapshot(next, versions);
      snapshot = served;
      published.accept(served);
    } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
      log.accept("analysis failed: " + dev.ptree.text.Escaper.escape(String.valueOf(e)));
    }
  }

  /** Marks the changes up to these counts analysed and wakes the requests waiting for them. */
  private void settle(long editorUpTo, long allUpTo) {
    List<CompletableFuture<Snapshot>> done = new ArrayList<>();
    synchronized (this) {
      editor.analysed = Math.max(editor.analysed, editorUpTo);
      all.analysed = Math.max(all.analysed, allUpTo);
      waiting.removeIf(w -> {
        if (w.of().settled()) {
          done.add(w.future());
          return true;
        }
        return false;
      });
    }
    Snapshot result = snapshot;
    done.forEach(f -> f.complete(result));
  }

  void shutdown() {
    worker.shutdownNow();
  }
}
