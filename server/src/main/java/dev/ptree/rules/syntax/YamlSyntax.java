package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.yaml.YamlProblem;

public final class YamlSyntax extends ConfigSetRule {
  public YamlSyntax() {
    super(RuleInfo.of("PT100", "yaml-syntax", Category.SYNTAX, Severity.ERROR,
        "YAML that PyYAML's safe_load refuses",
        new RuleDoc(
            "Reports text that is not YAML as nova reads it: syntax errors, characters PyYAML's"
                + " reader refuses (NUL, other C0/C1 controls, DEL), a second document, unknown"
                + " or misused tags, duplicate anchors, undefined aliases, unhashable keys and bad"
                + " merge keys.",
            "nova loads every file with yaml.safe_load and turns any YAMLError into a"
                + " ProviderConfigException (nova/compute/provider_config.py _load_yaml_file): nova-compute"
                + " refuses to start.",
            "providers:\n  - identification: {name: cn1\n    traits: ...   # unclosed flow mapping",
            "No fix: the intent cannot be guessed.")).reading(RuleInfo.Input.TREES));
  }


  @Override
  public void check(ConfigSetContext context, Reporter out) {
    for (ConfigFile file : context.parsedFiles()) {
      for (YamlProblem p : file.yaml().problems()) {
        // In a config, nova's own crashes (RecursionError, constructor errors) are PT501; a tree
        // file is read by ptree alone, so whatever keeps it from being read is reported here.
        if (p.kind() == YamlProblem.Kind.SYNTAX || file.isTree()
            || (p.kind() == YamlProblem.Kind.LIMIT && p.code() != YamlProblem.Code.DEPTH_LIMIT)) {
          out.report(file, p.span(), file.isTree() ? "{}; the tree file cannot be read"
              : "{}; nova refuses the directory (\"Unable to load yaml file\")", p.message());
        }
      }
    }
  }
}
