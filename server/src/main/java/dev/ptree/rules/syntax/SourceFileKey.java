package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;

public final class SourceFileKey extends FileRule {
  public SourceFileKey() {
    super(RuleInfo.of("PT106", "source-file-key", Category.SYNTAX, Severity.ERROR,
        "the reserved key __source_file",
        new RuleDoc(
            "`__source_file` is reserved for nova's own bookkeeping. At the top level the schema"
                + " forbids it; inside a provider nova silently overwrites it with the file name.",
            "At the top level nova refuses the file (nova/compute/provider_config.py _parse_provider_yaml:"
                + " jsonschema.validate against SCHEMA_V1); in a provider the value you wrote is lost"
                + " (get_provider_configs overwrites it).",
            "__source_file: mine.yaml     # refused",
            "No fix: remove the key.")));
  }

  @Override
  public void check(ConfigFile file, Reporter out) {
    YMapping top = file.rootMapping();
    if (top == null) {
      return;
    }
    YEntry e = top.effective(NovaSchema.SOURCE_FILE_KEY);
    if (e != null) {
      out.report(file, e.keySpan(), "__source_file is reserved: nova's schema forbids it at the"
          + " top level and refuses the file");
    }
    for (ProviderEntry p : file.providers()) {
      YEntry inner = p.mapping() == null ? null : p.mapping().effective(NovaSchema.SOURCE_FILE_KEY);
      if (inner != null) {
        out.report(file, inner.keySpan(), "__source_file is reserved: nova overwrites it in"
            + " every provider with the file's name").severity(Severity.WARNING);
      }
    }
  }
}
