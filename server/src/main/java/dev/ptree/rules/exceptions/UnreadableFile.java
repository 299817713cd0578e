package dev.ptree.rules.exceptions;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.text.Span;

public final class UnreadableFile extends ConfigSetRule {
  public UnreadableFile() {
    super(RuleInfo.of("PT506", "unreadable-file", Category.EXCEPTION_HANDLING, Severity.ERROR,
        "a file that cannot be read, or is not UTF-8",
        new RuleDoc(
            "nova opens each file as UTF-8 text. Bytes that are not UTF-8 (a Latin-1 é, a UTF-16"
                + " file) raise UnicodeDecodeError, which nova does not catch — even inside a"
                + " comment. A file it cannot open is a ProviderConfigException.",
            "nova-compute crashes (or refuses to start) on the whole directory.",
            "# caf\\xe9 written in Latin-1",
            "No fix: re-encode the file as UTF-8.")).reading(RuleInfo.Input.TREES));
  }


  @Override
  public void check(ConfigSetContext context, Reporter out) {
    for (ConfigFile file : context.files()) {
      var problem = file.document().readProblem();
      if (problem != null) {
        int at = Math.min(problem.offset(), file.document().text().length());
        out.report(file, Span.at(at), "{}", problem.message());
      }
    }
  }
}
