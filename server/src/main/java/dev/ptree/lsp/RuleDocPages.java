package dev.ptree.lsp;

import dev.ptree.rules.RuleDocs;
import dev.ptree.rules.registry.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule pages a diagnostic's code links to. They are written once into one folder per version
 * and user under the temporary directory, and reused by later servers.
 */
final class RuleDocPages {
  private final String version;
  private volatile Path folder;
  /** Each rule's link, made once: a diagnostic list converts it hundreds of times. */
  private final Map<String, String> links = new ConcurrentHashMap<>();

  RuleDocPages(String version) {
    this.version = version;
  }

  /** A file URI to the rule's page, or null when the pages cannot be written. */
  String link(String code) {
    try {
      Path dir = folder();
      return links.computeIfAbsent(code, c -> dir.resolve(c + ".md").toUri().toString());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private Path folder() throws IOException {
    Path dir = folder;
    if (dir != null) {
      return dir;
    }
    synchronized (this) {
      if (folder == null) {
        folder = write();
      }
      return folder;
    }
  }

  private Path write() throws IOException {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"),
        "ptree-rules-" + version.replaceAll("[^A-Za-z0-9.]", "_") + "-" + System.getProperty("user.name", "user")
            .replaceAll("[^A-Za-z0-9]", "_"));
    Files.createDirectories(dir);
    for (var rule : Rules.all()) {
      Path page = dir.resolve(rule.code() + ".md");
      String text = RuleDocs.markdown(rule.info());
      if (!Files.isRegularFile(page) || !Files.readString(page).equals(text)) {
        Path tmp = Files.createTempFile(dir, rule.code(), ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, page, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    return dir;
  }
}
