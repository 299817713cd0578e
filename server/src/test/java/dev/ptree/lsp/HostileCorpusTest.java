package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ptree.cli.Main;
import dev.ptree.io.SourceReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §6 against the corpus of test-fixtures/hostile (its README lists the inputs): every file
 * is answered by `ptree check` and by the server (scanning a workspace folder that holds it) within
 * a time bound, with a diagnostic or a clean result, no stack trace, and nothing executed.
 */
class HostileCorpusTest {
  /** Each edge answers each input within this; the 64 MB file within {@link #BIG_BOUND}. */
  static final Duration BOUND = Duration.ofSeconds(10);
  static final Duration BIG_BOUND = Duration.ofSeconds(30);
  static final Path PWNED = Path.of("/tmp/ptree-pwned");
  static final String META = "meta:\n  schema_version: '1.0'\n";

  @TempDir
  static Path generated;

  @BeforeAll
  static void noMarkerYet() throws IOException {
    Files.deleteIfExists(PWNED);
  }

  @AfterAll
  static void nothingWasExecuted() {
    assertThat(PWNED).doesNotExist();
  }

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Result check(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static void noCrash(String output) {
    assertThat(output).doesNotContain("internal error").doesNotContain("\tat ").doesNotContain("Exception:")
        .doesNotContain("StackOverflow").doesNotContain("OutOfMemory");
  }

  /** `ptree check FILE --format json` within the bound: exit 0 or 1, never a crash; the JSON output. */
  static Result checkFile(Path file, Duration bound) {
    Result r = assertTimeoutPreemptively(bound, () -> check("check", "--format", "json", file.toString()),
        "ptree check " + file.getFileName());
    noCrash(r.all());
    assertThat(r.code()).as(r.err()).isIn(0, 1);
    assertThat(r.err()).isEmpty();
    return r;
  }

  /**
   * The server scanning a workspace folder that holds the file: its diagnostics, within the bound.
   * Configs go to root/provider_config, trees to the root.
   */
  static List<Diagnostic> serve(Path file, Duration bound) throws Exception {
    return assertTimeoutPreemptively(bound, () -> {
      try (LspHarness h = new LspHarness()) {
        h.initialize(null, file.getParent().toUri().toString());
        h.client.awaitScans(1); // a clean file is not published: what the editor shows once the scan is done
        List<String> logs = new ArrayList<>(h.client.logs);
        logs.forEach(HostileCorpusTest::noCrash);
        return h.client.shown(file.toUri().toString());
      }
    }, "server on " + file.getFileName());
  }

  /** Copies a corpus file into its own workspace: configs under provider_config, trees at the root. */
  static Path place(String name, byte[] bytes) throws IOException {
    Path root = Files.createTempDirectory(generated, "ws");
    Path file = name.contains(".ptree.") ? root.resolve(name) : Files.createDirectories(root.resolve("provider_config")).resolve(name);
    Files.write(file, bytes);
    return file;
  }

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("ptree.fixtures"), "hostile"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).sorted().toList().stream();
    }
  }

  /** What each corpus file must be answered with: a rule code, or "" for a clean result. */
  static String expected(String name) {
    return switch (name) {
      case "invalid-utf8.yaml", "invalid-utf8.ptree.json" -> "PT506";
      case "nul-byte.yaml", "nul-byte.ptree.json" -> "PT100";
      case "bom.yaml", "crlf.yaml", "lone-cr.yaml", "bom.ptree.json" -> "";
      default -> "*"; // some diagnostic, whichever
    };
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void everyCorpusFileIsAnsweredInTimeByBothEdges(String name) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(System.getProperty("ptree.fixtures"), "hostile", name));
    Path file = place(name, bytes);
    Result cli = checkFile(file, BOUND);
    List<Diagnostic> lsp = serve(file, BOUND);
    String want = expected(name);
    List<String> cliRules = rules(cli.out());
    List<String> lspRules = lsp.stream().map(d -> d.getCode().getLeft()).toList();
    if (want.isEmpty()) {
      assertThat(cliRules).as(cli.out()).isEmpty();
    } else if (want.equals("*")) {
      assertThat(cliRules).as(cli.out()).isNotEmpty();
    } else {
      assertThat(cliRules).as(cli.out()).contains(want);
    }
    assertThat(lspRules).isEqualTo(cliRules);
    assertThat(PWNED).doesNotExist();
  }

  static List<String> rules(String json) {
    List<String> out = new ArrayList<>();
    var m = java.util.regex.Pattern.compile("\"rule\" : \"(PT\\d+)\"").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  static void bothEdges(String name, byte[] bytes, String rule) throws Exception {
    bothEdges(name, bytes, rule, BOUND);
  }

  static Result bothEdges(String name, byte[] bytes, String rule, Duration bound) throws Exception {
    Path file = place(name, bytes);
    Result cli = checkFile(file, bound);
    List<Diagnostic> lsp = serve(file, bound);
    if (rule != null) {
      assertThat(rules(cli.out())).as(cli.out()).contains(rule);
    }
    assertThat(lsp.stream().map(d -> d.getCode().getLeft()).toList()).isEqualTo(rules(cli.out()));
    return cli;
  }

  @Test
  void tenThousandLevelsOfNestingInYamlAndJson() throws Exception {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    bothEdges("deep-flow.yaml", (META + "providers: " + deep + "\n").getBytes(StandardCharsets.UTF_8), "PT501");
    bothEdges("deep-block.yaml", (META + "providers:\n" + "  - ".repeat(10_000) + "1\n").getBytes(StandardCharsets.UTF_8), "PT501");
    bothEdges("deep.ptree.yaml", ("provider_tree: '1.0'\nproviders: " + deep + "\n").getBytes(StandardCharsets.UTF_8), null);
    String deepJson = "{\"provider_tree\": \"1.0\", \"providers\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    bothEdges("deep.ptree.json", deepJson.getBytes(StandardCharsets.UTF_8), null);
    String deepObjects = "{\"provider_tree\": \"1.0\", \"x\": " + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
    bothEdges("deep-objects.ptree.json", deepObjects.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void wideAliasBombsInConfigsAndTrees() throws Exception {
    // 40 levels of 2: 2^40 nodes if expanded, a few hundred bytes
    StringBuilder s = new StringBuilder("a0: &a0 [lol, lol]\n");
    for (int i = 1; i <= 40; i++) {
      s.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    bothEdges("bomb.yaml", (META + s + "providers: *a40\n").getBytes(StandardCharsets.UTF_8), null);
    bothEdges("bomb.ptree.yaml", ("provider_tree: '1.0'\n" + s + "providers: *a40\n").getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void veryLongLinesAndKeys() throws Exception {
    String longScalar = META + "x: \"" + "\\u202E\u00e9a".repeat(5 * 1024 * 1024 / 8) + "\"\nproviders: []\n";
    bothEdges("long-line.yaml", longScalar.getBytes(StandardCharsets.UTF_8), null);
    // a 500 KB line of 17,000 providers, all named x and empty: one finding each, on that one line
    String longFlow = META + "providers: [" + "{identification: {name: x}}, ".repeat(17_000) + "]\n";
    Result text = assertTimeoutPreemptively(BOUND, () -> check("check", place("flow.yaml", longFlow.getBytes(StandardCharsets.UTF_8)).toString()));
    assertThat(text.out()).contains("PT202");
    bothEdges("long-flow.yaml", longFlow.getBytes(StandardCharsets.UTF_8), "PT202");
    String longKey = META + "providers:\n  - identification: {name: cn1}\n    " + "k".repeat(100 * 1024) + ": 1\n";
    bothEdges("long-key.yaml", longKey.getBytes(StandardCharsets.UTF_8), null);
    String longJsonKey = "{\"provider_tree\": \"1.0\", \"" + "k".repeat(100 * 1024) + "\": 1, \"providers\": []}";
    bothEdges("long-key.ptree.json", longJsonKey.getBytes(StandardCharsets.UTF_8), null);
  }

  @Test
  void sixtyFourMegabytesAreAnalysedAndOneByteOverTheLimitIsADiagnostic() throws Exception {
    // 64,000,000 bytes: a valid config of many providers, one name used twice (PT201)
    byte[] bytes = new byte[64_000_000];
    int at = put(bytes, 0, META + "providers:\n  - identification: {name: cn0}\n    traits: {additional: [CUSTOM_B]}\n");
    String comment = "    # padding padding padding padding padding padding padding padding padding padding\n";
    for (int i = 1; ; i++) {
      String provider = "  - identification: {name: 'cn" + i + "'}\n    traits: {additional: [CUSTOM_A]}\n" + comment;
      if (at + provider.length() + 64 > bytes.length) {
        break;
      }
      at = put(bytes, at, provider);
    }
    at = put(bytes, at, "  - identification: {name: cn0}\n    traits: {additional: [CUSTOM_C]}\n");
    while (at < bytes.length - 1) {
      bytes[at++] = '#';
    }
    bytes[at] = '\n';
    bothEdges("big.yaml", bytes, "PT201", BIG_BOUND);
    bytes = null;

    Path root = Files.createTempDirectory(generated, "ws");
    Path over = Files.createDirectories(root.resolve("provider_config")).resolve("over.yaml");
    try (RandomAccessFile f = new RandomAccessFile(over.toFile(), "rw")) {
      f.setLength(SourceReader.MAX_BYTES + 1); // sparse: costs no disk
    }
    Result cli = checkFile(over, BOUND);
    assertThat(cli.out()).contains("over the size limit of 64 MiB (67,108,864 bytes)").contains("PT506");
    assertThat(serve(over, BOUND)).singleElement().satisfies(d -> assertThat(d.getMessage()).contains("over the size limit"));
  }

  private static int put(byte[] bytes, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, bytes, at, b.length);
    return at + b.length;
  }

  @Test
  void aFileChangingWhileItIsReadGivesADiagnosticOrACleanResult() throws Exception {
    Path root = Files.createTempDirectory(generated, "ws");
    Path file = Files.createDirectories(root.resolve("provider_config")).resolve("moving.yaml");
    String valid = META + "providers:\n  - identification: {name: cn1}\n    traits: {additional: [CUSTOM_A]}\n";
    Files.writeString(file, valid);
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      byte[][] versions = {valid.getBytes(StandardCharsets.UTF_8), new byte[0], "providers: [\n".getBytes(StandardCharsets.UTF_8),
          (valid + "#".repeat(200_000)).getBytes(StandardCharsets.UTF_8), {(byte) 0xff, 'a', ':'}};
      for (int i = 0; !stop.get(); i++) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
          byte[] b = versions[i % versions.length];
          f.setLength(i % 3 == 0 ? 0 : b.length / 2); // truncate, then write over
          f.seek(0);
          f.write(b);
          f.setLength(b.length);
        } catch (IOException e) {
          // the reader may hold it; try again
        }
      }
    });
    writer.start();
    try {
      for (int i = 0; i < 20; i++) {
        checkFile(file, BOUND);
      }
      serve(file, BOUND);
    } finally {
      stop.set(true);
      writer.join();
    }
  }

  @Test
  void symlinkLoopsAndSymlinksOutOfTheWorkspaceAreNotFollowed() throws Exception {
    Path outside = Files.createDirectories(generated.resolve("outside/provider_config"));
    Path secret = outside.resolve("secret.yaml");
    Files.writeString(secret, "SECRET: [\n");
    Path root = Files.createDirectories(generated.resolve("links"));
    Path configs = Files.createDirectories(root.resolve("provider_config"));
    Path valid = configs.resolve("a.yaml");
    Files.writeString(valid, META + "providers:\n  - identification: {name: cn1}\n    traits: {additional: [CUSTOM_A]}\n");
    Files.createSymbolicLink(root.resolve("loop"), root); // a directory loop
    Files.createSymbolicLink(configs.resolve("self"), configs);
    Path selfLoop = configs.resolve("loop.yaml");
    Files.createSymbolicLink(selfLoop, selfLoop); // a file link to itself
    Files.createSymbolicLink(root.resolve("escape"), outside.getParent()); // a folder out of the root
    Files.createSymbolicLink(configs.resolve("escape.yaml"), secret); // a file out of the root

    Result cli = assertTimeoutPreemptively(BOUND, () -> check("check", "--format", "json", root.toString()));
    noCrash(cli.all());
    assertThat(cli.all()).doesNotContain("secret").doesNotContain("SECRET").doesNotContain("escape");
    assertThat(cli.out()).contains("loop.yaml").contains("a.yaml");
    assertThat(rules(cli.out())).contains("PT506"); // the looping link cannot be read

    assertTimeoutPreemptively(BOUND, () -> {
      try (LspHarness h = new LspHarness()) {
        h.initialize(null, root.toUri().toString());
        PublishDiagnosticsParams loop = h.client.await(selfLoop.toUri().toString(), x -> !x.getDiagnostics().isEmpty());
        assertThat(loop.getDiagnostics()).extracting(d -> d.getCode().getLeft()).contains("PT506");
        h.client.awaitScans(1);
        assertThat(h.client.publications).noneMatch(p -> p.getUri().contains("secret") || p.getUri().contains("escape"));
      }
    });
  }
}
