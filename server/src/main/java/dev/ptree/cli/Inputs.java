package dev.ptree.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * configs, grouped by folder. Symlinked folders are not followed.
 */
final class Inputs {
  private static final Pattern CONFIG_KEYS = Pattern.compile("(?m)^(?:meta|providers)[ \\t]*:");

  record ConfigSetInput(String directory, List<Path> files) {}

  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private final Map<Path, List<Path>> sets = new LinkedHashMap<>();

  static List<ConfigSetInput> collect(List<String> args) throws UsageException {
    Inputs inputs = new Inputs();
    for (String arg : args) {
      Path p = Path.of(arg);
      if (Files.isDirectory(p)) {
        inputs.addNamedDirectory(p);
      } else if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p)) {
        inputs.add(p.getParent() == null ? Path.of(".") : p.getParent(), p);
      } else {
        throw new UsageException("no such file or directory: " + arg);
      }
    }
    List<ConfigSetInput> out = new ArrayList<>();
    inputs.sets.forEach((dir, files) -> out.add(new ConfigSetInput(dir.toString(), List.copyOf(files))));
    return out;
  }

  private void add(Path dir, Path file) {
    List<Path> files = sets.computeIfAbsent(dir.normalize(), d -> new ArrayList<>());
    if (!files.contains(file)) {
      files.add(file);
    }
  }

  /**
   * A directory named on the command line is a nova config directory — unless none of its own
   * files looks like a provider config while folders below it hold some: that makes it a
   * repository root, where other YAML (a docker-compose.yaml) is left alone.
   */
  private void addNamedDirectory(Path dir) {
    Inputs below = new Inputs();
    below.addDirectory(dir, false);
    boolean ownConfigs = below.sets.containsKey(dir.normalize());
    boolean repositoryRoot = !ownConfigs && below.sets.keySet().stream().anyMatch(d -> !d.equals(dir.normalize()));
    if (repositoryRoot) {
      below.sets.forEach((d, files) -> files.forEach(f -> add(d, f)));
    } else {
      addDirectory(dir, true);
    }
  }

  private void addDirectory(Path dir, boolean explicit) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException | SecurityException e) {
      return;
    }
    children.sort(null);
    boolean configDir = explicit || dir.getFileName() != null
        && dir.getFileName().toString().equals("provider_config");
    if (configDir) {
      sets.computeIfAbsent(dir.normalize(), d -> new ArrayList<>());
    }
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      boolean yamlName = isYamlName(name);
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        if (configDir && name.endsWith(".yaml")) {
          add(dir, child);
        } else if (!yamlName && !name.equals("node_modules") && !name.equals("target")) {
          addDirectory(child, false);
        }
      } else if (configDir ? yamlName && (!isTreeFile(name) || name.endsWith(".yaml"))
          : yamlName && !isTreeFile(name) && looksLikeConfig(child)) {
        add(dir, child); // in a config directory nova reads every *.yaml, tree files included
      }
    }
  }

  static boolean isYamlName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  static boolean isTreeFile(String name) {
    return name.toLowerCase(Locale.ROOT).matches(".*\\.ptree\\.(yaml|yml|json)");
  }

  private static boolean looksLikeConfig(Path file) {
    try {
      if (Files.size(file) > SourceReader.MAX_BYTES) {
        return false;
      }
      byte[] head = new byte[64 * 1024];
      int n;
      try (var in = Files.newInputStream(file)) {
        n = in.readNBytes(head, 0, head.length);
      }
      String text = new String(head, 0, n, java.nio.charset.StandardCharsets.UTF_8);
      return CONFIG_KEYS.matcher(text).find() && !text.contains("provider_tree:");
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
