package dev.ptree.rules;

/** Renders a rule's documentation, the one source for `explain`, SARIF help and the README. */
public final class RuleDocs {
  private RuleDocs() {}

  public static String plain(RuleInfo info) {
    return info.code() + " " + info.name() + " (" + info.category().id() + ", default "
        + info.defaultSeverity().id() + ")\n" + info.summary() + "\n\n"
        + "What it does\n  " + info.doc().what() + "\n\n"
        + "Why it matters\n  " + info.doc().why() + "\n\n"
        + "Example\n" + indent(info.doc().example()) + "\n\n"
        + "Fix safety\n  " + info.doc().fix() + "\n";
  }

  public static String markdown(RuleInfo info) {
    return "## " + info.code() + " " + info.name() + "\n\n"
        + "*" + info.category().id() + ", default " + info.defaultSeverity().id() + "* — " + info.summary() + "\n\n"
        + "**What it does.** " + info.doc().what() + "\n\n"
        + "**Why it matters.** " + info.doc().why() + "\n\n"
        + "**Example.**\n\n```yaml\n" + info.doc().example() + "\n```\n\n"
        + "**Fix safety.** " + info.doc().fix() + "\n";
  }

  private static String indent(String s) {
    return "    " + s.replace("\n", "\n    ");
  }
}
