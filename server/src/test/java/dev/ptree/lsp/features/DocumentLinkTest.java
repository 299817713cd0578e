package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureAsserts.hostile;
import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentLinkTest {
  private static final String H = Sample.HOST_PATH;

  @Test
  void aConfigDirectoryOpensItsFirstFileAndNamesThemAll() {
    var ws = files("provider_config/20-gpu.yaml", Sample.CONFIG.replace("name: cn2", "name: cn9"),
        Sample.CONFIG_PATH, Sample.CONFIG, H, Sample.HOST);
    ws.links(H).count(1).at(H, "provider_configs: «provider_config»", Sample.CONFIG_PATH);
    var link = DocumentLinks.links(ws.workspace(), H, FeatureDsl.TO_URI, code -> null).get(0);
    assertThat(link.getTooltip()).isEqualTo("2 provider configs: 10-compute.yaml, 20-gpu.yaml");
  }

  @Test
  void aListOfDirectoriesAndAQuotedOneLinkInsideTheQuotes() {
    files("a/provider_config/x.yaml", Sample.CONFIG, "b/empty/readme.txt", "",
        "a/host.ptree.yaml", "provider_tree: '1.0'\nprovider_configs: ['provider_config', ../b/empty]\nproviders: []\n")
        .links("a/host.ptree.yaml").count(2)
        .at("a/host.ptree.yaml", "['«provider_config»'", "a/provider_config/x.yaml")
        .at("a/host.ptree.yaml", "«../b/empty»]", "b/empty");
  }

  @Test
  void ruleCodesInSuppressionCommentsOpenTheRulesPage() {
    var ws = files("provider_config/a.yaml", """
        # ptree: disable-file=PT202
        providers:
          - identification: {name: cn1}
            inventories:
              additional:
                - CUSTOM_X: {total: 4, reserved: 9}  # ptree: disable=PT303, PT999
            traits: {additional: ['# ptree: disable=PT401']}
        """);
    ws.links("provider_config/a.yaml").count(2)
        .at("provider_config/a.yaml", "disable-file=«PT202»", "rule:PT202")
        .at("provider_config/a.yaml", "disable=«PT303»", "rule:PT303");
    var link = DocumentLinks.links(ws.workspace(), "provider_config/a.yaml", FeatureDsl.TO_URI, c -> "rule:" + c).get(1);
    assertThat(link.getTooltip()).isEqualTo("PT303 reserved-vs-total: the rule's page");
  }

  @Test
  void jsonTreesAndCrlfWithAstralCharacters() {
    files("provider_config/a.yaml", Sample.CONFIG,
        "t.ptree.json", "{\"provider_tree\": \"1.0\", \"provider_configs\": \"provider_config\", \"providers\": []}\n")
        .links("t.ptree.json").count(1).at("t.ptree.json", "\"«provider_config»\"", "provider_config/a.yaml");
    var ws = files("provider_config/a.yaml", hostile(Sample.CONFIG), "t.ptree.yaml",
        hostile("provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n  - name: \uD83D\uDE80 # ptree: disable=PT217\n"));
    ws.links("t.ptree.yaml").count(2)
        .at("t.ptree.yaml", "provider_configs: «provider_config»", "provider_config/a.yaml")
        .at("t.ptree.yaml", "disable=«PT217»", "rule:PT217");
  }

  @Test
  void noLinksInIgnoredOrMissingDocuments() {
    files("notes.yaml", "# ptree: disable=PT303\na: 1\n").links("notes.yaml").isEmpty();
    assertThat(DocumentLinks.links(null, null, FeatureDsl.TO_URI, c -> c)).isEmpty();
  }
}
