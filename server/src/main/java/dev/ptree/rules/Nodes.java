package dev.ptree.rules;

import dev.ptree.text.SourceText;
import dev.ptree.text.Message;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;

/** Small helpers the rules share for walking nodes and describing values. */
public final class Nodes {
  private Nodes() {}

  /** "a string", "the integer 8", "a list"...: how messages name what was found. */
  public static String describe(YNode node) {
    if (node == null) {
      return "nothing";
    }
    if (node instanceof YScalar s) {
      return switch (s.kind()) {
        case STR -> Message.format("the string {q}", s.text());
        case NULL -> "null";
        case BOOL -> "the boolean " + (Boolean.TRUE.equals(s.value()) ? "true" : "false")
            + (s.style().isQuoted() ? "" : Message.format(" (YAML 1.1 reads {} as a boolean)", s.text()));
        case INT -> "the integer " + s.value();
        case FLOAT -> Message.format("the float {}", s.text());
        case TIMESTAMP -> Message.format("the date {}", s.text());
        default -> "binary data";
      };
    }
    return switch (node.kind()) {
      case MAPPING -> "a mapping";
      case SEQUENCE -> "a list";
      default -> "a " + node.kind().label();
    };
  }

  /** A mapping key as messages show it: quoted when it is a string, else described. */
  public static String key(YEntry e) {
    return e.keyString() != null ? Message.format("{q}", e.keyString()) : describe(e.key());
  }

  /** "; did you mean "x"?" after a message, or nothing without a suggestion. */
  public static String didYouMeanHint(String suggestion) {
    return suggestion == null ? "" : Message.format("; did you mean {q}?", suggestion);
  }

  /** Levenshtein distance, for did-you-mean suggestions. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The known key a typo most likely meant, or null. */
  public static String didYouMean(String key, java.util.List<String> known) {
    String lower = key.toLowerCase(java.util.Locale.ROOT).strip();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      if (k.startsWith("__")) {
        continue; // never suggest a reserved key
      }
      int d = distance(lower, k);
      boolean close = d <= Math.max(2, k.length() / 4)
          || (lower.length() >= 5 && (k.startsWith(lower) || lower.startsWith(k)))
          || (lower.length() >= 6 && SourceText.commonPrefix(lower, k) >= 6);
      if (close && d < bestDistance && !k.equals(key)) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }
}
