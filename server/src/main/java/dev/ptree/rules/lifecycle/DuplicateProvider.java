package dev.ptree.rules.lifecycle;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.Identification;
import dev.ptree.model.ProviderEntry;
import dev.ptree.rules.Category;
import dev.ptree.rules.ConfigSetContext;
import dev.ptree.rules.ConfigSetRule;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import java.util.HashMap;
import java.util.Map;

public final class DuplicateProvider extends ConfigSetRule {
  public DuplicateProvider() {
    super(RuleInfo.of("PT201", "duplicate-provider", Category.LIFECYCLE, Severity.ERROR,
        "the same provider identified twice in one config directory",
        new RuleDoc(
            "nova keys every provider of the directory by `uuid or name`, across all its *.yaml"
                + " files in sorted order. A second entry with the same key — even a name equal to"
                + " another entry's uuid — is a duplicate. Entries with no additional inventories"
                + " or traits are dropped first and never count.",
            "nova refuses the directory: \"Provider ... has multiple definitions in source"
                + " file(s)\" (nova/compute/provider_config.py get_provider_configs).",
            "# a.yaml\n- identification: {name: cn1} ...\n# b.yaml\n- identification: {name: cn1} ...",
            "No fix: merge the two entries by hand.")));
  }

  private record Seen(ConfigFile file, Identification id) {}

  @Override
  public void check(ConfigSetContext context, Reporter out) {
    Map<String, Seen> seen = new HashMap<>();
    for (ConfigFile file : context.files()) {
      if (!file.loadedByNova()) {
        continue;
      }
      for (ProviderEntry p : file.providers()) {
        Identification id = p.identification();
        if (id == null || p.noOp()) {
          continue;
        }
        Seen first = seen.putIfAbsent(id.value(), new Seen(file, id));
        if (first != null) {
          String where = first.file() == file ? "earlier in this file" : "in " + first.file().document().fileName();
          out.report(file, id.valueNode().span(), "provider {q} is already defined {}; nova"
              + " refuses the directory", id.value(), where)
              .related(first.file(), first.id().valueNode().span(), "first definition");
        }
      }
    }
  }
}
