package dev.ptree.yaml;

import java.util.ArrayList;
import java.util.List;

/** One line of half-typed YAML read for its structure: dashes, a key and whether a value follows it. */
final class LenientLine {
  final List<Integer> dashes = new ArrayList<>();
  int contentCol;
  String content = "";
  String key;
  int keyCol = -1;
  boolean emptyValue;
  boolean blockScalar;
  boolean blank;
  boolean documentMarker;

  int leftmost() {
    return dashes.isEmpty() ? (key != null ? keyCol : contentCol) : dashes.get(0);
  }

  /** null for a line indented with a tab (not YAML): nothing is completed then. */
  static LenientLine parse(String s) {
    LenientLine l = new LenientLine();
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    if (i < s.length() && s.charAt(i) == '\t') {
      return null;
    }
    if (s.startsWith("---") && (s.length() == 3 || s.charAt(3) == ' ')
        || s.startsWith("...") && (s.length() == 3 || s.charAt(3) == ' ')) {
      l.documentMarker = true;
      return l;
    }
    while (i < s.length() && s.charAt(i) == '-' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
      l.dashes.add(i);
      i++;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
    }
    l.contentCol = i;
    l.content = s.substring(i);
    String trimmed = l.content.strip();
    if (l.dashes.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
      l.blank = true;
      return l;
    }
    int colon = keyColon(l.content);
    if (colon >= 0) {
      String k = l.content.substring(0, colon).strip();
      if (k.length() >= 2 && (k.charAt(0) == '\'' || k.charAt(0) == '"') && k.charAt(k.length() - 1) == k.charAt(0)) {
        k = k.substring(1, k.length() - 1);
      }
      if (k.startsWith("? ")) {
        k = k.substring(2).strip();
      }
      l.key = k;
      l.keyCol = i;
      String value = stripComment(l.content.substring(colon + 1)).strip();
      while (value.startsWith("&") || value.startsWith("!")) {
        int sp = value.indexOf(' ');
        value = sp < 0 ? "" : value.substring(sp + 1).strip();
      }
      l.emptyValue = value.isEmpty();
      l.blockScalar = value.startsWith("|") || value.startsWith(">");
    }
    return l;
  }

  /** The index of the colon that ends a block key (": " or ":" at the end), or -1. */
  static int keyColon(String content) {
    if (content.isEmpty() || "[{#'\"|>".indexOf(content.charAt(0)) >= 0 && content.charAt(0) != '\''
        && content.charAt(0) != '"') {
      return -1;
    }
    int i = 0;
    if (content.charAt(0) == '\'' || content.charAt(0) == '"') {
      char q = content.charAt(0);
      i = content.indexOf(q, 1);
      if (i < 0) {
        return -1;
      }
      i++;
    }
    for (; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '#' && i > 0 && content.charAt(i - 1) == ' ') {
        return -1;
      }
      if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ' || content.charAt(i + 1) == '\t')) {
        return i;
      }
    }
    return -1;
  }

  static String stripComment(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '#' && (i == 0 || s.charAt(i - 1) == ' ')) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  /** A plain or quoted scalar as its text. */
  static String plain(String s) {
    String t = stripComment(s).strip();
    if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
      return t.substring(1, t.length() - 1);
    }
    return t;
  }
}
