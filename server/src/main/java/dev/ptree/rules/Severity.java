package dev.ptree.rules;

import java.util.Locale;

public enum Severity {
  ERROR, WARNING, INFORMATION, HINT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
