package dev.ptree.rules;

/** The rule families of the security review, each with its code band. */
public enum Category {
  SYNTAX("syntax", "YAML and schema conformance: what nova refuses at startup"),
  LIFECYCLE("lifecycle", "identity and structure over the providers' life"),
  COMPARISON("comparison", "values that compare or compute differently than written"),
  NEUTRALIZATION("neutralization", "unsafe text: control, bidi, invisible and confusable characters"),
  EXCEPTION_HANDLING("exception-handling", "what will raise at runtime in nova or Placement");

  private final String id;
  private final String description;

  Category(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }
}
