package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NameUse;
import dev.ptree.model.NovaSchema;
import dev.ptree.rules.Category;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.NameRule;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.Span;

public final class NotCustom extends NameRule {
  public NotCustom() {
    super(RuleInfo.of("PT108", "not-custom", Category.SYNTAX, Severity.ERROR,
        "a standard (non-CUSTOM_) trait or resource class in a provider config",
        new RuleDoc(
            "A provider config may only add custom traits and resource classes, whose names start"
                + " with CUSTOM_. Standard ones (VCPU, HW_CPU_X86_AVX2, ...) belong to the virt"
                + " driver.",
            "nova refuses the directory: \"Invalid traits, only custom traits are allowed\" or"
                + " \"Invalid resource class, only custom resource classes are allowed\""
                + " (nova/compute/provider_config.py _validate_provider_config).",
            "inventories:\n  additional:\n    - VGPU: {total: 4}     # standard: refused",
            "Prefixing CUSTOM_ is unsafe: it makes a different, custom name.")).withFixes());
  }

  @Override
  protected void checkName(ConfigFile file, NameUse use, Reporter out) {
    String name = use.name();
    String what = use.kind().singular();
    Span span = use.span();
    if (!NovaSchema.isName(name) || name.startsWith(NovaSchema.CUSTOM_PREFIX)) {
      return;
    }
    String plural = use.kind().plural();
    out.report(file, span, "{} {q} is not custom: a provider config may only add CUSTOM_ {}, and"
        + " nova refuses the directory", what, name, plural)
        .fix(FixSafety.UNSAFE, new TextEdit(span, NovaSchema.CUSTOM_PREFIX + name), "Write CUSTOM_{}", name);
  }
}
