package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

class CompletionTest {
  private static final String C = Sample.CONFIG_PATH;
  private static final String H = Sample.HOST_PATH;

  private static FeatureDsl.Cursor config(String textWithCursor) {
    return Sample.workspace().editing(C, textWithCursor);
  }

  private static FeatureDsl.Cursor tree(String textWithCursor) {
    return Sample.workspace().editing(H, textWithCursor);
  }

  // ------------------------------------------------------------ provider config keys

  @Test
  void topLevelKeysNotYetWritten() {
    config("meta:\n  schema_version: '1.0'\n|\n").completions()
        .containsExactly("providers")
        .edits("providers", "", "providers:");
    config("|").completions().containsExactly("meta", "providers");
    config("pro|").completions().contains("providers").edits("providers", "pro", "providers:");
  }

  @Test
  void providerKeys() {
    config("""
        providers:
          - identification:
              uuid: $COMPUTE_NODE
            |
        """).completions().containsExactly("inventories", "traits");
    config("""
        providers:
          - |
        """).completions().containsExactly("identification", "inventories", "traits");
  }

  @Test
  void identificationTakesExactlyOneKey() {
    config("""
        providers:
          - identification:
              |
        """).completions().containsExactly("uuid", "name").edits("uuid", "", "uuid: ");
    config("""
        providers:
          - identification:
              uuid: $COMPUTE_NODE
              |
        """).completions().isEmpty();
  }

  @Test
  void additionalUnderInventoriesAndTraits() {
    config("""
        providers:
          - identification: {name: cn1}
            inventories:
              |
        """).completions().containsExactly("additional");
    config("""
        providers:
          - identification: {name: cn1}
            traits:
              add|
        """).completions().containsExactly("additional").edits("additional", "add", "additional:");
  }

  @Test
  void recordFieldsNotYetWrittenInBlockAndFlowStyle() {
    config("""
        providers:
          - identification: {name: cn1}
            inventories:
              additional:
                - CUSTOM_X:
                    total: 4
                    |
                    step_size: 1
        """).completions()
        .containsExactly("reserved", "min_unit", "max_unit", "allocation_ratio")
        .ranksBefore("reserved", "allocation_ratio");
    config("""
        providers:
          - identification: {name: cn1}
            inventories:
              additional:
                - CUSTOM_X: {total: 4, |, max_unit: 2}
        """).completions()
        .containsExactly("reserved", "min_unit", "step_size", "allocation_ratio");
  }

  @Test
  void keysWithTheirColonAlreadyWrittenAreReplacedAlone() {
    config("""
        providers:
          - identification: {name: cn1}
            inventories:
              additional:
                - CUSTOM_X:
                    res|: 1
        """).completions().edits("reserved", "res", "reserved");
  }

  // ------------------------------------------------------------ provider config names

  @Test
  void configResourceClassesAreCustomNamesInUseAndNovasPrefix() {
    config("""
        providers:
          - identification: {name: cn1}
            inventories:
              additional:
                - CUS|
        """).completions()
        .contains("CUSTOM_LOCAL_NVME_GB", "CUSTOM_")
        .doesNotContain("VCPU", "MEMORY_MB", "CUSTOM_RACK_A12")
        .ranksBefore("CUSTOM_LOCAL_NVME_GB", "CUSTOM_")
        .edits("CUSTOM_LOCAL_NVME_GB", "CUS", "CUSTOM_LOCAL_NVME_GB:")
        .edits("CUSTOM_", "CUS", "CUSTOM_");
  }

  @Test
  void configTraitsAreCustomNamesNotYetListed() {
    config("""
        providers:
          - identification: {name: cn1}
            traits:
              additional:
                - CUSTOM_RACK_A12
                - |
        """).completions()
        .contains("CUSTOM_GPU_BURN_IN", "CUSTOM_")
        .doesNotContain("CUSTOM_RACK_A12", "HW_CPU_X86_AVX2", "COMPUTE_NODE", "CUSTOM_LOCAL_NVME_GB");
    config("""
        providers:
          - identification: {name: cn1}
            traits:
              additional: [CUSTOM_GPU_BURN_IN, |]
        """).completions()
        .contains("CUSTOM_RACK_A12")
        .doesNotContain("CUSTOM_GPU_BURN_IN", "HW_CPU_X86_AVX2");
  }

