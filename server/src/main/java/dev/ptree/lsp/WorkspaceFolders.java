package dev.ptree.lsp;

import dev.ptree.engine.Documents;
import dev.ptree.engine.Workspace;
import dev.ptree.io.Inputs;
import dev.ptree.io.ProjectConfigReader;
import dev.ptree.io.ProjectConfigs;
import dev.ptree.io.SourceReader;
import dev.ptree.io.WorkspaceLoader;
import dev.ptree.model.TreeReader;
import dev.ptree.text.Escaper;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;

/**
 * The workspace folders and what is read from them: the scan of a folder (as `ptree check` reads
 * it), files changed on disk, each file's nearest ptree.toml, and how a file is read (its kind).
 * The editor's text of an open document always wins over the disk's.
 */
final class WorkspaceFolders {
  private static final String PROJECT_FILE = File.separator + ProjectConfigReader.FILE_NAME;
  /** Files read and parsed between two progress reports, at least. */
  private static final int CHUNK = 200;

  private final Set<Path> folders = ConcurrentHashMap.newKeySet();
  private final Analyzer analyzer;
  private final OpenDocuments open;
  private final DocumentUris uris;
  private final Supplier<ServerSettings> settings;
  private final Supplier<PtreeClient> client;
  private final Consumer<String> log;
  private final Consumer<String> problem;
  /** Tells the client the server is analysing (its status bar). */
  private final Runnable busy;
  /** The scans, one at a time and off the threads that read messages and analyse. */
  private final ExecutorService scanner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ptree-scan");
    t.setDaemon(true);
    return t;
  });
  /** Each workspace file's nearest ptree.toml; replaced whenever a ptree.toml changes. */
  private volatile ProjectConfigs projects;
  private volatile boolean showProgress;

  WorkspaceFolders(Analyzer analyzer, OpenDocuments open, DocumentUris uris, Supplier<ServerSettings> settings,
      Supplier<PtreeClient> client, Consumer<String> log, Consumer<String> problem, Runnable busy) {
    this.analyzer = analyzer;
    this.open = open;
    this.uris = uris;
    this.settings = settings;
    this.client = client;
    this.log = log;
    this.problem = problem;
    this.busy = busy;
    this.projects = ProjectConfigs.discover(problem);
  }

  /** The folders of `initialize`; {@code showProgress}: the client shows `$/progress`. */
  void start(List<String> folderUris, boolean showProgress) {
    this.showProgress = showProgress;
    folderUris.forEach(u -> folder(u).ifPresent(folders::add));
    folders.forEach(this::announceProject);
  }

  /** The engine's settings: each file's ptree.toml, the editor's settings on top. */
  dev.ptree.engine.Settings engineSettings() {
    return settings.get().engine().withProject(projects);
  }

  /** Extra globs name provider configs; a tree file stays a tree whatever the globs say. */
  Workspace.Kind kindOf(String path) {
    Path p = Path.of(path);
    boolean tree = TreeReader.isTreeFileName(p.getFileName() == null ? path : p.getFileName().toString());
    return !tree && (settings.get().matchesGlob(path) || projects.providerConfig(p)) ? Workspace.Kind.CONFIG
        : Workspace.Kind.AUTO;
  }

  /** The editor's text of a document goes to analysis, read as its path says. */
  void submit(OpenDocuments.Text doc) {
    busy.run();
    analyzer.update(new Workspace.Input(doc.source(), kindOf(doc.path())), doc.version());
  }

  /** A document the editor closed: what is on disk now if the workspace holds the file, else gone. */
  void closed(String path) {
    Path file = Path.of(path);
    if (inWorkspace(file) && Files.isRegularFile(file)) {
      readFromDisk(file);
    } else {
      analyzer.remove(path, true);
    }
  }

  void scanAll() {
    scan(List.copyOf(folders));
  }

  void watchedFilesChanged(List<FileEvent> changes) {
    if (changes.stream().anyMatch(e -> uris.path(e.getUri()).endsWith(PROJECT_FILE))) {
      reloadProjects();
    }
    for (FileEvent e : changes) {
      String path = uris.path(e.getUri());
      if (path.endsWith(PROJECT_FILE) || open.isOpen(path)) {
        continue; // the editor's text wins over the disk while the document is open
      }
      Path file = Path.of(path);
      if (e.getType() == FileChangeType.Deleted || !Files.isRegularFile(file)) {
        analyzer.remove(path, false);
      } else if (inWorkspace(file) && !projects.skip(file, false, false)) {
        uris.remember(path, e.getUri());
        readFromDisk(file);
      }
    }
  }

  void foldersChanged(List<String> added, List<String> removed) {
    for (String u : removed) {
      folder(u).ifPresent(dir -> {
        folders.remove(dir);
        for (Workspace.Document d : analyzer.snapshot().workspace().documents()) {
          Path p = Path.of(d.path());
          if (p.startsWith(dir) && !open.isOpen(d.path()) && !inWorkspace(p)) {
            analyzer.remove(d.path(), false);
          }
        }
      });
    }
    List<Path> fresh = new ArrayList<>();
    for (String u : added) {
      folder(u).ifPresent(dir -> {
        folders.add(dir);
        announceProject(dir);
        fresh.add(dir);
      });
    }
    scan(fresh);
  }

  private void readFromDisk(Path file) {
    String path = file.toString();
    uris.remember(path, file.toUri().toString());
    analyzer.updateFromDisk(List.of(Documents.read(new Workspace.Input(SourceReader.read(file, path), kindOf(path)))));
  }

  /** Logs which ptree.toml a workspace folder obeys, or why its ptree.toml is not obeyed. */
  private void announceProject(Path folder) {
    try {
      ProjectConfigs.Loaded l = projects.forDirectory(folder);
      if (l.config().file() != null) {
        log.accept("workspace folder " + Escaper.escape(folder.toString()) + " uses " + Escaper.escape(l.config().file()));
      }
    } catch (ProjectConfigReader.ConfigException e) {
      projects.forFile(folder.resolve(ProjectConfigReader.FILE_NAME)); // reports it once, and falls back to no config
    }
  }

  /**
   * A ptree.toml was created, changed or deleted: every file's settings are read again, files the
   * new excludes leave out are dropped, and the folders are scanned again for what they now include.
   */
  private void reloadProjects() {
    projects = ProjectConfigs.discover(problem);
    folders.forEach(this::announceProject);
    settingsChanged();
    for (Workspace.Document d : analyzer.snapshot().workspace().documents()) {
      if (!open.isOpen(d.path()) && projects.skip(Path.of(d.path()), false, false)) {
        analyzer.remove(d.path(), false);
      }
    }
    scanAll();
  }

  /** New settings: every rule runs again, and open documents are read again (extra globs may change their kind). */
  void settingsChanged() {
    analyzer.transform(w -> w.withSettings(engineSettings()));
    open.all().forEach(this::submit);
  }

  /**
   * Reads workspace folders as `ptree check` would, plus the config directories their trees bind:
   * each folder's closed files are listed, then parsed a chunk at a time (reporting progress),
   * then, once every earlier edit is analysed, the directories bound by its trees (or the
   * editor's) and held by no config yet are read too, and all of it goes to the analyzer as one
   * change. The progress ends once that change is analysed.
   */
  private void scan(List<Path> dirs) {
    if (dirs.isEmpty()) {
      return;
    }
    busy.run();
    ScanProgress progress = ScanProgress.start(client.get(), showProgress);
    scanner.execute(() -> {
      List<CompletableFuture<Void>> handed = new ArrayList<>();
      try {
        long t0 = System.nanoTime();
        List<List<Inputs.FileInput>> listed = new ArrayList<>();
        for (Path dir : dirs) {
          List<Inputs.FileInput> closed = list(dir);
          listed.add(closed);
          progress.found(closed.size());
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < dirs.size(); i++) {
          handed.add(read(dirs.get(i), listed.get(i), progress));
        }
        log.accept("timing: scan: listed " + listed.stream().mapToInt(List::size).sum() + " files in "
            + (t1 - t0) / 1_000_000 + " ms, read and parsed them in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
      } finally {
        CompletableFuture.allOf(handed.toArray(CompletableFuture[]::new))
            .handle((v, e) -> analyzer.settled())
            .thenCompose(f -> f)
            .whenComplete((s, e) -> progress.end());
      }
    });
  }

  private List<Inputs.FileInput> list(Path folder) {
    try {
      List<Inputs.FileInput> closed = new ArrayList<>();
      for (Inputs.FileInput in : Inputs.files(List.of(folder.toString()), projects)) {
        if (!open.isOpen(in.key())) {
          closed.add(in); // named by its file URI, made when it is first needed
        }
      }
      return closed;
    } catch (Inputs.UsageException | RuntimeException e) {
      cannotScan(folder, e);
      return List.of();
    }
  }

  private CompletableFuture<Void> read(Path folder, List<Inputs.FileInput> closed, ScanProgress progress) {
    try {
      List<Workspace.Document> parsed = new ArrayList<>(closed.size());
      int chunk = Math.max(CHUNK, closed.size() / 20);
      for (int from = 0; from < closed.size(); from += chunk) {
        List<Inputs.FileInput> part = closed.subList(from, Math.min(closed.size(), from + chunk));
        parsed.addAll(Documents.readAll(WorkspaceLoader.read(part)));
        progress.read(part.size());
      }
      return analyzer.current().thenAcceptAsync(s -> {
        analyzer.updateFromDisk(WorkspaceLoader.withBindings(parsed, s.workspace().documents()));
      }).exceptionally(e -> {
        cannotScan(folder, e);
        return null;
      });
    } catch (RuntimeException e) {
      cannotScan(folder, e);
      return CompletableFuture.completedFuture(null);
    }
  }

  private void cannotScan(Path folder, Throwable e) {
    Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    log.accept("workspace folder " + Escaper.escape(folder.toString()) + " could not be scanned: "
        + Escaper.escape(String.valueOf(cause)));
  }

  private Optional<Path> folder(String uri) {
    try {
      return Optional.of(Path.of(URI.create(uri)).toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      log.accept("workspace folder " + Escaper.escape(uri) + " is not a file URI; not scanned");
      return Optional.empty();
    }
  }

  private boolean inWorkspace(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return folders.stream().anyMatch(abs::startsWith);
  }

  void shutdown() {
    scanner.shutdownNow();
  }
}
