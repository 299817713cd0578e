package dev.ptree.rules;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ProviderEntry;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * What rules see: the files of one config set (one directory as nova loads it), sorted as nova
 * sorts them. {@code directory} is null for a single file checked on its own.
 */
public record ConfigSetContext(String directory, List<ConfigFile> files) {

  /** Files whose YAML could be composed (or at least attempted). */
  public List<ConfigFile> parsedFiles() {
    return files.stream().filter(f -> f.yaml() != null).toList();
  }

  public void forEachProvider(BiConsumer<ConfigFile, ProviderEntry> action) {
    for (ConfigFile f : files) {
      for (ProviderEntry p : f.providers()) {
        action.accept(f, p);
      }
    }
  }
}
