package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.model.SourceDocument;
import dev.ptree.text.SourceText;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SelectionRange;
import org.junit.jupiter.api.Test;

class NavigationTest {
  private static final String C = Sample.CONFIG_PATH;
  private static final String H = Sample.HOST_PATH;
  private static final String R = Sample.RACK_PATH;

  // ------------------------------------------------------------ outline

  @Test
  void aConfigOutlineLabelsEntriesByIdentification() {
    Sample.workspace().outline(C)
        .is("meta, uuid: $COMPUTE_NODE[CUSTOM_LOCAL_NVME_GB, CUSTOM_RACK_A12], name: cn2[CUSTOM_RACK_A12, CUSTOM_GPU_BURN_IN]")
        .isWellFormed();
    assertThat(Sample.workspace().outline(C).symbols.get(1).getChildren().get(0).getDetail()).isEqualTo("capacity 3");
  }

  @Test
  void aTreeOutlineNestsChildren() {
    Sample.workspace().outline(H)
        .is("cn1[VCPU, MEMORY_MB, COMPUTE_NODE, HW_CPU_X86_AVX2, cn1_numa0[PCPU]], "
            + "cn2[COMPUTE_NODE, CUSTOM_RACK_A12], shared-disk[DISK_GB]")
        .isWellFormed();
    assertThat(Sample.workspace().outline(H).symbols.get(0).getDetail()).isEqualTo(Sample.CN1_UUID);
  }

  @Test
  void anOutlineEscapesNamesAndNeverLeavesOneEmpty() {
    files("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: a\u202Eb\n  - uuid: "
        + Sample.CN1_UUID + "\n  - name: ''\n  - inventory: {}\n")
        .outline("t.ptree.yaml")
        .is("a\\u202Eb, " + Sample.CN1_UUID + ", \"\", provider #4")
        .isWellFormed();
    files("provider_config/a.yaml", "providers:\n  - inventories: {}\n  - 7\n")
        .outline("provider_config/a.yaml").is("provider #1, provider #2").isWellFormed();
  }

  // ------------------------------------------------------------ workspace symbols

  @Test
  void workspaceSymbolsMatchCaseInsensitiveSubstrings() {
    Sample.workspace().workspaceSymbols("CN1").are("cn1", "cn1_numa0");
    Sample.workspace().workspaceSymbols("compute").are("uuid: $COMPUTE_NODE");
    Sample.workspace().workspaceSymbols("7d7b5e2c").are("cn1");
    Sample.workspace().workspaceSymbols("nothing-like-it").are();
    assertThat(Sample.workspace().workspaceSymbols("").values)
        .contains("cn1", "cn2", "cn1_numa0", "shared-disk", "rack-nic", "uuid: $COMPUTE_NODE", "name: cn2");
  }

  @Test
  void workspaceSymbolsPointAtTheName() {
    var ws = Sample.workspace();
    var symbols = Navigation.workspaceSymbols(ws.workspace(), "rack-nic", FeatureDsl.TO_URI);
    assertThat(symbols).hasSize(1);
    assertThat(ws.textOf(symbols.get(0).getLocation().getLeft())).isEqualTo("rack-nic");
    assertThat(symbols.get(0).getContainerName()).isEqualTo(R);
  }

  // ------------------------------------------------------------ definition

  @Test
  void aParentReferenceLeadsToTheProvider() {
    Sample.workspace().at(H, "parent: c|n1").definition().count(1).pointsAt(H, "- name: «cn1»\n");
    Sample.workspace().at(H, "parent: cn1|").definition().count(1).pointsAt(H, "- name: «cn1»\n");
    Sample.workspace().at(R, "parent_provider_uuid: 7d|7b").definition().count(1).pointsAt(H, "- name: «cn1»\n");
  }

  @Test
  void anIdentificationLeadsToTheProvidersItReaches() {
    Sample.workspace().at(C, "$COMPUTE_|NODE").definition().count(1).pointsTo(H, "cn1").doesNotPointTo(H, "cn2");
    Sample.workspace().at(C, "name: c|n2").definition().count(1).pointsTo(H, "cn2");
  }

