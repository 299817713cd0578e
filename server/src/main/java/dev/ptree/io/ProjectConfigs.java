package dev.ptree.io;

import dev.ptree.engine.ProjectConfig;
import dev.ptree.engine.ProjectScope;
import dev.ptree.rules.Severity;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The project configs that apply to paths: each path's nearest {@code ptree.toml} upwards (like
 * ruff's), one file given with {@code --config}, or none ({@code --isolated}). Globs are relative
 * to the config file's folder. The CLI and the server share this class, so one ptree.toml gives
 * the same findings in both.
 */
public final class ProjectConfigs implements ProjectScope, Inputs.Filter {
  /** A config as loaded: its data, its folder and its compiled globs. */
  public record Loaded(ProjectConfig config, Path root, List<PathMatcher> include, List<PathMatcher> exclude,
      List<PathMatcher> providerConfigs, List<Map.Entry<PathMatcher, Set<String>>> perFileIgnores) {
    static final Loaded NONE = new Loaded(ProjectConfig.NONE, null, List.of(), List.of(), List.of(), List.of());

    static Loaded of(ProjectConfig config, Path root) {
      List<Map.Entry<PathMatcher, Set<String>>> perFile = new ArrayList<>();
      config.perFileIgnores().forEach(i -> perFile.add(Map.entry(matcher(i.glob()), i.codes())));
      return new Loaded(config, root, matchers(config.include()), matchers(config.exclude()),
          matchers(config.providerConfigGlobs()), List.copyOf(perFile));
    }
  }

  private final Loaded fixed;
  private final boolean discover;
  private final Consumer<String> log;
  private final Map<Path, Loaded> byDirectory = new ConcurrentHashMap<>();
  private final Map<Path, ProjectConfigReader.ConfigException> failures = new ConcurrentHashMap<>();
  /**
   * The same, by the directory as a caller named it (before it is made absolute and normalised):
   * a walk asks for the folder of every file, and making each path absolute costs more than the
   * lookup.
   */
  private final Map<Path, Loaded> byGivenDirectory = new ConcurrentHashMap<>();

  private ProjectConfigs(Loaded fixed, boolean discover, Consumer<String> log) {
    this.fixed = fixed;
    this.discover = discover;
    this.log = log;
  }

  /** Each path's nearest ptree.toml. Problems are logged once per file and that config is not used. */
  public static ProjectConfigs discover(Consumer<String> log) {
    return new ProjectConfigs(null, true, log);
  }

  /** One config file for every path ({@code --config}). */
  public static ProjectConfigs fixed(Path file) throws ProjectConfigReader.ConfigException {
    Path abs = file.toAbsolutePath().normalize();
    return new ProjectConfigs(Loaded.of(ProjectConfigReader.read(file, file.toString()), abs.getParent()), false, m -> { });
  }

