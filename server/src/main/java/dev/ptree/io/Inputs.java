package dev.ptree.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import dev.ptree.engine.Workspace;
import dev.ptree.model.Paths;
import dev.ptree.model.TreeReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns command-line paths into config sets (DESIGN §2.3). A directory named on the command line
 * is a nova config directory: every *.yaml in it is a provider config, *.yml and *.YAML are noted
 * as unread — unless it is a repository root holding config folders below it. Below it, a folder
 * named provider_config is a config directory too, and any other YAML file whose top level has
 * meta or providers joins the config set of its folder. Files named explicitly are provider
 * configs, grouped by folder. Symlinked folders are not followed, and
 * no symlinked file is followed out of the directory named.
 */
public final class Inputs {
  private static final Pattern CONFIG_KEYS = Pattern.compile("(?m)^(?:meta|providers)[ \\t]*:");
  private static final Pattern TREE_KEY = Pattern.compile("(?m)^(?:provider_tree[ \\t]*:|[ \\t{]*\"provider_tree\"[ \\t]*:)");

  /** A file to check, how to read it, and its key: the path normalised, as documents are named. */
  public record FileInput(Path path, Workspace.Kind kind, String key) {
    public FileInput(Path path, Workspace.Kind kind) {
      this(path, kind, path.normalize().toString());
    }
  }

  /**
   * What a project config says about discovery: files and folders to skip (exclude, include) and
   * files to read as provider configs wherever they are.
   */
  public interface Filter {
    Filter NONE = new Filter() {
      @Override
      public boolean skip(Path path, boolean directory, boolean named) {
        return false;
      }

      @Override
      public boolean providerConfig(Path file) {
        return false;
      }

      @Override
      public boolean leavesAlone(Path folder) {
        return true;
      }
    };

    /** Whether a path is left out; {@code named}: it was given on the command line. */
    boolean skip(Path path, boolean directory, boolean named);

    /** Whether a file is a provider config because a glob names it. */
    boolean providerConfig(Path file);

    /**
     * Whether no file or folder directly in this folder is skipped or made a provider config by
     * a glob: a walk then need not ask about each of them.
     */
    default boolean leavesAlone(Path folder) {
      return false;
    }
  }

  private Filter filter = Filter.NONE;

  /** Every file to check: config sets' files, then tree files, each once. */
  public static List<FileInput> files(List<String> args) throws UsageException {
    return files(args, Filter.NONE);
  }

