package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureAsserts.hostile;
import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeLensTest {
  private static final String C = Sample.CONFIG_PATH;
  private static final String H = Sample.HOST_PATH;

  @Test
  void eachConfigEntryTellsWhatItAppliesTo() {
    Sample.workspace().codeLenses(C).count(2)
        .at(C, "uuid: «$COMPUTE_NODE»", "applies to 1 provider")
        .at(C, "name: «cn2»", "applies to 1 provider");
    Sample.workspace().codeLensLocations(C, "applies to 1 provider").count(1).pointsAt(H, "- name: «cn1»\n");
  }

  @Test
  void entriesThatReachNothingOrMoreThanOne() {
    var ws = Sample.reachWorkspace();
    ws.codeLenses("provider_config/a.yaml").labels("applies to 2 providers", "matches no provider",
        "matches no provider (no-op entry, dropped)");
    ws.codeLensLocations("provider_config/a.yaml", "applies to 2 providers").count(2)
        .pointsTo("t.ptree.yaml", "cn1").pointsTo("t.ptree.yaml", "cn2");
    ws.codeLensLocations("provider_config/a.yaml", "matches no provider").isEmpty();
  }

  @Test
  void eachBoundTreeProviderTellsWhatChangesIt() {
    Sample.workspace().codeLenses(H).count(4)
        .at(H, "- name: «cn1»\n", "changed by 1 config entry")
        .at(H, "- name: «cn1_numa0»", "changed by no config entry")
        .at(H, "- name: «cn2»", "changed by 1 config entry")
        .at(H, "- name: «shared-disk»", "changed by no config entry");
    Sample.workspace().codeLensLocations(H, "changed by 1 config entry").count(1).pointsAt(C, "uuid: «$COMPUTE_NODE»");
  }

  @Test
  void aProviderMatchedTwiceCountsBothEntries() {
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
        .codeLenses("t.ptree.yaml").labels("changed by 2 config entries");
  }

  @Test
  void aJsonTreeAndCrlfWithAstralCharacters() {
    var ws = files("provider_config/a.yaml", hostile("providers:\n  - identification: {name: \uD83D\uDE80cn1}\n"
        + "    traits: {additional: [CUSTOM_A]}\n"), "t.ptree.json",
        "{\"provider_tree\": \"1.0\", \"provider_configs\": \"provider_config\",\r\n"
            + " \"providers\": [{\"name\": \"\uD83D\uDE80cn1\"}, {\"name\": \"nic\"}]}\r\n");
    ws.codeLenses("provider_config/a.yaml").count(1).at("provider_config/a.yaml", "{name: «\uD83D\uDE80cn1»}",
        "applies to 1 provider");
    ws.codeLenses("t.ptree.json").count(2)
        .at("t.ptree.json", "{\"name\": «\"\uD83D\uDE80cn1\"»}", "changed by 1 config entry")
        .at("t.ptree.json", "«\"nic\"»", "changed by no config entry");
    ws.codeLensLocations("t.ptree.json", "changed by 1 config entry").count(1)
        .pointsAt("provider_config/a.yaml", "{name: «\uD83D\uDE80cn1»}");
  }

  @Test
  void noLensesWithoutABindingOrADocument() {
    files(C, Sample.CONFIG).codeLenses(C).isEmpty();
    files("t.ptree.yaml", "provider_tree: '1.0'\nproviders: [{name: a}]\n").codeLenses("t.ptree.yaml").isEmpty();
    assertThat(CodeLenses.lenses(null, null, FeatureDsl.TO_URI)).isEmpty();
    assertThat(CodeLenses.lenses(Sample.workspace().workspace(), "missing.yaml", FeatureDsl.TO_URI)).isEmpty();
  }
}
