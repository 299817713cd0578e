package dev.ptree.yaml;

public enum ScalarStyle {
  PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED;

  public boolean isQuoted() {
    return this == SINGLE_QUOTED || this == DOUBLE_QUOTED;
  }
}