  @Test
  void withoutABindingAnIdentificationLeadsToTheProviderOfThatName() {
    files("provider_config/a.yaml", "providers:\n  - identification: {name: cn1}\n    traits: {additional: [CUSTOM_A]}\n",
        "t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: cn1\n")
        .at("provider_config/a.yaml", "name: c|n1").definition().count(1).pointsTo("t.ptree.yaml", "cn1");
  }

  @Test
  void theConfigDirectoryLeadsToItsFiles() {
    var locations = Sample.workspace().at(H, "provider_configs: provider_|config").definition().count(1);
    assertThat(locations.locations.get(0).getUri()).isEqualTo(FeatureDsl.URI_PREFIX + C);
  }

  @Test
  void aJsonTreeReferenceLeadsToItsProvider() {
    FeatureDsl.Files ws = files("r.ptree.json", """
        {"provider_tree": "1.0",
         "providers": [{"name": "cn1"}, {"name": "nic", "parent": "cn1"}]}
        """);
    ws.at("r.ptree.json", "\"parent\": \"c|n1\"").definition().count(1).pointsAt("r.ptree.json", "{\"name\": «\"cn1\"»}");
    ws.outline("r.ptree.json").is("cn1, nic").isWellFormed();
  }

  @Test
  void noDefinitionElsewhere() {
    Sample.workspace().at(H, "- name: c|n1\n").definition().isEmpty();
    Sample.workspace().at(H, "tot|al: 32").definition().isEmpty();
    files("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: a\n    parent: ghost\n")
        .at("t.ptree.yaml", "gh|ost").definition().isEmpty();
  }

  // ------------------------------------------------------------ references

  @Test
  void referencesOfAProviderAcrossFiles() {
    Sample.workspace().at(H, "- name: c|n1\n").references()
        .count(4)
        .pointsAt(H, "- name: «cn1»\n")                  // the declaration
        .pointsAt(H, "parent: «cn1»")                     // shared-disk's parent
        .pointsAt(R, "parent_provider_uuid: «" + Sample.CN1_UUID + "»")
        .pointsAt(C, "uuid: «$COMPUTE_NODE»");            // the entry nova applies to it
    Sample.workspace().at(H, "- name: c|n1\n").references(false).count(3)
        .doesNotPointAt(H, "- name: «cn1»\n")
        .pointsAt(H, "parent: «cn1»");
  }

  @Test
  void referencesFromTheUuidOrFromAReference() {
    Sample.workspace().at(H, "uuid: 7d7b5e2c|").references(false).count(3);
    Sample.workspace().at(R, "parent_provider_uuid: 7d7b|").references(true).count(4).pointsTo(H, "cn1");
  }

  @Test
  void referencesOfANamedEntryTarget() {
    Sample.workspace().at(H, "- name: cn|2").references(false).count(1).pointsTo(C, "cn2");
  }

  @Test
  void referencesOfAProviderNovaMatchesTwice() {
    files("provider_config/a.yaml", """
        providers:
          - identification: {name: cn1}
            traits: {additional: [CUSTOM_A]}
          - identification: {uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10}
            traits: {additional: [CUSTOM_B]}
        """, "t.ptree.yaml", """
        provider_tree: '1.0'
        provider_configs: provider_config
        providers:
          - name: cn1
            uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10
        """)
        .at("t.ptree.yaml", "name: c|n1").references(false).count(2)
        .pointsTo("provider_config/a.yaml", "cn1")
        .pointsTo("provider_config/a.yaml", Sample.CN1_UUID);
  }

  // ------------------------------------------------------------ selection ranges

  @Test
  void selectionGrowsThroughTheEnclosingNodes() {
    Sample.workspace().at(H, "{total: 3|2").selection().startWith(
        "32",
        "total: 32",
        "{total: 32, allocation_ratio: 4.0}",
        "VCPU: {total: 32, allocation_ratio: 4.0}",
        "VCPU: {total: 32, allocation_ratio: 4.0}\n      MEMORY_MB: {total: 131072, reserved: 2048}",
        "inventory:\n      VCPU: {total: 32, allocation_ratio: 4.0}\n      MEMORY_MB: {total: 131072, reserved: 2048}");
    var chain = Sample.workspace().at(H, "{total: 3|2").selection().values;
    assertThat(chain.get(chain.size() - 1)).isEqualTo(Sample.HOST.strip());
  }

