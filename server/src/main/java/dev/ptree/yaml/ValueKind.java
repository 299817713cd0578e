package dev.ptree.yaml;

/** The Python type PyYAML's safe_load gives a node, which is what nova's JSON Schema sees. */
public enum ValueKind {
  STR("string"),
  INT("integer"),
  FLOAT("float"),
  BOOL("boolean"),
  NULL("null"),
  TIMESTAMP("timestamp"),
  BINARY("bytes"),
  MAPPING("mapping"),
  SEQUENCE("sequence"),
  /** {@code !!set}, {@code !!omap}, {@code !!pairs}: collections no schema type accepts. */
  OTHER_COLLECTION("collection");

  private final String label;

  ValueKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isNumber() {
    return this == INT || this == FLOAT;
  }
}
