package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.model.SourceDocument;
import dev.ptree.text.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoverTest {
  private static final String C = Sample.CONFIG_PATH;
  private static final String H = Sample.HOST_PATH;

  // ------------------------------------------------------------ diagnostics

  @Test
  void aDiagnosticShowsTheRuleDocumentation() {
    files("provider_config/a.yaml", """
        meta:
          schema_version: '1.0'
        providers:
          - identification: {name: cn1}
            inventories:
              additional:
                - CUSTOM_X: {total: 4, reserved: 9}
        """)
        .at("provider_config/a.yaml", "reserved: |9").hover()
        .contains("**error** PT303 reserved-vs-total", "#### PT303 reserved-vs-total", "**What it does.**",
            "**Why it matters.**", "**Example.**", "```yaml", "**Fix.**")
        // the element hover comes after the rule's, in the same hover
        .contains("---", "**Inventory** `CUSTOM_X`", "capacity -5 = int((4 − 9) × 1.0)");
  }

  @Test
  void aDiagnosticAloneWhereNoElementIs() {
    files("provider_config/a.yaml", """
        meta:
          schema_version: 1.0
        providers: []
        """)
        .at("provider_config/a.yaml", "schema_version: 1|.0").hover()
        .contains("PT101 schema-version", "**What it does.**")
        .doesNotContain("**Inventory**")
        .covers("1.0");
  }

  @Test
  void anInformationFindingAndTheRecordTogether() {
    Sample.workspace().at(C, "allocation_ratio: 1.|1").hover()
        .contains("**information** PT306 allocation-ratio", "stored by Placement as the single")
        .contains("| allocation_ratio | 1.1, stored as 1.100000023841858 (float32) |");
  }

  // ------------------------------------------------------------ inventory records

  @Test
  void aConfigRecordShowsTheEffectiveRecordAndCapacity() {
    Sample.workspace().at(C, "to|tal: 4").hover()
        .contains("**Inventory** `CUSTOM_LOCAL_NVME_GB` as Placement will hold it")
        .contains("| total | 4 |", "| reserved | 1 |", "| min_unit | 1 *(default)* |",
            "| max_unit | 2147483647 *(default)* |", "| step_size | 1 *(default)* |")
        .contains("capacity 3 = int((4 − 1) × 1.1)")
        .contains("stored as 1.100000023841858 (float32)")
        .contains("In `host.ptree.yaml`: nova adds it to `cn1`.")
        .covers("CUSTOM_LOCAL_NVME_GB:\n            total: 4\n            reserved: 1\n            allocation_ratio: 1.1");
  }

  @Test
  void aTreeRecordShowsDefaultsAndWhatTheBoundConfigsAdd() {
    Sample.workspace().at(H, "VCPU: {tot|al: 32").hover()
        .contains("**Inventory** `VCPU`", "| total | 32 |", "| reserved | 0 *(default)* |",
            "| allocation_ratio | 4.0, stored exactly as float32 |", "capacity 128 = int((32 − 0) × 4.0)")
        .contains("Bound provider configs add to `cn1`:",
            "inventory `CUSTOM_LOCAL_NVME_GB` (capacity 3) from `provider_config/10-compute.yaml` (`$COMPUTE_NODE`)",
            "trait `CUSTOM_RACK_A12` from `provider_config/10-compute.yaml`");
  }

  @Test
  void aMissingRatioIsMarkedAsTheDefault() {
    Sample.workspace().at(H, "{PCPU: {total: |8}}").hover()
        .contains("| allocation_ratio | 1.0 *(default)*, stored exactly as float32 |", "capacity 8");
  }

  @Test
  void anUnusableFieldIsShownAsWritten() {
    files("p.ptree.yaml", """
        provider_tree: '1.0'
        providers:
          - name: cn1
            inventory:
              VCPU: {total: many, reserved: 1}
        """)
        .at("p.ptree.yaml", "reserved: |1").hover()
        .contains("| total | `many` *(not an integer)* |", "capacity unknown");
  }

  // ------------------------------------------------------------ names

  @Test
  void aStandardTraitShowsItsCatalogueEntry() {
    Sample.workspace().at(H, "HW_CPU_|X86_AVX2").hover()
        .contains("**Trait** `HW_CPU_X86_AVX2`", "standard trait from os-traits", "catalogue: openstack/os")
        .covers("HW_CPU_X86_AVX2");
  }

  @Test
  void aStandardResourceClassKeyShowsTheCatalogueAndTheRecord() {
    Sample.workspace().at(H, "MEMO|RY_MB").hover()
        .contains("**Resource class** `MEMORY_MB`", "standard resource class from os-resource-classes",
            "capacity 129024")
        .covers("MEMORY_MB");
  }

  @Test
  void aCustomTraitShowsWhereTheWorkspaceDefinesAndUsesIt() {
    Sample.workspace().at(C, "  - CUSTOM_RACK|_A12\n  - identification").hover()
        .contains("**Trait** `CUSTOM_RACK_A12`", "custom trait")
        .contains("Defined by provider configs (nova creates it in Placement):\n- `provider_config/10-compute.yaml`: 2 times")
        .contains("Used in provider trees:\n- `host.ptree.yaml`: 1 time")
        .contains("Written 3 times in 2 files.");
  }

  @Test
  void aStandardNameInAConfigSaysNovaRefusesIt() {
    files("provider_config/a.yaml", """
        meta:
          schema_version: '1.0'
        providers:
          - identification: {name: cn1}
            traits:
              additional: [HW_CPU_X86_AVX2]
        """)
        .at("provider_config/a.yaml", "[HW_|CPU").hover()
        .contains("PT108", "standard trait from os-traits", "Provider configs may add only `CUSTOM_` names");
  }

  @Test
  void aNameThatIsNeitherStandardNorCustom() {
    files("t.ptree.yaml", """
        provider_tree: '1.0'
        providers:
          - name: cn1
            traits: [MY_TRAIT]
        """)
        .at("t.ptree.yaml", "MY_|TRAIT").hover()
        .contains("not a standard trait in the catalogue and not a `CUSTOM_` name");
  }

  // ------------------------------------------------------------ identifications

  @Test
  void computeNodeShowsTheRootsItAppliesToAndTheOnesItSkips() {
    Sample.workspace().at(C, "uuid: $COMPUTE|_NODE").hover()
        .contains("**Identification** `uuid: $COMPUTE_NODE`", "In `host.ptree.yaml`:")
        .contains("- applies to root `cn1`")
        .contains("- skips root `cn2`: another entry names it (`cn2` in `provider_config/10-compute.yaml`)")
        .doesNotContain("rack-nic", "cn1_numa0")
        .covers("$COMPUTE_NODE");
  }

  @Test
  void longListsOfRootsAreCut() {
    StringBuilder tree = new StringBuilder("provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n");
    for (int i = 0; i < 25; i++) {
      tree.append("  - {name: cn").append(i).append(", traits: [COMPUTE_NODE]}\n");
    }
    files(Sample.CONFIG_PATH, Sample.CONFIG, "t.ptree.yaml", tree.toString())
        .at(C, "uuid: $COMPUTE|_NODE").hover()
        .contains("- applies to root `cn0`", "- applies to root `cn19`", "- … and 4 more roots it applies to (24 in all)",
            "- skips root `cn2`")
        .doesNotContain("`cn21`");
  }

  @Test
  void aNamedEntryShowsTheProviderItMatches() {
    Sample.workspace().at(C, "name: c|n2").hover()
        .contains("**Identification** `name: cn2`", "- matches `cn2`");
  }

  @Test
  void anEntryThatMatchesNothing() {
    files("provider_config/a.yaml", """
        meta:
          schema_version: '1.0'
        providers:
          - identification: {name: nowhere}
            traits: {additional: [CUSTOM_X]}
        """, "t.ptree.yaml", """
        provider_tree: '1.0'
        provider_configs: provider_config
        providers:
          - name: cn1
        """)
        .at("provider_config/a.yaml", "now|here").hover()
        .contains("matches no provider: nova logs it and ignores the entry (PT203)");
  }

  @Test
  void withoutABindingTheHoverSaysSo() {
    files(Sample.CONFIG_PATH, Sample.CONFIG)
        .at(C, "uuid: $COMPUTE_N|ODE").hover()
        .contains("No provider tree binds `provider_config`");
  }

  // ------------------------------------------------------------ tree providers

  @Test
  void aProviderNameShowsTheEffectiveSummary() {
    Sample.workspace().at(H, "- name: cn|1\n").hover()
        .contains("**Provider** `cn1` · `" + Sample.CN1_UUID + "`", "root provider in `host.ptree.yaml`")
        .contains("merged from `provider_config/10-compute.yaml` (`$COMPUTE_NODE`)")
        .contains("**Traits:** `COMPUTE_NODE`, `HW_CPU_X86_AVX2`, `CUSTOM_RACK_A12` from `provider_config/10-compute.yaml`")
        .contains("- `VCPU`: total 32, reserved 0, allocation_ratio 4.0 → capacity 128")
        .contains("- `CUSTOM_LOCAL_NVME_GB`: total 4, reserved 1, allocation_ratio 1.1 → capacity 3, from `provider_config/10-compute.yaml`")
        .covers("cn1");
  }

  @Test
  void aChildAndAProviderInAnotherFile() {
    Sample.workspace().at(H, "name: cn1_nu|ma0").hover().contains("child of `cn1`");
    Sample.workspace().at(Sample.RACK_PATH, "rack-|nic").hover().contains("child of `cn1` in `host.ptree.yaml`");
  }

  @Test
  void aReferenceShowsTheProviderItNames() {
    Sample.workspace().at(H, "parent: c|n1").hover()
        .contains("**parent** → `cn1`", "**Provider** `cn1`");
    Sample.workspace().at(Sample.RACK_PATH, "parent_provider_uuid: 7d7b|").hover()
        .contains("**parent_provider_uuid** → `cn1` in `host.ptree.yaml`");
  }

  @Test
  void theBindingShowsTheConfigFiles() {
    Sample.workspace().at(H, "provider_configs: provider_co|nfig").hover()
        .contains("1 file, 2 entries", "- `provider_config/10-compute.yaml`");
  }

  // ------------------------------------------------------------ escaping and positions

  @Test
  void aBidiNameIsShownEscaped() {
    files("t.ptree.yaml", """
        provider_tree: '1.0'
        providers:
          - name: "cn\\u202Eevil"
            uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10
        """)
        .at("t.ptree.yaml", "\"cn|\\u202E").hover()
        .contains("**Provider** `cn\\u202Eevil`", "PT402")
        .doesNotContain("\u202E");
  }

  @Test
  void aRawBidiCharacterInTheTextIsEscapedToo() {
    files("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: ab\u202Ecd\n")
        .at("t.ptree.yaml", "a|b\u202E").hover()
        .contains("`ab\\u202Ecd`")
        .doesNotContain("\u202E");
  }

  @Test
  void markdownInANameCannotInjectFormatting() {
    files("t.ptree.yaml", """
        provider_tree: '1.0'
        providers:
          - name: "a`b*[x](http://e)"
        """)
        .at("t.ptree.yaml", "a|`b").hover()
        .contains("``a`b*[x](http://e)``");
  }

  @Test
  void astralCharactersAndCrlfBeforeTheCursor() {
    String text = "# \uD83D\uDE80 rack r1\r\nprovider_tree: '1.0'\r\nproviders:\r\n"
        + "  - name: \uD83D\uDE80-cn1\r\n    inventory:\r\n      PCPU: {total: 8, reserved: 2}\r\n";
    files("r.ptree.yaml", text)
        .at("r.ptree.yaml", "reserved: |2").hover()
        .contains("capacity 6")
        .covers("PCPU: {total: 8, reserved: 2}");
    files("r.ptree.yaml", text)
        .at("r.ptree.yaml", "\uD83D\uDE80-c|n1").hover()
        .contains("**Provider** `\uD83D\uDE80-cn1`")
        .covers("\uD83D\uDE80-cn1");
  }

  @Test
  void aJsonTreeIsReadAlike() {
    files("r.ptree.json", """
        {"provider_tree": "1.0",
         "providers": [
           {"name": "cn1", "inventory": {"VCPU": {"total": 8, "reserved": 2, "allocation_ratio": 2.0}}},
           {"name": "nic", "parent": "cn1"}]}
        """)
        .at("r.ptree.json", "\"reserved\": |2").hover()
        .contains("capacity 12 = int((8 − 2) × 2.0)")
        .covers("\"VCPU\": {\"total\": 8, \"reserved\": 2, \"allocation_ratio\": 2.0}");
  }

  // ------------------------------------------------------------ nothing to say

  @Test
  void nothingToSay() {
    Sample.workspace().at(H, "provider_t|ree: '1.0'").hover().isNull();
    Sample.workspace().at(C, "me|ta:").hover().isNull();
  }

  @Test
  void ignoredMissingAndUnreadableDocumentsGiveNoHover() {
    Workspace ws = Workspace.empty(Settings.DEFAULT, m -> { }).update(List.of(
        new Workspace.Input(SourceDocument.of("notes.yaml", "title: x\n"), Workspace.Kind.AUTO),
        new Workspace.Input(new SourceDocument("provider_config/bad.yaml", "bad.yaml", new SourceText("\uFFFD"),
            new SourceDocument.ReadProblem("invalid UTF-8", 0, true)), Workspace.Kind.AUTO)));
    assertThat(ws.document("notes.yaml").kind()).isEqualTo(Workspace.Kind.IGNORED);
    assertThat(Hovers.hover(ws, "notes.yaml", 2, FeatureDsl.CATALOGUE)).isNull();
    assertThat(Hovers.hover(ws, "missing.yaml", 0, FeatureDsl.CATALOGUE)).isNull();
    assertThat(Hovers.hover(ws, "provider_config/bad.yaml", 99, FeatureDsl.CATALOGUE)).isNull();
    // the unreadable file's own diagnostic still has its documentation
    assertThat(Hovers.hover(ws, "provider_config/bad.yaml", 0, FeatureDsl.CATALOGUE).getContents().getRight().getValue())
        .contains("PT506");
    assertThat(Hovers.hover(null, null, -1, null)).isNull();
  }
}