  @Test
  void novasRequirementIsDocumentedOnResolve() {
    var items = config("""
        providers:
          - identification: {name: cn1}
            traits:
              additional:
                - |
        """).completions();
    assertThat(items.resolved("CUSTOM_")).contains("nova accepts only custom traits", "PT108");
    assertThat(items.resolved("CUSTOM_RACK_A12")).contains("custom trait", "written 3 times");
  }

  // ------------------------------------------------------------ references

  @Test
  void identificationValuesOfferTheTreeProviders() {
    config("""
        providers:
          - identification:
              uuid: |
        """).completions()
        .contains("$COMPUTE_NODE", Sample.CN1_UUID, Sample.CN2_UUID)
        .doesNotContain("cn1")
        .ranksBefore("$COMPUTE_NODE", Sample.CN1_UUID);
    config("""
        providers:
          - identification:
              name: |
        """).completions()
        .contains("cn1", "cn2", "cn1_numa0", "shared-disk", "rack-nic")
        .doesNotContain("$COMPUTE_NODE", Sample.CN1_UUID)
        .ranksBefore("cn1", "rack-nic") // the bound tree's providers first
        .edits("cn1", "", "cn1");
    config("""
        providers:
          - identification: {uuid: |}
        """).completions().contains("$COMPUTE_NODE", Sample.CN2_UUID);
  }

