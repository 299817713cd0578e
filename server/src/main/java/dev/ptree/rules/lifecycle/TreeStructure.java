package dev.ptree.rules.lifecycle;

import dev.ptree.text.Message;
import dev.ptree.model.ProviderIndex;
import dev.ptree.model.TreeFile;
import dev.ptree.model.TreeProvider;
import java.util.function.BiConsumer;

/** Shared walks of the workspace rules over tree providers. */
final class TreeStructure {
  private TreeStructure() {}

  static void forEachProvider(ProviderIndex index, BiConsumer<TreeFile, TreeProvider> action) {
    for (TreeFile f : index.files()) {
      for (TreeProvider p : f.providers()) {
        action.accept(f, p);
      }
    }
  }

  /** "name" (path:line) for related-location notes and messages. */
  static String describe(ProviderIndex.Located l) {
    return Message.format("provider \"{}\"", l.provider().label());
  }
}