  /** A config file's path for messages: relative to the working directory when it is below it. */
  private static String display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    return file.startsWith(cwd) && !file.equals(cwd) ? cwd.relativize(file).toString() : file.toString();
  }

  /** No project config ({@code --isolated}). */
  public static ProjectConfigs isolated() {
    return new ProjectConfigs(Loaded.NONE, false, m -> { });
  }

  /** The config that applies in a directory; throws when the nearest one is invalid. */
  public Loaded forDirectory(Path dir) throws ProjectConfigReader.ConfigException {
    if (fixed != null) {
      return fixed;
    }
    Loaded given = byGivenDirectory.get(dir);
    if (given != null) {
      return given;
    }
    Path abs = dir.toAbsolutePath().normalize();
    Loaded known = byDirectory.get(abs);
    if (known != null) {
      return known;
    }
    Path file = abs.resolve(ProjectConfigReader.FILE_NAME);
    Loaded found;
    if (Files.isRegularFile(file)) {
      ProjectConfigReader.ConfigException failed = failures.get(file);
      if (failed != null) {
        throw failed;
      }
      try {
        found = Loaded.of(ProjectConfigReader.read(file, display(file)), abs);
      } catch (ProjectConfigReader.ConfigException e) {
        failures.put(file, e);
        throw e;
      }
    } else {
      found = abs.getParent() == null ? Loaded.NONE : forDirectory(abs.getParent());
    }
    byDirectory.put(abs, found);
    byGivenDirectory.put(dir, found);
    return found;
  }

  /** The config for a file's folder; an invalid one is logged and none is used. */
  public Loaded forFile(Path file) {
    Loaded given = file.getParent() == null ? null : byGivenDirectory.get(file.getParent());
    if (given != null) {
      return given;
    }
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent() == null ? abs : abs.getParent();
    try {
      Loaded found = forDirectory(dir);
      if (file.getParent() != null) {
        byGivenDirectory.put(file.getParent(), found);
      }
      return found;
    } catch (ProjectConfigReader.ConfigException e) {
      if (!byDirectory.containsKey(dir)) {
        log.accept(e.display() + "; this ptree.toml is not applied");
      }
      byDirectory.put(dir, Loaded.NONE);
      if (file.getParent() != null) {
        byGivenDirectory.put(file.getParent(), Loaded.NONE);
      }
      return Loaded.NONE;
    }
  }

  /** The config files that apply somewhere so far (for messages). */
  public Set<String> files() {
    Set<String> out = new LinkedHashSet<>();
    if (fixed != null && fixed.config().file() != null) {
      out.add(fixed.config().file());
    }
    byDirectory.values().forEach(l -> {
      if (l.config().file() != null) {
        out.add(l.config().file());
      }
    });
    return out;
  }

  // ---- ProjectScope ----

  @Override
  public FileRules rulesFor(String path) {
    Loaded l = forFile(Path.of(path));
    if (l == Loaded.NONE) {
      return FileRules.ALL;
    }
    Set<String> enabled = l.config().enabled();
    if (!l.perFileIgnores().isEmpty()) {
      Path rel = relative(l, Path.of(path));
      Set<String> narrowed = null;
      for (Map.Entry<PathMatcher, Set<String>> e : l.perFileIgnores()) {
        if (matches(e.getKey(), rel)) {
          if (narrowed == null) {
            narrowed = new LinkedHashSet<>(enabled);
          }
          narrowed.removeAll(e.getValue());
        }
      }
      if (narrowed != null) {
        enabled = narrowed;
      }
    }
    Map<String, Severity> severity = l.config().severity();
    return new FileRules(enabled, severity);
  }

  @Override
  public boolean mayReport(String code) {
    return fixed == null || fixed.config().enabled().contains(code);
  }

  // ---- Inputs.Filter ----

  private boolean forceExclude;

  /** Whether files named on the command line are excluded too (as pre-commit hooks want). */
  public ProjectConfigs forceExclude(boolean on) {
    this.forceExclude = on;
    return this;
  }

  @Override
  public boolean skip(Path path, boolean directory, boolean named) {
    if (named && !forceExclude) {
      return false;
    }
    Loaded l = forFile(path);
    if (l.root() == null) {
      return false;
    }
    Path rel = relative(l, path);
    for (PathMatcher m : l.exclude()) {
      if (matches(m, rel) || directory && m.matches(rel.resolve("_"))) {
        return true;
      }
    }
    if (!directory && !named && !l.include().isEmpty()) {
      return l.include().stream().noneMatch(m -> matches(m, rel));
    }
    return false;
  }

  @Override
  public boolean providerConfig(Path file) {
    Loaded l = forFile(file);
    if (l.providerConfigs().isEmpty()) {
      return false;
    }
    Path rel = relative(l, file);
    return l.providerConfigs().stream().anyMatch(m -> matches(m, rel));
  }

  @Override
  public boolean leavesAlone(Path folder) {
    Loaded l = forFile(folder.resolve(ProjectConfigReader.FILE_NAME));
    return l.root() == null && l.providerConfigs().isEmpty();
  }

  private static Path relative(Loaded l, Path path) {
    Path abs = path.toAbsolutePath().normalize();
    return l.root() != null && abs.startsWith(l.root()) ? l.root().relativize(abs) : abs;
  }

  private static boolean matches(PathMatcher m, Path rel) {
    return m.matches(rel) || rel.getFileName() != null && m.matches(rel.getFileName());
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    return globs.stream().map(ProjectConfigs::matcher).toList();
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }
}
