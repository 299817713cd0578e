package dev.ptree.cli;

import dev.ptree.rules.Rule;
import dev.ptree.rules.Rules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", description = "Lists every rule: code, name, category, default severity.")
final class RulesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--markdown", description = "Print the full rule reference as Markdown.")
  boolean markdown;

  @Option(names = "--table", description = "Print the rule list as a Markdown table (the README's).")
  boolean table;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    if (table) {
      out.print(table());
    } else if (markdown) {
      for (Rule r : Rules.all()) {
        out.println(RuleDocs.markdown(r.info()));
      }
    } else {
      for (Rule r : Rules.all()) {
        out.printf("%s  %-22s %-19s %-8s %s%n", r.code(), r.info().name(), r.info().category().id(),
            r.info().defaultSeverity().id(), r.info().summary());
      }
    }
    out.flush();
    return 0;
  }

  /** The README's rule table, generated here so the docs cannot drift from the code. */
  static String table() {
    StringBuilder sb = new StringBuilder("| code | name | category | default | what it reports |\n"
        + "|---|---|---|---|---|\n");
    for (Rule r : Rules.all()) {
      sb.append("| ").append(r.code()).append(" | ").append(r.info().name()).append(" | ")
          .append(r.info().category().id()).append(" | ").append(r.info().defaultSeverity().id())
          .append(" | ").append(r.info().summary().replace("|", "\\|")).append(" |\n");
    }
    return sb.toString();
  }
}
