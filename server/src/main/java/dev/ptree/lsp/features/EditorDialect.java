package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.Paths;
import dev.ptree.model.TreeReader;
import dev.ptree.model.schema.ConfigSchema;

/**
 * Which dialect the editor's text is in, for features that read the current text before the
 * snapshot has it (DESIGN §2.3): the snapshot's answer when it has the file, else the same clues.
 */
final class EditorDialect {
  private EditorDialect() {}

  /** true for a tree, false for a provider config, null for anything else. */
  static Boolean of(Workspace.Document d, String path, String text) {
    String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    if (TreeReader.isJson(name)) {
      return null; // JSON trees: the cursor context is not read from indentation
    }
    if (d != null && d.kind() == Workspace.Kind.TREE) {
      return true;
    }
    if (d != null && d.kind() == Workspace.Kind.CONFIG) {
      return false;
    }
    if (TreeReader.isTreeFileName(name) || hasTopKey(text, TreeReader.VERSION_KEY)) {
      return true;
    }
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
      return null;
    }
    if (Paths.folder(path).equals("provider_config") || Paths.folder(path).endsWith("/provider_config")
        || hasTopKey(text, ConfigSchema.META.name()) || hasTopKey(text, ConfigSchema.PROVIDERS.name())) {
      return false;
    }
    return null;
  }

  private static boolean hasTopKey(String text, String key) {
    return text.startsWith(key + ":") || text.contains("\n" + key + ":");
  }
}
