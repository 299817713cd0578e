package dev.ptree.cli;

import dev.ptree.rules.RuleDocs;

import dev.ptree.rules.registry.Rules;
import dev.ptree.text.Escaper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Prints one rule's documentation.")
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "CODE", description = "A rule code (PT303) or name (reserved-vs-total).")
  String code;

  @Override
  public Integer call() {
    var rule = Rules.find(code);
    if (rule.isEmpty()) {
      spec.commandLine().getErr().println("ptree: unknown rule " + Escaper.quote(code)
          + "; `ptree rules` lists them");
      spec.commandLine().getErr().flush();
      return 2;
    }
    spec.commandLine().getOut().print(RuleDocs.plain(rule.get().info()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
