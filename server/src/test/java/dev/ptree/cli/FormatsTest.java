package dev.ptree.cli;

import static dev.ptree.cli.CliTest.ptree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ptree.engine.Settings;
import dev.ptree.io.Inputs;
import dev.ptree.io.WorkspaceLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every report format on one project (test-fixtures/formats/project), against golden files in
 * test-fixtures/formats/expected, and each parsed as its platform documents it. Run with
 * -Dptree.updateGolden=true to rewrite the golden files.
 */
class FormatsTest {
  static final Path ROOT = Path.of(System.getProperty("ptree.fixtures"), "formats").toAbsolutePath().normalize();
  static final Path PROJECT = ROOT.resolve("project");
  static final List<String> FORMATS = List.of("text", "json", "sarif", "github", "gitlab", "junit", "json-lines");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}[:-][0-9]+");

  @TempDir
  Path dir;

  static String run(String format, Path project) {
    CliTest.Result r = ptree("check", "--isolated", "--format", format, project.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    return r.out();
  }

  /** The report with machine-specific parts made stable: paths relative, fingerprints masked. */
  static String golden(String out) {
    return FINGERPRINT.matcher(out.replace(ROOT + "/", "")).replaceAll("<fingerprint>");
  }

  /**
   * The SARIF report without the rules' prose: the docs have golden tests of their own, and a
   * reworded rule should not touch this file.
   */
  private static String withoutRuleTexts(String sarif) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode root = mapper.readTree(sarif);
    root.at("/runs/0/tool/driver/rules").forEach(r ->
        ((com.fasterxml.jackson.databind.node.ObjectNode) r).remove(List.of("shortDescription", "fullDescription", "help")));
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  @TestFactory
  Stream<DynamicTest> eachFormatMatchesItsGoldenFile() {
    return FORMATS.stream().map(format -> DynamicTest.dynamicTest(format, () -> {
      Path expected = ROOT.resolve("expected").resolve(format + ".out");
      String actual = golden(format.equals("sarif") ? withoutRuleTexts(run(format, PROJECT)) : run(format, PROJECT));
      if (Boolean.getBoolean("ptree.updateGolden")) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }));
  }

  /** The messages of the JSON report, escaped as ptree prints them, by "path line". */
  private static Map<String, String> jsonMessages(String json) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode f : new ObjectMapper().readTree(json).get("files")) {
      for (JsonNode d : f.get("diagnostics")) {
        out.put(f.get("path").asText() + " " + (d.get("range").get("start").get("line").asInt() + 1),
            d.get("message").asText());
      }
    }
    return out;
  }

  /**
   * GitHub's workflow-command syntax, as its runner reads it: {@code ::name k=v,k=v::data}, with
   * %25, %0D, %0A unescaped in data, and %3A, %2C too in property values.
   */
  @Test
  void githubAnnotationsParseAsTheRunnerReadsThem() throws IOException {
    String out = run("github", PROJECT);
    Map<String, String> expected = jsonMessages(run("json", PROJECT));
    Pattern command = Pattern.compile("^::(error|warning|notice) ([^:]*)::(.*)$");
    int n = 0;
    for (String line : out.split("\n")) {
      Matcher m = command.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      Map<String, String> props = new LinkedHashMap<>();
      for (String kv : m.group(2).split(",")) {
        int eq = kv.indexOf('=');
        props.put(kv.substring(0, eq), unescapeProperty(kv.substring(eq + 1)));
      }
      assertThat(props.keySet()).containsExactly("file", "line", "col", "endLine", "endColumn", "title");
      assertThat(Path.of(props.get("file"))).exists();
      assertThat(props.get("title")).matches("ptree PT\\d{3}");
      String message = unescapeData(m.group(3));
      assertThat(message).isEqualTo(expected.get(props.get("file") + " " + props.get("line")));
      assertThat(Integer.parseInt(props.get("endLine"))).isGreaterThanOrEqualTo(Integer.parseInt(props.get("line")));
      n++;
    }
    assertThat(n).isEqualTo(expected.size());
    // what needs escaping was escaped: a property with a comma, a message with % and a colon
    assertThat(out).contains("file=" + ROOT + "/project/provider_config/30-rack%2Cb.yaml")
        .contains("unknown key \"tra%25its,x:y\"").doesNotContain("\u202E");
  }

  @Test
  void githubEscapingCoversNewlinesAndCarriageReturns() {
    assertThat(GithubReport.data("a%b\r\nc")).isEqualTo("a%25b\\r\\nc"); // control characters are neutralised first
    assertThat(GithubReport.property("a:b,c%d")).isEqualTo("a%3Ab%2Cc%25d");
  }

  private static String unescapeData(String s) {
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  private static String unescapeProperty(String s) {
    return s.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%");
  }

  /** GitLab's Code Quality report: the fields and values its documentation requires. */
  @Test
  void gitlabCodeQualityHasTheRequiredFieldsAndUniqueFingerprints() throws IOException {
    JsonNode issues = new ObjectMapper().readTree(run("gitlab", PROJECT));
    assertThat(issues.isArray()).isTrue();
    assertThat(issues).hasSize(jsonMessages(run("json", PROJECT)).size());
    Set<String> fingerprints = new HashSet<>();
    for (JsonNode i : issues) {
      assertThat(i.get("description").isTextual()).isTrue();
      assertThat(i.get("check_name").asText()).matches("PT\\d{3}");
      assertThat(i.get("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
      assertThat(i.get("location").get("path").asText()).doesNotStartWith("./");
      assertThat(i.get("location").get("lines").get("begin").isInt()).isTrue();
      assertThat(i.get("location").get("lines").get("begin").asInt()).isPositive();
      assertThat(fingerprints.add(i.get("fingerprint").asText())).as("unique fingerprint").isTrue();
    }
  }

  @Test
  void junitReportIsWellFormedWithOneFailurePerErrorOrWarning() throws Exception {
    String xml = run("junit", PROJECT);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getElementsByTagName("testsuite").getLength()).isEqualTo(3);
    int failures = doc.getElementsByTagName("failure").getLength();
    assertThat(failures).isEqualTo(jsonMessages(run("json", PROJECT)).size());
    assertThat(suites.getAttribute("failures")).isEqualTo(Integer.toString(failures));
  }

  @Test
  void jsonLinesIsOneObjectPerFinding() throws IOException {
    String out = run("json-lines", PROJECT);
    String[] lines = out.split("\n");
    assertThat(lines).hasSize(jsonMessages(run("json", PROJECT)).size());
    for (String line : lines) {
      JsonNode n = new ObjectMapper().readTree(line);
      assertThat(n.fieldNames()).toIterable().contains("path", "rule", "category", "severity", "message", "range");
    }
  }

  private static Schema sarifSchema() throws IOException {
    try (InputStream in = FormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  @Test
  void sarifValidatesAgainstTheSarif210Schema() throws IOException {
    Schema schema = sarifSchema();
    JsonNode sarif = new ObjectMapper().readTree(run("sarif", PROJECT));
    assertThat(schema.validate(sarif)).isEmpty();
    // and the schema does catch a broken report
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif).put("version", "2.0.0");
    assertThat(schema.validate(sarif)).isNotEmpty();
  }

  @Test
  void sarifRulesCarryTheirCategorysCweAndSecurityRulesASeverity() throws IOException {
    JsonNode rules = new ObjectMapper().readTree(run("sarif", PROJECT)).at("/runs/0/tool/driver/rules");
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.put(r.get("id").asText(), r));
    assertThat(tags(byId.get("PT201"))).contains("lifecycle", "external/cwe/cwe-664");
    assertThat(tags(byId.get("PT303"))).contains("comparison", "external/cwe/cwe-682").doesNotContain("security");
    assertThat(tags(byId.get("PT402"))).contains("neutralization", "external/cwe/cwe-707", "security");
    assertThat(tags(byId.get("PT501"))).contains("exception-handling", "external/cwe/cwe-703");
    assertThat(tags(byId.get("PT100"))).containsExactly("syntax");
    assertThat(byId.get("PT402").at("/properties/security-severity").asText()).isEqualTo("6.5");
    assertThat(byId.get("PT303").at("/properties/security-severity").isMissingNode()).isTrue();
    byId.values().forEach(r -> {
      assertThat(r.at("/properties/tags").size()).isLessThanOrEqualTo(20); // GitHub's limit per rule
      assertThat(r.at("/shortDescription/text").asText().length()).isLessThanOrEqualTo(1024);
    });
  }

  private static List<String> tags(JsonNode rule) {
    List<String> out = new ArrayList<>();
    rule.at("/properties/tags").forEach(t -> out.add(t.asText()));
    return out;
  }

  /** Fingerprints by result, keyed by rule and message: the same after lines are inserted above. */
  private static Map<String, String> fingerprints(String sarif) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode r : new ObjectMapper().readTree(sarif).at("/runs/0/results")) {
      String uri = URLDecoder.decode(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText(), StandardCharsets.UTF_8);
      out.put(Path.of(uri).getFileName() + " " + r.get("ruleId").asText() + " " + r.at("/message/text").asText(),
          r.at("/partialFingerprints/primaryLocationLineHash").asText());
    }
    return out;
  }

  @Test
  void sarifFingerprintsAreStableAcrossRunsAndLineMoves() throws IOException {
    Path copy = dir.resolve("project/provider_config");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(PROJECT.resolve("provider_config"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Map<String, String> before = fingerprints(run("sarif", dir.resolve("project")));
    assertThat(fingerprints(run("sarif", dir.resolve("project")))).isEqualTo(before);
    assertThat(new HashSet<>(before.values())).hasSize(before.size());
    Path a = copy.resolve("10-a.yaml");
    Files.writeString(a, "# moved down\n\n\n" + Files.readString(a));
    Map<String, String> after = fingerprints(run("sarif", dir.resolve("project")));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void sarifOverTheResultCapKeepsTheMostSevereAndSaysSo() throws Exception {
    var workspace = WorkspaceLoader.load(Settings.DEFAULT, Inputs.files(List.of(PROJECT.toString())), m -> { });
    List<CheckedFile> results = CheckCommand.results(workspace);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SarifReport.Written w = SarifReport.write(results, out, "test", 2);
    assertThat(w.omittedResults()).isEqualTo(3);
    JsonNode sarif = new ObjectMapper().readTree(out.toByteArray());
    assertThat(sarifSchema().validate(sarif)).isEmpty();
    assertThat(sarif.at("/runs/0/results")).hasSize(2).allSatisfy(r -> assertThat(r.get("level").asText()).isEqualTo("error"));
    assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .startsWith("3 of 5 results left out: GitHub code scanning rejects a run with more than 2");
    assertThat(sarif.at("/runs/0/properties/omittedResults").asInt()).isEqualTo(3);
    assertThat(w.gzipBytes()).isPositive().isLessThan(out.size());
  }
}
