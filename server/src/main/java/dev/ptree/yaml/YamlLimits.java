package dev.ptree.yaml;

/** The bounds the YAML layer enforces, chosen against what nova itself survives. */
public final class YamlLimits {
  private YamlLimits() {}

  /**
   * Deepest nesting we compose. PyYAML has no limit of its own; its recursive composer makes nova
   * die with RecursionError a little under 500 levels, so anything past 1,000 is certainly fatal
   * for nova and we stop composing there instead of risking our own stack.
   */
  public static final int MAX_COMPOSED_DEPTH = 1000;
}
