package dev.ptree.model;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Document paths are '/'-separated strings chosen by the edge (a file path or a URI path); the
 * core only joins and normalises them as text, never touching a file system.
 */
public final class Paths {
  private Paths() {}

  /** Whether a file name ends in .yaml or .yml, in any case. */
  public static boolean isYamlName(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  /** Whether a path lies directly in a folder named provider_config, nova's conventional place. */
  public static boolean inConfigFolder(String path) {
    String folder = folder(path);
    return folder.equals("provider_config") || folder.endsWith("/provider_config");
  }

  /** The folder of a path (up to its last '/'), "" for a bare name. */
  public static String folder(String path) {
    String p = path.replace('\\', '/');
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : slash == 0 ? "/" : p.substring(0, slash);
  }

  /** {@code relative} resolved against {@code folder} and normalised ("." and ".." removed). */
  public static String resolve(String folder, String relative) {
    String r = relative.replace('\\', '/');
    String joined = r.startsWith("/") || folder.isEmpty() ? r : folder + "/" + r;
    return normalize(joined);
  }

  public static String normalize(String path) {
    boolean absolute = path.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else if (!(part.equals("..") && absolute)) {
        parts.addLast(part);
      }
    }
    String joined = String.join("/", parts);
    return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
  }
}