  @Test
  void selectionOfAKeyAndOfASequenceItem() {
    Sample.workspace().at(C, "sche|ma_version").selection()
        .startWith("schema_version", "schema_version: '1.0'", "meta:\n  schema_version: '1.0'");
    Sample.workspace().at(C, "- CUSTOM_RACK|_A12\n  - identification").selection()
        .startWith("CUSTOM_RACK_A12", "- CUSTOM_RACK_A12", "additional:\n        - CUSTOM_RACK_A12",
            "traits:\n      additional:\n        - CUSTOM_RACK_A12");
  }

  @Test
  void oneSelectionPerOffsetEvenOutsideAnyNode() {
    var ws = Sample.workspace().workspace();
    List<SelectionRange> ranges = Navigation.selectionRanges(ws, H, Arrays.asList(0, 5000, null));
    assertThat(ranges).hasSize(3);
    assertThat(ranges.get(1).getParent()).isNull();
    assertThat(Navigation.selectionRanges(ws, "missing.yaml", List.of(3))).hasSize(1);
    assertThat(Navigation.selectionRanges(ws, H, null)).isEmpty();
  }

  @Test
  void selectionAndDefinitionWithCrlfAndAstralCharacters() {
    String tree = "# \uD83D\uDE80\uD83D\uDE80 rack\r\nprovider_tree: '1.0'\r\nproviders:\r\n"
        + "  - name: \uD83D\uDE80cn1\r\n  - name: child\r\n    parent: \uD83D\uDE80cn1\r\n";
    FeatureDsl.Files ws = files("r.ptree.yaml", tree);
    ws.at("r.ptree.yaml", "parent: \uD83D\uDE80c|n1").definition().count(1).pointsTo("r.ptree.yaml", "\uD83D\uDE80cn1");
    ws.at("r.ptree.yaml", "parent: \uD83D\uDE80c|n1").selection()
        .startWith("\uD83D\uDE80cn1", "parent: \uD83D\uDE80cn1", "name: child\r\n    parent: \uD83D\uDE80cn1");
    var refs = ws.at("r.ptree.yaml", "- name: \uD83D\uDE80c|n1").references(false);
    refs.count(1);
    Range r = refs.locations.get(0).getRange();
    assertThat(r.getStart()).isEqualTo(new Position(5, 12)); // the rocket is two UTF-16 units
    assertThat(r.getEnd()).isEqualTo(new Position(5, 17));
  }

  // ------------------------------------------------------------ never throw

  @Test
  void ignoredMissingAndUnreadableDocuments() {
    Workspace ws = Workspace.empty(Settings.DEFAULT, m -> { }).update(List.of(
        new Workspace.Input(SourceDocument.of("notes.yaml", "title: x\n"), Workspace.Kind.AUTO),
        new Workspace.Input(new SourceDocument("provider_config/bad.yaml", "bad.yaml", new SourceText("\uFFFD"),
            new SourceDocument.ReadProblem("invalid UTF-8", 0, true)), Workspace.Kind.AUTO)));
    for (String path : new String[] {"notes.yaml", "provider_config/bad.yaml", "missing.yaml", null}) {
      assertThat(Navigation.documentSymbols(ws, path)).isEmpty();
      assertThat(Navigation.definition(ws, path, 1, FeatureDsl.TO_URI)).isEmpty();
      assertThat(Navigation.references(ws, path, 1, true, FeatureDsl.TO_URI)).isEmpty();
      assertThat(Navigation.selectionRanges(ws, path, List.of(1))).hasSize(1);
    }
    assertThat(Navigation.workspaceSymbols(ws, null, FeatureDsl.TO_URI)).isEmpty();
    assertThat(Navigation.workspaceSymbols(null, "x", FeatureDsl.TO_URI)).isEmpty();
    assertThat(Navigation.documentSymbols(null, "x")).isEmpty();
  }
}
