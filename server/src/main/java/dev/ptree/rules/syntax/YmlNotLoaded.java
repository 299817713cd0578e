package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.text.Span;

public final class YmlNotLoaded extends ConfigSetRule {
  public YmlNotLoaded() {
    super(RuleInfo.of("PT109", "yml-not-loaded", Category.SYNTAX, Severity.WARNING,
        "a provider config nova never reads because it is not *.yaml",
        new RuleDoc(
            "nova globs exactly `*.yaml` in its provider_config_location: a `.yml` (or `.YAML`)"
                + " file beside them is skipped without a word.",
            "The providers in the file are never applied.",
            "/etc/nova/provider_config/gpu.yml     # never loaded",
            "Renaming to .yaml is unsafe: nova starts loading (and validating) the file."))
        .reading(RuleInfo.Input.UNLOADED_FILES).withFixes());
  }

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    for (ConfigFile file : context.files()) {
      if (file.loadedByNova()) {
        continue;
      }
      String name = file.document().fileName();
      int dot = name.lastIndexOf('.');
      String renamed = (dot > 0 ? name.substring(0, dot) : name) + ".yaml";
      out.report(file, Span.at(0), "nova loads only *.yaml files: {} is never read; rename it to {}",
          name, renamed)
          .renameFile(FixSafety.UNSAFE, renamed, "Rename to {}", renamed);
    }
  }
}
