package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.List;

/**
 * A mapping as written, every entry in source order (duplicates included, merge keys already
 * applied as PyYAML's flatten_mapping does: merged entries first, then the explicit ones). Use
 * {@link #effective(String)} for what a Python dict built from it holds: the last entry wins.
 */
public record YMapping(List<YEntry> entries, Span span, String explicitTag, ValueKind kind,
    boolean flow) implements YNode {

  /** The entry a Python dict keeps for this string key (the last one), or null. */
  public YEntry effective(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      YEntry e = entries.get(i);
      if (e.key() instanceof YScalar s && s.isString() && s.text().equals(key)) {
        return e;
      }
    }
    return null;
  }

  public YNode get(String key) {
    YEntry e = effective(key);
    return e == null ? null : e.value();
  }

  /** Whether the entry is the one a dict keeps, i.e. no later entry has an equal key. */
  public boolean isEffective(YEntry entry) {
    int index = -1;
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i) == entry) {
        index = i;
        break;
      }
    }
    for (int i = index + 1; i < entries.size(); i++) {
      if (KeyIdentity.sameKey(entries.get(i).key(), entry.key())) {
        return false;
      }
    }
    return true;
  }

  /** Entries as a dict would hold them: one per distinct key, last value wins, first position. */
  public List<YEntry> effectiveEntries() {
    java.util.ArrayList<YEntry> out = new java.util.ArrayList<>(entries.size());
    outer:
    for (int i = 0; i < entries.size(); i++) {
      YEntry e = entries.get(i);
      for (int j = i + 1; j < entries.size(); j++) {
        if (KeyIdentity.sameKey(entries.get(j).key(), e.key())) {
          continue outer;
        }
      }
      out.add(e);
    }
    return out;
  }
}