  /** Every file to check, discovery steered by a project's include/exclude globs. */
  public static List<FileInput> files(List<String> args, Filter filter) throws UsageException {
    Inputs inputs = new Inputs();
    inputs.filter = filter;
    List<FileInput> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        if (!filter.skip(p, true, true)) {
          inputs.addNamedDirectory(p);
        }
      } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p)) {
        if (filter.skip(p, false, true)) {
          continue;
        }
        if (TreeReader.isTreeFileName(p.getFileName().toString()) || looksLikeTree(p)) {
          inputs.trees.add(p);
        } else {
          inputs.add(p.getParent() == null ? Path.of(".") : p.getParent(), p);
        }
      } else {
        throw new UsageException("no such file or directory: " + arg);
      }
    }
    inputs.sets.forEach((dir, files) -> files.forEach(f -> {
      FileInput in = new FileInput(f, Workspace.Kind.CONFIG);
      if (seen.add(in.key())) {
        out.add(in);
      }
    }));
    for (Path t : inputs.trees) {
      FileInput in = new FileInput(t, Workspace.Kind.TREE);
      if (seen.add(in.key())) {
        out.add(in);
      }
    }
    return out;
  }

  /**
   * The provider config files of a directory a tree binds (its provider_configs): every *.yaml
   * and *.yml in it, as nova's config directory. Empty when it is not a directory.
   */
  public static List<FileInput> configDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Inputs inputs = new Inputs();
    inputs.addDirectory(dir, true);
    List<FileInput> out = new ArrayList<>();
    inputs.sets.getOrDefault(dir.normalize(), List.of()).forEach(f -> out.add(new FileInput(f, Workspace.Kind.CONFIG)));
    return out;
  }

  private final List<Path> trees = new ArrayList<>();

  /** The real path of the directory being walked: no symlink below it is followed out of it. */
  private Path root;

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /**
   * A symlink found while walking that leads out of the root is left alone. A dangling or looping
   * one stays in: reading it reports the problem.
   */
  private boolean leavesRoot(Path child, BasicFileAttributes attributes) {
    if (root == null || !attributes.isSymbolicLink()) {
      return false;
    }
    Path target = realPath(child);
    return target != null && !target.startsWith(root);
  }

  public static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private final Map<Path, List<Path>> sets = new LinkedHashMap<>();

  private void add(Path dir, Path file) {
    addNormalized(dir.normalize(), file);
  }

  /** {@code folder}: normalised already, as every key of {@code sets} is. */
  private void addNormalized(Path folder, Path file) {
    List<Path> files = sets.computeIfAbsent(folder, d -> new ArrayList<>());
    if (!files.contains(file)) {
      files.add(file);
    }
  }

  /**
   * A directory named on the command line is a nova config directory — unless none of its own
   * files looks like a provider config while it or folders below it hold tree files or config
   * folders: that makes it a repository root, where other YAML (a docker-compose.yaml) is left
   * alone.
   */
  private void addNamedDirectory(Path dir) {
    root = realPath(dir);
    Inputs below = new Inputs();
    below.root = root;
    below.filter = filter;
    below.addDirectory(dir, false);
    Path folder = dir.normalize();
    boolean ownConfigs = below.sets.containsKey(folder);
    boolean repositoryRoot = !ownConfigs && (!below.trees.isEmpty()
        || below.sets.keySet().stream().anyMatch(d -> !d.equals(folder)));
    if (repositoryRoot) {
      below.sets.forEach((d, files) -> files.forEach(f -> addNormalized(d, f)));
      trees.addAll(below.trees);
    } else {
      addDirectory(dir, true);
    }
  }

  /**
   * Walks a folder: its own files first classified in name order, then the folders below walked
   * (in parallel when there are several), and the results joined in name order — the sets and
   * trees come out in the order a walk one entry at a time would give.
   */
  private void addDirectory(Path dir, boolean explicit) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException | SecurityException e) {
      return;
    }
    children.sort(null);
    Path folder = dir.normalize();
    boolean configDir = explicit || dir.getFileName() != null
        && dir.getFileName().toString().equals("provider_config");
    if (configDir) {
      sets.computeIfAbsent(folder, d -> new ArrayList<>());
    }
    boolean plain = filter.leavesAlone(dir);
    List<Object> found = new ArrayList<>(children.size()); // a config file, a tree (Tree) or a folder to walk (Inputs)
    List<Inputs> below = new ArrayList<>();
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      BasicFileAttributes attributes = attributes(child);
      if (attributes == null || leavesRoot(child, attributes)) {
        continue;
      }
      boolean directory = attributes.isDirectory();
      if (!plain && filter.skip(child, directory, false)) {
        continue;
      }
      boolean yamlName = Paths.isYamlName(name);
      if (!directory && !plain && filter.providerConfig(child) && !TreeReader.isTreeFileName(name)) {
        found.add(child);
      } else if (directory) {
        if (configDir && name.endsWith(".yaml")) {
          found.add(child);
        } else if (!yamlName && !name.equals("node_modules") && !name.equals("target")) {
          Inputs sub = new Inputs();
          sub.root = root;
          sub.filter = filter;
          sub.pending = child;
          below.add(sub);
          found.add(sub);
        }
      } else if (configDir ? yamlName && (!TreeReader.isTreeFileName(name) || name.endsWith(".yaml"))
          : yamlName && !TreeReader.isTreeFileName(name) && looksLikeConfig(child)) {
        found.add(child); // in a config directory nova reads every *.yaml, tree files included
      } else if (!configDir && (TreeReader.isTreeFileName(name) || (yamlName || name.toLowerCase(Locale.ROOT).endsWith(".json"))
          && looksLikeTree(child))) {
        found.add(new Tree(child));
      }
    }
    (below.size() > 1 ? below.parallelStream() : below.stream()).forEach(sub -> sub.addDirectory(sub.pending, false));
    for (Object f : found) {
      if (f instanceof Path file) {
        addNormalized(folder, file);
      } else if (f instanceof Tree t) {
        trees.add(t.path());
      } else {
        Inputs sub = (Inputs) f;
        sub.sets.forEach((d, files) -> {
          List<Path> mine = sets.get(d);
          if (mine == null) {
            sets.put(d, files);
          } else {
            files.forEach(file -> addNormalized(d, file));
          }
        });
        trees.addAll(sub.trees);
      }
    }
  }

  /** A tree file found by a walk. */
  private record Tree(Path path) {}

  /** For a walk of a folder below: the folder. */
  private Path pending;

  /** A walked entry's own attributes (a symlink is not followed): one system call. Null when it vanished. */
  private static BasicFileAttributes attributes(Path child) {
    try {
      return Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static boolean looksLikeConfig(Path file) {
    String text = head(file);
    return CONFIG_KEYS.matcher(text).find() && !TREE_KEY.matcher(text).find();
  }

  /** How text read from elsewhere (standard input) is read as the named file: a tree or a config. */
  public static Workspace.Kind kindOf(Path name, String text) {
    String file = name.getFileName() == null ? name.toString() : name.getFileName().toString();
    return TreeReader.isTreeFileName(file) || TREE_KEY.matcher(text.length() > 65536 ? text.substring(0, 65536) : text).find()
        ? Workspace.Kind.TREE : Workspace.Kind.CONFIG;
  }

  private static boolean looksLikeTree(Path file) {
    return TREE_KEY.matcher(head(file)).find();
  }

  /** The first 64 KiB of a file as text, "" when it cannot be read (the reader reports that). */
  private static String head(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > SourceReader.MAX_BYTES) {
        return "";
      }
      byte[] head = new byte[64 * 1024];
      int n;
      try (var in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, head.length);
      }
      return new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
