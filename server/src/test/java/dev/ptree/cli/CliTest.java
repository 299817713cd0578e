package dev.ptree.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ptree.rules.registry.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result ptree(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static final String GOOD = "meta:\n  schema_version: '1.0'\nproviders:\n"
      + "  - identification:\n      uuid: $COMPUTE_NODE\n    traits:\n      additional: [CUSTOM_GOLD]\n";

  @Test
  void exitCodesFollowTheContract() throws IOException {
    write("good.yaml", GOOD);
    assertThat(ptree("check", dir.toString()).code()).isZero();
    write("bad.yaml", GOOD.replace("'1.0'", "1.0").replace("COMPUTE_NODE", "COMPUTE_NODE2"));
    assertThat(ptree("check", dir.toString()).code()).isEqualTo(1);
    assertThat(ptree("check", dir.resolve("missing").toString()).code()).isEqualTo(2);
    assertThat(ptree("check", "--format", "xml", dir.toString()).code()).isEqualTo(2);
    assertThat(ptree("check").code()).isEqualTo(2);
    assertThat(ptree("explain", "PT999").code()).isEqualTo(2);
  }

  @Test
  void aRepositoryRootFindsItsConfigFoldersAndLeavesOtherYamlAlone() throws IOException {
    Path configs = Files.createDirectories(dir.resolve("etc/nova/provider_config"));
    Files.writeString(configs.resolve("a.yaml"), GOOD.replace("CUSTOM_GOLD", "GOLD"));
    write("docker-compose.yaml", "services:\n  web: {image: nginx}\n");
    Result r = ptree("check", "--format", "json", dir.toString());
    assertThat(r.out()).contains("a.yaml", "PT108").doesNotContain("docker-compose");
    assertThat(r.code()).isEqualTo(1);
    assertThat(ptree("check", configs.toString()).out()).contains("1 error, 0 warnings in 1 file");
  }

  @Test
  void jsonHasTheDocumentedShape() throws IOException {
    write("a.yaml", GOOD.replace("'1.0'", "1.0"));
    Result r = ptree("check", "--format", "json", dir.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    JsonNode d = json.get("files").get(0).get("diagnostics").get(0);
    assertThat(d.get("rule").asText()).isEqualTo("PT101");
    assertThat(d.get("category").asText()).isEqualTo("syntax");
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("range").get("start").get("line").asInt()).isEqualTo(1);
    assertThat(d.get("range").get("start").get("character").asInt()).isEqualTo(18);
    assertThat(d.get("range").get("end").get("character").asInt()).isEqualTo(21);
    assertThat(json.get("summary").get("errors").asInt()).isEqualTo(1);
    assertThat(json.get("summary").get("warnings").asInt()).isZero();
  }

  @Test
  void sarifCarriesTheRuleTableAndResults() throws IOException {
    write("a.yaml", GOOD.replace("CUSTOM_GOLD", "GOLD"));
    JsonNode sarif = new ObjectMapper().readTree(ptree("check", "--format", "sarif", dir.toString()).out());
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("rules")).hasSize(Rules.all().size());
    JsonNode result = run.get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("PT108");
    assertThat(result.get("level").asText()).isEqualTo("error");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
  }

  @Test
  void fixAppliesSafeFixesKeepsCommentsAndIsIdempotent() throws IOException {
    Path p = write("a.yaml", "# operator notes stay\nmeta:\n  schema_version: 1.0   # quoted by --fix\n"
        + "providers:\n  - identification:\n      uuid: 7D7B5E2C-5D6B-4A43-9D2E-0F6B5B1F9A10\n"
        + "    inventories:\n      additional:\n        - CUSTOM_DISK:\n            total: 010\n"
        + "            step_size: 2.0\n    traits:\n      additional: [custom_gold, HW_GPU]\n");
    Result first = ptree("check", "--fix", dir.toString());
    String once = Files.readString(p);
    assertThat(once).contains("# operator notes stay", "schema_version: '1.0'   # quoted by --fix",
        "uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10", "total: 8", "step_size: 2\n",
        "[CUSTOM_GOLD, HW_GPU]");
    assertThat(first.code()).isEqualTo(1); // HW_GPU has only an unsafe fix
    ptree("check", "--fix", dir.toString());
    assertThat(Files.readString(p)).isEqualTo(once);
  }

  @Test
  void textOutputEscapesWhatItQuotes() throws IOException {
    write("a.yaml", GOOD.replace("CUSTOM_GOLD", "\"CUSTOM_\u202EGOLD\""));
    Result r = ptree("check", dir.toString());
    assertThat(r.out()).doesNotContain("\u202E").contains("\\u202E");
  }

  @Test
  void explainDocumentsEveryRule() {
    for (var rule : Rules.all()) {
      Result r = ptree("explain", rule.code());
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains(rule.code(), "What it does", "Why it matters", "Example", "Fix safety");
    }
    assertThat(ptree("rules").out().lines()).hasSize(Rules.all().size());
  }

  @Test
  void concurrentRunsWriteOnlyToTheirOwnStreams() throws Exception {
    write("good.yaml", GOOD);
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("bad.yaml"), GOOD.replace("'1.0'", "1.0"), StandardCharsets.UTF_8);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        var clean = pool.submit(() -> ptree("check", dir.resolve("good.yaml").toString()));
        var dirty = pool.submit(() -> ptree("check", "--format", "json", other.toString()));
        assertThat(clean.get().out()).doesNotContain("PT101").contains("0 errors");
        assertThat(dirty.get().out()).contains("PT101").doesNotContain("0 errors");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