  @Test
  void treeReferencesOfferNamesAndUuids() {
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            parent: |
        """).completions().contains("cn1", "cn2", Sample.CN1_UUID, "rack-nic");
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            parent_provider_uuid: |
        """).completions().contains(Sample.CN1_UUID).doesNotContain("cn1");
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            root_provider_uuid: 7d7b|
        """).completions().contains(Sample.CN1_UUID).edits(Sample.CN1_UUID, "7d7b", Sample.CN1_UUID);
  }

  @Test
  void providerItemsResolveToTheirFile() {
    var items = tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            parent: |
        """).completions();
    assertThat(items.item("cn1").getDetail()).isEqualTo("provider in host.ptree.yaml");
    assertThat(items.resolved("cn1")).contains("Provider `cn1`", Sample.CN1_UUID, "in `host.ptree.yaml`");
  }

  @Test
  void referencesAreWrittenAsScalarsThatReadBackAsTheName() {
    FeatureDsl.Files ws = files("t.ptree.yaml", """
        provider_tree: '1.0'
        providers:
          - name: "cn\\u202Eevil"
          - name: "yes"
          - name: "12"
          - name: "a: b"
          - name: host-1.example.org:ens2f0
          - name: x
            parent: |
        """);
    var items = ws.cursor().completions();
    items.contains("cn\\u202Eevil", "yes", "12", "a: b", "host-1.example.org:ens2f0")
        .doesNotContain("cn\u202Eevil")
        .edits("cn\\u202Eevil", "", "\"cn\\u202Eevil\"")
        .edits("yes", "", "\"yes\"")
        .edits("12", "", "\"12\"")
        .edits("a: b", "", "\"a: b\"")
        .edits("host-1.example.org:ens2f0", "", "host-1.example.org:ens2f0");
    files("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: it's\n")
        .editing("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: it's\n  - name: x\n    parent: 'it|\n")
        .completions().edits("it's", "it", "it''s");
  }

  @Test
  void referencesAreFilteredByWhatIsTyped() {
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            parent: numa|
        """).completions().contains("cn1_numa0").doesNotContain("cn1", "cn2", "rack-nic");
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            parent: rnc|
        """).completions().contains("rack-nic").doesNotContain("cn1");
  }

  // ------------------------------------------------------------ tree keys and names

  @Test
  void treeKeys() {
    tree("|\nproviders: []\n").completions().containsExactly("provider_tree", "provider_configs");
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            |
            parent: cn1
        """).completions()
        .contains("uuid", "traits", "inventory", "children", "root_provider_uuid", "generation", "aggregates")
        .doesNotContain("name", "parent", "parent_provider_uuid");
  }

  @Test
  void nestedChildrenAreProvidersToo() {
    tree("""
        provider_tree: '1.0'
        providers:
          - name: a
            children:
              - name: b
                children:
                  - name: c
                    inv|
        """).completions().contains("inventory").doesNotContain("name");
  }

  @Test
  void treeTraitsRankStandardBeforeCustom() {
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            traits: [COMPUTE_NODE, |]
        """).completions()
        .contains("HW_CPU_X86_AVX2", "HW_NUMA_ROOT", "CUSTOM_RACK_A12", "CUSTOM_GPU_BURN_IN")
        .doesNotContain("COMPUTE_NODE", "VCPU")
        .ranksBefore("HW_CPU_X86_AVX2", "CUSTOM_RACK_A12")
        .ranksBefore("COMPUTE_STATUS_DISABLED", "CUSTOM_GPU_BURN_IN");
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            traits:
              - COMPUTE_NODE
              - HW_|
        """).completions()
        .contains("HW_CPU_X86_AVX2").doesNotContain("COMPUTE_NODE")
        .edits("HW_CPU_X86_AVX2", "HW_", "HW_CPU_X86_AVX2");
  }

  @Test
  void treeResourceClassesRankStandardBeforeCustom() {
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            inventory:
              VCPU: {total: 4}
              |
        """).completions()
        .contains("MEMORY_MB", "PCPU", "CUSTOM_LOCAL_NVME_GB")
        .doesNotContain("VCPU", "COMPUTE_NODE", "CUSTOM_RACK_A12")
        .ranksBefore("MEMORY_MB", "CUSTOM_LOCAL_NVME_GB")
        .edits("MEMORY_MB", "", "MEMORY_MB:");
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            inventory: {VCPU: {total: 4}, |}
        """).completions().contains("MEMORY_MB").doesNotContain("VCPU");
    tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            inventory: {VCPU: {total: 4, |}}
        """).completions().contains("reserved").doesNotContain("total", "MEMORY_MB");
  }

  @Test
  void standardNamesResolveToTheirCatalogueEntry() {
    var items = tree("""
        provider_tree: '1.0'
        providers:
          - name: x
            traits: [|]
        """).completions();
    assertThat(items.item("HW_CPU_X86_AVX2").getDocumentation()).isNull(); // filled lazily
    assertThat(items.resolved("HW_CPU_X86_AVX2")).contains("standard trait from os-traits");
  }

  @Test
  void keysResolveToTheirMeaning() {
    var record = config("""
        providers:
          - identification: {name: cn1}
            inventories:
              additional:
                - CUSTOM_X:
                    |
        """).completions();
    assertThat(record.resolved("allocation_ratio")).contains("1.100000023841858");
    assertThat(record.resolved("total")).contains("Required");
    assertThat(tree("provider_tree: '1.0'\nproviders:\n  - name: x\n    |\n").completions().resolved("parent"))
        .contains("by name or uuid");
  }

  @Test
  void resolveSurvivesDataFromTheWireAndJunk() {
    CompletionItem wire = new CompletionItem("total");
    wire.setData(JsonParser.parseString("{\"kind\":\"key\",\"text\":\"total\",\"dialect\":\"config\","
        + "\"path\":[\"providers\",\"[]\",\"inventories\",\"additional\",\"[]\",\"CUSTOM_X\"]}"));
    assertThat(Completions.resolve(wire, FeatureDsl.CATALOGUE).getDocumentation().getRight().getValue()).contains("Required");
    CompletionItem junk = new CompletionItem("x");
    junk.setData(JsonParser.parseString("42"));
    assertThat(Completions.resolve(junk, FeatureDsl.CATALOGUE).getDocumentation()).isNull();
    assertThat(Completions.resolve(new CompletionItem("y"), null).getDocumentation()).isNull();
    assertThat(Completions.resolve(null, null)).isNull();
  }

  @Test
  void valuesForVersions() {
    config("meta:\n  schema_version: |\n").completions().containsExactly("'1.0'");
    tree("provider_tree: |\n").completions().containsExactly("'1.0'");
    tree("provider_tree: '1.0'\nprovider_configs: |\n").completions().containsExactly("provider_config");
  }

  // ------------------------------------------------------------ mid-edit, positions

  @Test
  void aMidEditDocumentThatDoesNotParse() {
    String broken = """
        meta:
          schema_version: '1.0
        providers:
          - identification: {name: cn1
            inventories:
              additional:
                - CUSTOM_X: {total: 4, reserved: [
                - CUSTOM_Y:
                    total: 2
                    |
          - : : :
        """;
    // the snapshot holds the broken text too: its parse fails, completion still works
    files(C, broken).cursor().completions()
        .contains("reserved", "allocation_ratio").doesNotContain("total");
    // and while the snapshot still has the last good text
    config(broken).completions().contains("reserved", "allocation_ratio").doesNotContain("total");
  }

  @Test
  void astralCharactersAndCrlfBeforeTheCursor() {
    String text = "# \uD83D\uDE80 rack \uD83D\uDE80\r\nprovider_tree: '1.0'\r\nproviders:\r\n"
        + "  - name: \uD83D\uDE80-x\r\n    traits: [\uD83D\uDE80, HW_CPU_X8|]\r\n";
    tree(text).completions()
        .contains("HW_CPU_X86_AVX2")
        .edits("HW_CPU_X86_AVX2", "HW_CPU_X8", "HW_CPU_X86_AVX2");
    tree("provider_tree: '1.0'\r\nproviders:\r\n  - name: x\r\n    par|\r\n    uuid: y\r\n").completions()
        .contains("parent").doesNotContain("uuid", "name")
        .edits("parent", "par", "parent: ");
  }

  @Test
  void nothingInCommentsBlockScalarsOrOtherFiles() {
    config("# pro|\nmeta: {}\n").completions().isEmpty();
    config("providers:\n  - identification: {name: a}\n    note: >\n      some text\n      x|\n")
        .completions().isEmpty();
    config("providers:\n  - identification:\n      name: 'cn|\n").completions().contains("cn1");
    assertThat(Completions.complete(Sample.workspace().workspace(), "notes.txt", "|", 0, FeatureDsl.CATALOGUE)).isEmpty();
    assertThat(Completions.complete(Sample.workspace().workspace(), "x.ptree.json", "{}", 1, FeatureDsl.CATALOGUE)).isEmpty();
    assertThat(Completions.complete(Sample.workspace().workspace(), "title.yaml", "title: x\n", 0, FeatureDsl.CATALOGUE))
        .isEmpty();
    assertThat(Completions.complete(null, null, null, -5, null)).isEmpty();
  }

  @Test
  void aDocumentTheSnapshotDoesNotHaveYet() {
    Workspace empty = Workspace.empty(Settings.DEFAULT, m -> { });
    List<String> labels = Completions.complete(empty, "new.ptree.yaml", "provider_tree: '1.0'\n", 21, FeatureDsl.CATALOGUE)
        .stream().map(CompletionItem::getLabel).toList();
    assertThat(labels).containsExactlyInAnyOrder("provider_configs", "providers");
    labels = Completions.complete(empty, "provider_config/new.yaml", "", 0, FeatureDsl.CATALOGUE)
        .stream().map(CompletionItem::getLabel).toList();
    assertThat(labels).containsExactlyInAnyOrder("meta", "providers");
    // an offset past the end is clamped
    assertThat(Completions.complete(empty, "provider_config/new.yaml", "", 99, FeatureDsl.CATALOGUE)).hasSize(2);
  }
}
