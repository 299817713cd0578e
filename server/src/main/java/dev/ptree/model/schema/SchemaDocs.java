package dev.ptree.model.schema;

import java.util.ArrayList;
import java.util.List;

/** Phrases the rule documentation builds from a schema, so the docs follow the declarations. */
public final class SchemaDocs {
  private SchemaDocs() {}

  /** "a, b and c". */
  public static String and(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
  }

  /** The defaults of a mapping's keys: "reserved 0, min_unit 1, …". */
  public static String defaults(Key mapping) {
    List<String> out = new ArrayList<>();
    for (Key k : mapping.children()) {
      if (k.defaultValue() != null) {
        out.add(k.name() + " " + k.defaultValue());
      }
    }
    return String.join(", ", out);
  }
}
