package dev.ptree.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --stdin-filename, --output-file, --exit-zero and --statistics. */
class CheckOptionsTest {
  @TempDir
  Path dir;

  static final String GOOD = "meta:\n  schema_version: '1.0'\nproviders:\n"
      + "  - identification:\n      name: cn1\n    traits:\n      additional: [CUSTOM_GOLD]\n";

  static CliTest.Result ptree(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return new CliTest.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void stdinIsCheckedAsTheNamedFileWithItsFoldersOtherFiles() throws IOException {
    Path configs = Files.createDirectories(dir.resolve("provider_config"));
    Files.writeString(configs.resolve("a.yaml"), GOOD);
    Path b = configs.resolve("b.yaml");
    Files.writeString(b, GOOD.replace("cn1", "cn2")); // on disk: clean
    // the editor's unsaved text duplicates a.yaml's provider: found because a.yaml is read too
    CliTest.Result r = ptree(GOOD.replace("GOLD", "SILVER"), "check", "--no-snippets", "--stdin-filename", b.toString(), "-");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains(b + ":5:13: error provider \"cn1\" is already defined in a.yaml")
        .contains("note: " + configs.resolve("a.yaml") + ":5:13: first definition")
        .doesNotContain(configs.resolve("a.yaml") + ":5:13: error").contains("1 error, 0 warnings in 1 file");
    // a clean text is clean, and the file on disk was never touched
    assertThat(ptree(GOOD.replace("cn1", "cn3"), "check", "--stdin-filename", b.toString(), "-").code()).isZero();
    assertThat(Files.readString(b)).isEqualTo(GOOD.replace("cn1", "cn2"));
  }

  @Test
  void stdinOfATreeFileAndOfAFileNotOnDisk() throws IOException {
    String tree = "provider_tree: '1.0'\nproviders:\n  - name: cn1\n    uuid: 7D7B5E2C-5D6B-4A43-9D2E-0F6B5B1F9A10\n";
    CliTest.Result r = ptree(tree, "check", "--format", "json", "--stdin-filename", dir.resolve("new/host.ptree.yaml").toString(), "-");
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("host.ptree.yaml").contains("PT309");
  }

  @Test
  void stdinNeedsBothTheFlagAndTheDash() {
    assertThat(ptree("", "check", "-").code()).isEqualTo(2);
    assertThat(ptree("", "check", "--stdin-filename", "x.yaml", "x.yaml").code()).isEqualTo(2);
    assertThat(ptree("", "check", "--fix", "--stdin-filename", "x.yaml", "-").code()).isEqualTo(2);
  }

  @Test
  void exitZeroOutputFileAndStatistics() throws IOException {
    Path configs = Files.createDirectories(dir.resolve("provider_config"));
    Files.writeString(configs.resolve("a.yaml"), GOOD.replace("CUSTOM_GOLD", "GOLD").replace("'1.0'", "1.0"));
    assertThat(CliTest.ptree("check", dir.toString()).code()).isEqualTo(1);
    assertThat(CliTest.ptree("check", "--exit-zero", dir.toString()).code()).isZero();

    Path report = dir.resolve("report.sarif");
    CliTest.Result r = CliTest.ptree("check", "--format", "sarif", "--output-file", report.toString(), "--statistics", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(Files.readString(report)).contains("\"version\" : \"2.1.0\"", "PT108");
    assertThat(r.out()).contains("PT101  schema-version", "PT108  not-custom", "fixable with --fix", "2 findings in 1 file");

    CliTest.Result stats = CliTest.ptree("check", "--statistics", dir.toString());
    assertThat(stats.out()).doesNotContain("a.yaml:").contains("2 findings in 1 file");

    assertThat(CliTest.ptree("check", "--output-file", dir.resolve("missing/dir/x.txt").toString(), dir.toString()).code())
        .isEqualTo(2);
  }
}
