package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureAsserts.hostile;
import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.text.Span;
import java.util.List;
import org.eclipse.lsp4j.InlayHint;
import org.junit.jupiter.api.Test;

class InlayHintTest {
  private static final String C = Sample.CONFIG_PATH;
  private static final String H = Sample.HOST_PATH;
  private static final InlayHints.Enabled VALUES = new InlayHints.Enabled(true, false, false);
  private static final InlayHints.Enabled CAPACITY = new InlayHints.Enabled(false, true, false);
  private static final InlayHints.Enabled REACH = new InlayHints.Enabled(false, false, true);

  private static final String YAML11 = """
      meta:
        schema_version: '1.0'
      providers:
        - identification: {name: cn1}
          inventories:
            additional:
              - CUSTOM_A: {total: 010, reserved: 0x10, max_unit: 1:30, step_size: 1_0}
              - CUSTOM_B: {total: 1e3, allocation_ratio: 1.0e+3}
              - CUSTOM_C: {total: '010', reserved: 8, allocation_ratio: .5}
          flags: [yes, No, on, true, ~, null, 2024-01-02, '1e3', !!str 010]
      """;

  // ------------------------------------------------------------ values

  @Test
  void theValueNovaReadsWhereItDiffersFromTheText() {
    files("provider_config/a.yaml", YAML11).inlayHints("provider_config/a.yaml", VALUES)
        .at("provider_config/a.yaml", "total: 010«»", "= 8")
        .at("provider_config/a.yaml", "reserved: 0x10«»", "= 16")
        .at("provider_config/a.yaml", "max_unit: 1:30«»", "= 90")
        .at("provider_config/a.yaml", "step_size: 1_0«»", "= 10")
        .at("provider_config/a.yaml", "total: 1e3«»", "= '1e3' (string)")
        .at("provider_config/a.yaml", "ratio: 1.0e+3«»", "= 1000.0")
        .at("provider_config/a.yaml", "ratio: .5«»", "= 0.5")
        .at("provider_config/a.yaml", "[yes«»", "= true")
        .at("provider_config/a.yaml", "No«»,", "= false")
        .at("provider_config/a.yaml", "on«»,", "= true")
        .at("provider_config/a.yaml", "~«»", "= null")
        .at("provider_config/a.yaml", "2024-01-02«»", "= a timestamp, not a string")
        // written as read, quoted, tagged, or a key: nothing
        .labels("= 8", "= 16", "= 90", "= 10", "= '1e3' (string)", "= 1000.0", "= 0.5", "= true", "= false", "= true",
            "= null", "= a timestamp, not a string");
  }

  @Test
  void aValueHintExplainsItselfOnResolve() {
    var ws = files("provider_config/a.yaml", YAML11);
    assertThat(tooltip(ws, "provider_config/a.yaml", "= 8", VALUES))
        .contains("**What nova reads**", "`010` is a YAML 1.1 integer form", "the int `8`");
    assertThat(tooltip(ws, "provider_config/a.yaml", "= '1e3' (string)", VALUES))
        .contains("`1e3` looks like a number", "the string `1e3`");
  }

  @Test
  void treesGetValueHintsToo() {
    files("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: cn1\n    generation: 017\n")
        .inlayHints("t.ptree.yaml", VALUES).count(1).at("t.ptree.yaml", "generation: 017«»", "= 15");
    // JSON has no YAML 1.1 forms; an exponent is a float
    files("t.ptree.json", "{\"provider_tree\": \"1.0\", \"providers\": [{\"name\": \"cn1\", "
        + "\"inventory\": {\"VCPU\": {\"total\": 8, \"allocation_ratio\": 2e0}}}]}")
        .inlayHints("t.ptree.json", VALUES).count(1).at("t.ptree.json", "2e0«»", "= 2.0");
  }

  // ------------------------------------------------------------ capacity

  @Test
  void eachRecordEndsWithItsCapacityAndTheStoredRatioWhenItDiffers() {
    Sample.workspace().inlayHints(C, CAPACITY).count(1)
        .at(C, "allocation_ratio: 1.1«»", "→ capacity 3, ratio stored as 1.100000023841858");
    Sample.workspace().inlayHints(H, CAPACITY)
        .at(H, "{total: 32, allocation_ratio: 4.0}«»", "→ capacity 128")
        .at(H, "{total: 131072, reserved: 2048}«»", "→ capacity 129024")
        .at(H, "{PCPU: {total: 8}«»}", "→ capacity 8")
        .at(H, "{total: 1000}«»", "→ capacity 1000")
        .count(4);
  }

  @Test
  void aCapacityHintShowsTheComputationOnResolve() {
    assertThat(tooltip(Sample.workspace(), C, "→ capacity 3, ratio stored as 1.100000023841858", CAPACITY))
        .contains("int((4 − 1) × 1.1) = 3", "float32", "`1.1` is kept as `1.100000023841858`");
    assertThat(tooltip(Sample.workspace(), H, "→ capacity 8", CAPACITY))
        .contains("int((8 − 0) × 1.0) = 8", "Placement's defaults");
  }

