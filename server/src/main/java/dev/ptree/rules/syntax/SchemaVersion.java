package dev.ptree.rules.syntax;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.NovaSchema;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.rules.Category;
import dev.ptree.rules.FileRule;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.Nodes;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.RuleDoc;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Severity;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.Span;
import dev.ptree.yaml.ScalarStyle;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.math.BigInteger;

public final class SchemaVersion extends FileRule {
  public SchemaVersion() {
    super(RuleInfo.of("PT101", "schema-version", Category.SYNTAX, Severity.ERROR,
        "meta.schema_version missing, not a string, or not a version nova supports",
        new RuleDoc(
            "Checks meta.schema_version the way nova does: it must be a string of two integers"
                + " MAJOR.MINOR (parsed with Python's int()), the major must be 1, and the string"
                + " must match the schema's pattern ^1.([0-9]|[1-9][0-9]+)$. An unknown minor is only"
                + " a warning.",
            "An unquoted 1.0 is a YAML float, not a string: nova fails with \"Unable to detect"
                + " schema version\" (nova/compute/provider_config.py _parse_provider_yaml) and nova-compute"
                + " does not start.",
            "meta:\n  schema_version: 1.0     # float: nova cannot read it\n# fixed:\nmeta:\n "
                + " schema_version: '1.0'",
            "Quoting a number written as a version is safe: nova then reads exactly the version"
                + " that was written.")).withFixes());
  }

  @Override
  public void check(ConfigFile file, Reporter out) {
    if (!file.yaml().problems().isEmpty() && file.root() == null) {
      return;
    }
    checkFile(file, out);
  }

  private void checkFile(ConfigFile file, Reporter out) {
    YNode root = file.root();
    YMapping top = ProviderConfigReader.asMapping(root);
    if (top == null) {
      Span at = root == null ? Span.at(0) : firstLine(root.span());
      out.report(file, at, "unable to detect schema version: the file holds {}, not a mapping with"
          + " meta.schema_version; nova refuses the directory",
          (root == null ? "no document" : Nodes.describe(root)));
      return;
    }
    YEntry meta = top.effective("meta");
    if (meta == null) {
      String why = top.effective("provider_tree") != null
          ? "this is a provider tree file, but it sits where nova reads every *.yaml as a provider"
              + " config; move it out of the config directory" : "there is no top-level \"meta\" key";
      out.report(file, firstLine(top.span()),
          "unable to detect schema version: {}; nova refuses the directory", why);
      return;
    }
    YMapping metaMap = ProviderConfigReader.asMapping(meta.value());
    if (metaMap == null) {
      out.report(file, meta.value().span(), "unable to detect schema version: meta is {}, not a"
          + " mapping; nova refuses the directory", Nodes.describe(meta.value()));
      return;
    }
    YEntry version = metaMap.effective("schema_version");
    if (version == null) {
      out.report(file, meta.keySpan(),
          "unable to detect schema version: meta has no \"schema_version\"; nova refuses the directory");
      return;
    }
    if (!(version.value() instanceof YScalar value) || value.kind() != ValueKind.STR) {
      var finding = out.report(file, version.value().span(), "schema_version is {}, not a string:"
          + " nova fails with \"Unable to detect schema version\"; quote it",
          Nodes.describe(version.value()));
      if (version.value() instanceof YScalar s && s.style() == ScalarStyle.PLAIN
          && (s.kind() == ValueKind.FLOAT || s.kind() == ValueKind.INT) && s.explicitTag() == null) {
        finding.fix(FixSafety.SAFE, new TextEdit(s.span(), "'" + s.text() + "'"), "Quote the schema"
            + " version as '{}'", s.text());
      }
      return;
    }
    String text = value.text();
    String[] parts = text.split("\\.", 2);
    BigInteger major = parts.length == 2 ? pythonInt(parts[0]) : null;
    BigInteger minor = parts.length == 2 ? pythonInt(parts[1]) : null;
    if (major == null || minor == null) {
      out.report(file, value.span(), "schema_version {q} is not MAJOR.MINOR: nova fails with"
          + " \"Unable to detect schema version\"", text);
      return;
    }
    if (!major.equals(BigInteger.ONE)) {
      out.report(file, value.span(), "unsupported schema major version {}: this nova supports only"
          + " 1.x and refuses the directory", major);
      return;
    }
    if (!minor.equals(BigInteger.ZERO)) {
      out.report(file, value.span(), "schema version {q} has a minor version nova does not know"
          + " (it supports 1.0): nova loads the file with a warning and may ignore fields",
          text).severity(Severity.WARNING);
    }
    if (!NovaSchema.search(NovaSchema.SCHEMA_VERSION, text)) {
      out.report(file, value.span(), "schema_version {q} does not match the schema's pattern"
          + " ^1.([0-9]|[1-9][0-9]+)$: nova refuses the file", text);
    }
  }

  private static Span firstLine(Span span) {
    return new Span(span.start(), span.start());
  }

  /** Python's int() on a str: surrounding whitespace, a sign, digits with single underscores. */
  static BigInteger pythonInt(String s) {
    String t = s.strip();
    if (t.startsWith("+") || t.startsWith("-")) {
      String rest = t.substring(1);
      BigInteger v = digits(rest);
      return v == null ? null : t.startsWith("-") ? v.negate() : v;
    }
    return digits(t);
  }

  private static BigInteger digits(String t) {
    if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
      return null;
    }
    StringBuilder ascii = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '_') {
        continue;
      }
      if (Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) {
        return null;
      }
      ascii.append((char) ('0' + Character.digit(cp, 10)));
    }
    return new BigInteger(ascii.toString());
  }
}
