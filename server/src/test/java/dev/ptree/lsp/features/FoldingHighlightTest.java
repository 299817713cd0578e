package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureAsserts.folds;
import static dev.ptree.lsp.features.FeatureAsserts.hostile;
import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldingHighlightTest {
  private static final String C = Sample.CONFIG_PATH;
  private static final String H = Sample.HOST_PATH;

  // ------------------------------------------------------------ folding

  @Test
  void aConfigFoldsEachEntryItsInventoriesAndEachRecord() {
    assertThat(folds(Sample.workspace(), C)).containsExactly(
        "- identification: .. - CUSTOM_RACK_A12",
        "inventories: .. allocation_ratio: 1.1",
        "- CUSTOM_LOCAL_NVME_GB: .. allocation_ratio: 1.1",
        "- identification: .. - CUSTOM_GPU_BURN_IN");
  }

  @Test
  void aTreeFoldsProvidersTheirInventoryAndChildren() {
    assertThat(folds(Sample.workspace(), H)).containsExactly(
        "- name: cn1 .. inventory: {PCPU: {total: 8}}",
        "inventory: .. MEMORY_MB: {total: 131072, reserved: 2048}",
        "children: .. inventory: {PCPU: {total: 8}}",
        "- name: cn1_numa0 .. inventory: {PCPU: {total: 8}}",
        "- name: cn2 .. traits: [COMPUTE_NODE, CUSTOM_RACK_A12]",
        "- name: shared-disk .. DISK_GB: {total: 1000}",
        "inventory: .. DISK_GB: {total: 1000}");
  }

  @Test
  void aJsonTreeFoldsItsProviderObjects() {
    var ws = files("r.ptree.json", """
        {"provider_tree": "1.0",
         "providers": [
          {"name": "cn1",
           "inventory": {
             "VCPU": {"total": 8,
                      "reserved": 1}}},
          {"name": "nic"}]}
        """);
    assertThat(folds(ws, "r.ptree.json")).containsExactly(
        "{\"name\": \"cn1\", .. \"reserved\": 1}}},",
        "\"inventory\": { .. \"reserved\": 1}}},",
        "\"VCPU\": {\"total\": 8, .. \"reserved\": 1}}},");
  }

  @Test
  void foldingWithCrlfAndAstralCharactersEndsOnTheLastLineOfEachPart() {
    var ws = files("provider_config/a.yaml", hostile(Sample.CONFIG), "host.ptree.yaml", hostile(Sample.HOST));
    assertThat(folds(ws, "provider_config/a.yaml")).isEqualTo(folds(Sample.workspace(), C));
    assertThat(folds(ws, "host.ptree.yaml")).isEqualTo(folds(Sample.workspace(), H));
    var first = Folding.ranges(ws.workspace(), "provider_config/a.yaml").get(0);
    assertThat(List.of(first.getStartLine(), first.getEndLine())).containsExactly(4, 14); // one line more: the comment
  }

  @Test
  void nothingToFoldInMissingIgnoredOrFlatDocuments() {
    var ws = files("notes.yaml", "a:\n  b: 1\n", "t.ptree.yaml", "provider_tree: '1.0'\nproviders: [{name: a}]\n");
    assertThat(Folding.ranges(ws.workspace(), "notes.yaml")).isEmpty();
    assertThat(Folding.ranges(ws.workspace(), "t.ptree.yaml")).isEmpty();
    assertThat(Folding.ranges(ws.workspace(), "missing.yaml")).isEmpty();
    assertThat(Folding.ranges(null, null)).isEmpty();
  }

  // ------------------------------------------------------------ highlight

  @Test
  void aProviderNameHighlightsItsDeclarationAndTheReferencesToIt() {
    Sample.workspace().at(H, "- name: c|n1\n").highlights().count(3)
        .at(H, "- name: «cn1»\n", "Write")
        .at(H, "uuid: «" + Sample.CN1_UUID + "»", "Write")
        .at(H, "parent: «cn1»", "Read");
    // from the reference, the same three
    Sample.workspace().at(H, "parent: cn|1").highlights().count(3).at(H, "- name: «cn1»\n", "Write");
    // from the uuid too
    Sample.workspace().at(H, "uuid: 7d7b|").highlights().count(3);
  }

  @Test
  void aReferenceToAnotherFileHighlightsOnlyTheReferencesHere() {
    Sample.workspace().at(Sample.RACK_PATH, "parent_provider_uuid: 7d|").highlights().count(1)
        .at(Sample.RACK_PATH, "parent_provider_uuid: «" + Sample.CN1_UUID + "»", "Read");
  }

  @Test
  void aDanglingReferenceHighlightsTheOthersOfTheSameValue() {
    files("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: a\n    parent: ghost\n"
        + "  - name: b\n    parent: ghost\n  - name: c\n    parent: cn1\n")
        .at("t.ptree.yaml", "a\n    parent: gh|ost").highlights().count(2).labels("Read", "Read");
  }

  @Test
  void aConfigIdentificationHighlightsTheSameValueByNameOrUuid() {
    var ws = files("provider_config/a.yaml", """
        providers:
          - identification: {name: cn1}
            traits: {additional: [CUSTOM_A]}
          - identification: {uuid: cn1}
            traits: {additional: [CUSTOM_B]}
          - identification: {name: cn2}
            traits: {additional: [CUSTOM_B]}
        """);
    ws.at("provider_config/a.yaml", "{name: c|n1}").highlights().count(2)
        .at("provider_config/a.yaml", "{name: «cn1»}").at("provider_config/a.yaml", "{uuid: «cn1»}");
    ws.at("provider_config/a.yaml", "CUSTOM|_A").highlights().isEmpty();
  }

  @Test
  void aJsonTreeHighlightsTheQuotedNames() {
    files("r.ptree.json", """
        {"provider_tree": "1.0",
         "providers": [{"name": "cn1"}, {"name": "nic", "parent": "cn1"}]}
        """).at("r.ptree.json", "{\"name\": \"c|n1\"}").highlights().count(2)
        .at("r.ptree.json", "{\"name\": «\"cn1\"»}", "Write")
        .at("r.ptree.json", "\"parent\": «\"cn1\"»", "Read");
  }

  @Test
  void highlightWithCrlfAndAstralCharactersBeforeTheCursor() {
    String tree = hostile("provider_tree: '1.0'\nproviders:\n  - name: \uD83D\uDE80cn1\n  - name: child\n"
        + "    parent: \uD83D\uDE80cn1\n");
    files("r.ptree.yaml", tree).at("r.ptree.yaml", "parent: \uD83D\uDE80c|n1").highlights().count(2)
        .at("r.ptree.yaml", "- name: «\uD83D\uDE80cn1»", "Write")
        .at("r.ptree.yaml", "parent: «\uD83D\uDE80cn1»", "Read");
    files("provider_config/a.yaml", hostile(Sample.CONFIG)).at("provider_config/a.yaml", "name: c|n2").highlights()
        .count(1).at("provider_config/a.yaml", "name: «cn2»", "Write");
  }

  @Test
  void noHighlightElsewhere() {
    Sample.workspace().at(H, "tot|al: 32").highlights().isEmpty();
    files("notes.yaml", "name: x\n").at("notes.yaml", "na|me").highlights().isEmpty();
    assertThat(Highlights.highlights(null, null, 0)).isEmpty();
  }
}