  @Test
  void noCapacityWhereTheRecordIsUnusable() {
    files("provider_config/a.yaml", "providers:\n  - identification: {name: cn1}\n    inventories:\n"
        + "      additional:\n        - CUSTOM_A: {reserved: 1}\n        - CUSTOM_B: {total: x}\n")
        .inlayHints("provider_config/a.yaml", CAPACITY).isEmpty();
  }

  // ------------------------------------------------------------ reach

  @Test
  void anIdentificationShowsHowManyProvidersItReaches() {
    Sample.workspace().inlayHints(C, REACH).count(2)
        .at(C, "uuid: $COMPUTE_NODE«»", "→ 1 root")
        .at(C, "name: cn2«»", "→ 1 provider");
    var ws = Sample.reachWorkspace();
    ws.inlayHints("provider_config/a.yaml", REACH).count(3)
        .at("provider_config/a.yaml", "$COMPUTE_NODE«»", "→ 2 roots")
        .at("provider_config/a.yaml", "ghost«»", "→ nothing")
        .at("provider_config/a.yaml", "idle«»", "→ nothing (no-op entry, dropped)");
    assertThat(tooltip(ws, "provider_config/a.yaml", "→ 2 roots", REACH)).contains("- `cn1` in `t.ptree.yaml`",
        "- `cn2` in `t.ptree.yaml`");
    assertThat(tooltip(ws, "provider_config/a.yaml", "→ nothing", REACH)).contains("No provider of the bound trees");
  }

  @Test
  void noReachWithoutATreeThatBindsTheDirectory() {
    files(C, Sample.CONFIG).inlayHints(C, REACH).isEmpty();
  }

  // ------------------------------------------------------------ edges

  @Test
  void hintsWithCrlfAndAstralCharactersBeforeThem() {
    String config = hostile("providers:\n  - identification: {name: \uD83D\uDE80cn1}\n    inventories:\n"
        + "      additional:\n        - CUSTOM_\uD83D\uDE80: {total: 010, allocation_ratio: 1.1}\n");
    var ws = files("provider_config/a.yaml", config, "t.ptree.yaml",
        hostile("provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n  - name: \uD83D\uDE80cn1\n"
            + "    inventory: {VCPU: {total: 0x8}}\n"));
    ws.inlayHints("provider_config/a.yaml")
        .at("provider_config/a.yaml", "total: 010«»", "= 8")
        .at("provider_config/a.yaml", "allocation_ratio: 1.1}«»", "→ capacity 8, ratio stored as 1.100000023841858")
        .at("provider_config/a.yaml", "{name: \uD83D\uDE80cn1«»}", "→ 1 provider")
        .count(3);
    ws.inlayHints("t.ptree.yaml").at("t.ptree.yaml", "total: 0x8«»", "= 8").at("t.ptree.yaml", "{total: 0x8}«»",
        "→ capacity 8").count(2);
  }

  @Test
  void onlyTheHintsInTheRangeAndNoneWhenSwitchedOff() {
    var ws = files("provider_config/a.yaml", YAML11);
    String text = ws.texts.get("provider_config/a.yaml");
    int from = text.indexOf("- CUSTOM_B");
    List<InlayHint> some = InlayHints.hints(ws.workspace(), "provider_config/a.yaml",
        new Span(from, text.indexOf("- CUSTOM_C")), InlayHints.Enabled.ALL);
    assertThat(some).extracting(h -> h.getLabel().getLeft()).containsExactly("= '1e3' (string)", "= 1000.0");
    assertThat(InlayHints.hints(ws.workspace(), "provider_config/a.yaml", null, new InlayHints.Enabled(false, false, false)))
        .isEmpty();
  }

  @Test
  void noHintsForIgnoredMissingOrUnreadableDocuments() {
    var ws = files("notes.yaml", "a: 010\n");
    assertThat(InlayHints.hints(ws.workspace(), "notes.yaml", null, InlayHints.Enabled.ALL)).isEmpty();
    assertThat(InlayHints.hints(ws.workspace(), "missing.yaml", null, InlayHints.Enabled.ALL)).isEmpty();
    assertThat(InlayHints.hints(null, null, null, null)).isEmpty();
    InlayHint foreign = new InlayHint(new org.eclipse.lsp4j.Position(0, 0), org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft("x"));
    assertThat(InlayHints.resolve(ws.workspace(), foreign).getTooltip()).isNull();
  }

  private static String tooltip(FeatureDsl.Files ws, String path, String label, InlayHints.Enabled enabled) {
    InlayHint hint = InlayHints.hints(ws.workspace(), path, null, enabled).stream()
        .filter(h -> h.getLabel().getLeft().equals(label)).findFirst().orElseThrow();
    assertThat(hint.getTooltip()).as("the tooltip waits for resolve").isNull();
    InlayHint resolved = InlayHints.resolve(ws.workspace(), hint);
    assertThat(resolved.getTooltip()).isNotNull();
    return resolved.getTooltip().getRight().getValue();
  }
}
