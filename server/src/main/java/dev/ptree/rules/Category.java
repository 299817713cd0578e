package dev.ptree.rules;

/** The rule families of the security review, each with its code band. */
public enum Category {
  SYNTAX("syntax", "YAML and schema conformance: what nova refuses at startup", 0),
  LIFECYCLE("lifecycle", "identity and structure over the providers' life", 664),
  COMPARISON("comparison", "values that compare or compute differently than written", 682),
  NEUTRALIZATION("neutralization", "unsafe text: control, bidi, invisible and confusable characters", 707),
  EXCEPTION_HANDLING("exception-handling", "what will raise at runtime in nova or Placement", 703);

  private final String id;
  private final String description;
  private final int cwe;

  Category(String id, String description, int cwe) {
    this.id = id;
    this.description = description;
    this.cwe = cwe;
  }

  /**
   * The CWE pillar of the security review's family (664 lifecycle, 682 comparison, 707
   * neutralization, 703 exception handling); 0 for syntax, which is schema conformance, not a
   * weakness class of its own.
   */
  public int cwe() {
    return cwe;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }
}
