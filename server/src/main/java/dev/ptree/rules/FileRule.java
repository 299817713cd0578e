package dev.ptree.rules;

import dev.ptree.model.ConfigFile;

/**
 * A rule over one file at a time, read provider item by provider item. After an edit inside one
 * item the engine hands the rule a view of the file holding that item alone
 * ({@link ConfigFile#itemView}): its one provider and that item's nodes, the rest of the file as
 * it is. So what the rule reports inside an item must follow from that item and the file
 * outside the {@code providers} list, and what it reports outside the items from that part
 * alone; a test holds every such rule to it. Files nova never loads, and the config views of
 * tree files, are handed to it as its {@link RuleInfo#reads()} says.
 */
public abstract non-sealed class FileRule extends Rule {
  protected FileRule(RuleInfo info) {
    super(info);
  }

  /** Called only for a file whose YAML could be composed (or at least attempted). */
  public abstract void check(ConfigFile file, Reporter out);
}
