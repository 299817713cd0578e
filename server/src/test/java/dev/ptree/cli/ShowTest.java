package dev.ptree.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * `ptree show` on the bundled NUMA / PGPU / SR-IOV example: the effective tree nova would report
 * once examples/provider_config is merged in. The golden files keep the whole output; the
 * assertions below restate, by hand from nova's merge rules, what it must say.
 */
class ShowTest {
  private static final Path EXAMPLES = Fixtures.root().getParent().resolve("examples");

  private static String show(String format) {
    CliTest.Result r = CliTest.ptree("show", "--format", format, EXAMPLES.resolve("compute-07.ptree.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    return r.out().replace(EXAMPLES.toString(), "examples");
  }

  private static void golden(String name, String actual) throws IOException {
    Path golden = Fixtures.path("show", name);
    if (Boolean.getBoolean("ptree.updateGolden")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /**
   * test-fixtures/merge/CASE: `ptree show` of each kept merge case against CASE.show.txt. What
   * each must show is proven by conformance/merge_conformance.py against nova's real merge.
   */
  @TestFactory
  Stream<DynamicTest> everyKeptMergeCaseShowsWhatNovaMerges() throws IOException {
    Path root = Fixtures.path("merge");
    try (Stream<Path> cases = Files.list(root)) {
      return cases.filter(Files::isDirectory).sorted().toList().stream().map(c -> DynamicTest.dynamicTest(
          c.getFileName().toString(), () -> {
            CliTest.Result r = CliTest.ptree("show", c.toString());
            assertThat(r.code()).as(r.err()).isZero();
            golden(Path.of("..", "merge", c.getFileName() + ".show.txt").toString(),
                r.out().replace(root.toString(), "merge"));
          }));
    }
  }

  @Test
  void theEffectiveTreeMatchesNovasMergeRules() throws IOException {
    String text = show("text");
    golden("compute-07.txt", text);
    // compute-07 is named by 20-accelerators.yaml, so $COMPUTE_NODE skips it: its traits gain
    // that file's two, and none of 10-compute-defaults.yaml's.
    assertThat(section(text, "compute-07.dc1.example.org  "))
        .contains("<- examples/provider_config/20-accelerators.yaml (compute-07.dc1.example.org)")
        .contains("traits: COMPUTE_NODE, HW_CPU_X86_AVX2, CUSTOM_RACK_A12 [20-accelerators.yaml],"
            + " CUSTOM_GPU_BURN_IN_DONE [20-accelerators.yaml]")
        .doesNotContain("CUSTOM_LOCAL_NVME_GB", "CUSTOM_POWER_REDUNDANT")
        // (64 - 4) * 4.0 = 240; (524288 - 16384) * 1.5 = 761856; (3800 - 100) * 1.0 = 3700
        .contains("VCPU: total 64, reserved 4, min_unit 1, max_unit 2147483647 (default), step_size 1,"
            + " allocation_ratio 4.0 => capacity 240")
        .contains("allocation_ratio 1.5 => capacity 761856")
        .contains("max_unit 2000, step_size 1, allocation_ratio 1.0 => capacity 3700");
    // compute-08 carries COMPUTE_NODE and no entry names it: $COMPUTE_NODE applies to it.
    assertThat(section(text, "compute-08.dc1.example.org  "))
        .contains("<- examples/provider_config/10-compute-defaults.yaml ($COMPUTE_NODE)")
        .contains("CUSTOM_LOCAL_NVME_GB: total 3200, reserved 200, min_unit 1, max_unit 1600, step_size 1,"
            + " allocation_ratio 1.0 => capacity 3000  [10-compute-defaults.yaml]")
        .contains("traits: COMPUTE_NODE, CUSTOM_RACK_A12 [10-compute-defaults.yaml],"
            + " CUSTOM_POWER_REDUNDANT [10-compute-defaults.yaml]");
    // The FPGA child is matched by uuid, two levels below the root.
    assertThat(text).contains("      compute-07.dc1.example.org_fpga0  2b1c9e6a-7f3d-4f0e-9a41-5d8e2c7b6a90"
        + "  <- examples/provider_config/20-accelerators.yaml (2b1c9e6a-7f3d-4f0e-9a41-5d8e2c7b6a90)");
    assertThat(text).contains("CUSTOM_FPGA_XILINX_U250: total 2, reserved 0, min_unit 1, max_unit 2147483647"
        + " (default), step_size 1, allocation_ratio 1.0 => capacity 2  [20-accelerators.yaml]");
    // SR-IOV: (25000000 - 1000000) * 1.0
    assertThat(text).contains("NET_BW_EGR_KILOBIT_PER_SEC: total 25000000, reserved 1000000")
        .contains("=> capacity 24000000");
  }

  @Test
  void theJsonFormCarriesTheSameTree() throws IOException {
    String json = show("json");
    golden("compute-07.json", json);
    assertThat(json).contains("\"name\" : \"compute-07.dc1.example.org_pgpu0000_81_00_0\"")
        .contains("\"capacity\" : 3000").contains("\"stored_allocation_ratio\" : 1.5");
  }

  /** The lines of one provider: from its heading to the next blank line. */
  private static String section(String text, String heading) {
    int start = text.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = text.indexOf("\n\n", start);
    return text.substring(start, end < 0 ? text.length() : end);
  }
}
