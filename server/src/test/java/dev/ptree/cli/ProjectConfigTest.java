package dev.ptree.cli;

import static dev.ptree.cli.CliTest.ptree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ptree.toml as `ptree check` obeys it: every key, the errors, discovery, --config and --isolated. */
class ProjectConfigTest {
  @TempDir
  Path dir;

  /** PT303 (comparison, error) at a.yaml, PT301 (comparison, warning) at b.yaml, PT217-free configs. */
  static void project(Path root) throws IOException {
    Path configs = Files.createDirectories(root.resolve("provider_config"));
    Files.writeString(configs.resolve("a.yaml"), "meta:\n  schema_version: '1.0'\nproviders:\n"
        + "  - identification:\n      name: cn1\n    inventories:\n      additional:\n"
        + "        - CUSTOM_X:\n            total: 2\n            reserved: 4\n");
    Files.writeString(configs.resolve("b.yaml"), "meta:\n  schema_version: '1.0'\nproviders:\n"
        + "  - identification:\n      name: cn2\n    inventories:\n      additional:\n"
        + "        - CUSTOM_Y:\n            total: 010\n");
  }

  private void toml(String text) throws IOException {
    Files.writeString(dir.resolve("ptree.toml"), text, StandardCharsets.UTF_8);
  }

  /** "file rule severity" for every finding of a JSON report. */
  static List<String> findings(String json) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(json).get("files")) {
      String name = Path.of(f.get("path").asText()).getFileName().toString();
      for (JsonNode d : f.get("diagnostics")) {
        out.add(name + " " + d.get("rule").asText() + " " + d.get("severity").asText());
      }
    }
    return out;
  }

  private List<String> check(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("check", "--format", "json"));
    args.addAll(List.of(extra));
    args.add(dir.toString());
    CliTest.Result r = ptree(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    return findings(r.out());
  }

  @Test
  void withoutAConfigEveryRuleReports() throws IOException {
    project(dir);
    assertThat(check()).containsExactlyInAnyOrder("a.yaml PT303 error", "b.yaml PT301 warning");
  }

  @Test
  void ignoreSelectAndExtendSelectTakeCodesPrefixesAndCategories() throws IOException {
    project(dir);
    toml("ignore = [\"PT301\"]\n");
    assertThat(check()).containsExactly("a.yaml PT303 error");
    toml("select = [\"syntax\"]\n");
    assertThat(check()).isEmpty();
    toml("select = [\"syntax\"]\nextend-select = [\"PT30\"]\nignore = [\"PT303\"]\n");
    assertThat(check()).containsExactly("b.yaml PT301 warning");
    toml("ignore = [\"comparison\"]\n");
    assertThat(check()).isEmpty();
    toml("select = [\"ALL\"]\n");
    assertThat(check()).hasSize(2);
  }

  @Test
  void perFileIgnoresAreGlobsRelativeToTheConfig() throws IOException {
    project(dir);
    toml("[per-file-ignores]\n\"provider_config/a.yaml\" = [\"PT303\"]\n\"b.*\" = [\"comparison\"]\n");
    assertThat(check()).isEmpty();
    toml("per-file-ignores = { \"**/a.yaml\" = [\"PT3\"] }\n");
    assertThat(check()).containsExactly("b.yaml PT301 warning");
  }

  @Test
  void aSuppressionOfARuleTheProjectIgnoresThereIsNotReportedAsUnused() throws IOException {
    project(dir);
    Path a = dir.resolve("provider_config/a.yaml");
    Files.writeString(a, Files.readString(a).replace("reserved: 4", "reserved: 4  # ptree: disable=PT303"));
    assertThat(check()).containsExactly("b.yaml PT301 warning");
    toml("[per-file-ignores]\n\"**/a.yaml\" = [\"PT303\"]\n");
    assertThat(check()).containsExactly("b.yaml PT301 warning");
    Files.writeString(a, Files.readString(a).replace("disable=PT303", "disable=PT301"));
    assertThat(check()).containsExactlyInAnyOrder("a.yaml PT190 warning", "b.yaml PT301 warning");
  }

  @Test
  void severityOverridesByCodeWinOverCategory() throws IOException {
    project(dir);
    toml("[severity]\ncomparison = \"hint\"\nPT303 = \"warning\"\n");
    CliTest.Result r = ptree("check", "--format", "json", dir.toString());
    assertThat(findings(r.out())).containsExactlyInAnyOrder("a.yaml PT303 warning", "b.yaml PT301 hint");
    assertThat(r.code()).isZero(); // no error left
    toml("[severity]\nPT301 = \"off\"\nPT303 = \"error\"\n");
    assertThat(check()).containsExactly("a.yaml PT303 error");
  }

  @Test
  void editorAndCommandLineSettingsApplyOnTop() throws IOException {
    project(dir);
    toml("select = [\"PT303\", \"PT301\"]\n");
    assertThat(check("--disable", "PT303")).containsExactly("b.yaml PT301 warning");
  }

  @Test
  void includeExcludeAndProviderConfigGlobsSteerDiscovery() throws IOException {
    project(dir);
    Path extra = Files.createDirectories(dir.resolve("deploy/nova"));
    Files.writeString(extra.resolve("host.yaml"), "# nothing marks this as a provider config\nfoo: 1\n");
    toml("exclude = [\"provider_config/b.yaml\"]\n");
    assertThat(check()).containsExactly("a.yaml PT303 error");
    toml("include = [\"a.yaml\"]\n");
    assertThat(check()).containsExactly("a.yaml PT303 error");
    toml("exclude = [\"provider_config\"]\nprovider-config-globs = [\"deploy/**/*.yaml\"]\n");
    assertThat(check()).extracting(s -> s.split(" ")[0]).containsOnly("host.yaml");
    // a file named on the command line is checked even when excluded, unless --force-exclude
    toml("exclude = [\"**/a.yaml\"]\n");
    Path a = dir.resolve("provider_config/a.yaml");
    assertThat(findings(ptree("check", "--format", "json", a.toString()).out())).containsExactly("a.yaml PT303 error");
    CliTest.Result forced = ptree("check", "--format", "json", "--force-exclude", a.toString());
    assertThat(findings(forced.out())).isEmpty();
    assertThat(forced.code()).isZero();
  }

  @Test
  void theNearestConfigWinsAndConfigAndIsolatedOverrideDiscovery() throws IOException {
    project(dir);
    toml("ignore = [\"ALL\"]\n");
    Files.writeString(dir.resolve("provider_config/ptree.toml"), "ignore = [\"PT301\"]\n");
    assertThat(check()).containsExactly("a.yaml PT303 error");
    assertThat(check("--isolated")).hasSize(2);
    assertThat(check("--config", dir.resolve("ptree.toml").toString())).isEmpty();
  }

  @Test
  void aBadConfigIsAnErrorAtItsLineAndColumnWithExitTwo() throws IOException {
    project(dir);
    String path = dir.resolve("ptree.toml").toString();
    expectError("ignore = [\"PT301\"]\nselct = [\"PT303\"]\n", path + ":2:1: unknown key \"selct\"; did you mean \"select\"?");
    expectError("ignore = [\"PT301\", \"PT999\"]\n", path + ":1:20: unknown rule or category \"PT999\" in ignore");
    expectError("ignore = \"PT301\"\n", path + ":1:1: ignore must be a list of strings");
    expectError("# c\n[severity]\nPT303 = \"loud\"\n", path + ":3:1: severity of \"PT303\" must be one of");
    expectError("[severity]\nPT9 = \"error\"\n", path + ":2:1: unknown rule or category \"PT9\" in severity");
    expectError("[per-file-ignores]\n\"a/{b\" = [\"PT303\"]\n", path + ":2:1: invalid glob \"a/{b\"");
    expectError("ignore = [\"PT301\"\n", path + ":");
    expectError("severity = 3\n", path + ":1:1: severity must be a table");
    expectError("[severity]\nPT303 = \"error\"\nexclude = [\"x\"]\n", path + ":3:1: \"exclude\" is read as part of [severity]");
  }

  private void expectError(String text, String start) throws IOException {
    toml(text);
    CliTest.Result r = ptree("check", dir.toString());
    assertThat(r.code()).as(text).isEqualTo(2);
    assertThat(r.err()).as(text).startsWith(start);
    assertThat(r.out()).isEmpty();
    // the same for --config
    CliTest.Result explicit = ptree("check", "--config", dir.resolve("ptree.toml").toString(), dir.toString());
    assertThat(explicit.code()).isEqualTo(2);
    assertThat(explicit.err()).startsWith(start);
  }

  @Test
  void theConfigsMessagesNeutraliseWhatTheyQuote() throws IOException {
    project(dir);
    toml("ignore = [\"PT301\u202E\"]\n");
    CliTest.Result r = ptree("check", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("\\u202E").doesNotContain("\u202E");
  }

  @Test
  void theExampleConfigIsValid() throws IOException {
    Path example = Path.of(System.getProperty("ptree.fixtures"), "..", "examples", "ptree.toml");
    CliTest.Result r = ptree("check", "--config", example.toString(), Path.of(System.getProperty("ptree.fixtures"),
        "..", "examples").toString());
    assertThat(r.code()).as(r.err()).isZero();
  }
}
