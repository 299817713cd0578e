package dev.ptree.lsp.features;

import static dev.ptree.lsp.features.FeatureAsserts.hostile;
import static dev.ptree.lsp.features.FeatureDsl.files;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenameTest {
  private static final String C = Sample.CONFIG_PATH;
  private static final String H = Sample.HOST_PATH;
  private static final String R = Sample.RACK_PATH;

  // ------------------------------------------------------------ provider names

  @Test
  void aProviderNameAcrossTreesAndTheConfigEntriesThatNameIt() {
    var ws = Sample.workspace();
    ws.at(H, "- name: c|n2").prepareRename().count(1).at(H, "- name: «cn2»", "cn2");
    var renamed = ws.at(H, "- name: c|n2").rename("compute-2").files(H, C).edits(2).keepsTheWorkspaceValid(ws);
    assertThat(renamed.file(H)).contains("- name: compute-2\n    uuid: " + Sample.CN2_UUID);
    assertThat(renamed.file(C)).contains("name: compute-2\n").doesNotContain("cn2");
  }

  @Test
  void theSameRenameFromAParentReferenceOrFromAConfigIdentification() {
    var ws = Sample.workspace();
    var fromParent = ws.at(H, "parent: c|n1").rename("host-1").files(H).edits(2);
    assertThat(fromParent.file(H)).contains("- name: host-1\n", "parent: host-1\n").doesNotContain("cn1\n");
    var fromConfig = ws.at(C, "name: cn|2").rename("compute-2").files(H, C).edits(2);
    assertThat(fromConfig.file(H)).contains("- name: compute-2\n");
    ws.at(C, "name: cn|2").prepareRename().count(1).at(C, "name: «cn2»", "cn2");
  }

  @Test
  void aNameThatYamlWouldReadOtherwiseIsQuoted() {
    var ws = Sample.workspace();
    assertThat(ws.at(H, "- name: c|n2").rename("010").file(H)).contains("- name: '010'\n");
    assertThat(ws.at(H, "- name: c|n2").rename("yes").file(C)).contains("name: 'yes'\n");
    assertThat(ws.at(H, "- name: c|n2").rename("rack: 2 #a").file(H)).contains("- name: 'rack: 2 #a'\n");
    assertThat(ws.at(H, "- name: c|n2").rename("it's").file(H)).contains("- name: it's\n");
    assertThat(ws.at(H, "- name: c|n2").rename("[x]").file(H)).contains("- name: '[x]'\n");
    ws.at(H, "- name: c|n2").rename("010").keepsTheWorkspaceValid(ws);
  }

  @Test
  void aQuotedNameKeepsItsQuotes() {
    var ws = files("t.ptree.yaml", "provider_tree: '1.0'\nproviders:\n  - name: 'cn1'\n  - name: b\n    parent: \"cn1\"\n");
    ws.at("t.ptree.yaml", "'c|n1'").prepareRename().at("t.ptree.yaml", "- name: '«cn1»'", "cn1");
    assertThat(ws.at("t.ptree.yaml", "'c|n1'").rename("it's \"one\"").file("t.ptree.yaml"))
        .contains("- name: 'it''s \"one\"'\n", "parent: \"it's \\\"one\\\"\"\n");
    ws.at("t.ptree.yaml", "'c|n1'").rename("it's \"one\"").keepsTheWorkspaceValid(ws);
  }

  @Test
  void aJsonTreeGetsJsonStrings() {
    var ws = files("r.ptree.json", """
        {"provider_tree": "1.0",
         "providers": [{"name": "cn1"}, {"name": "nic", "parent": "cn1"}]}
        """);
    var renamed = ws.at("r.ptree.json", "{\"name\": \"c|n1\"}").rename("a \"b\" \\ c").edits(2).keepsTheWorkspaceValid(ws);
    assertThat(renamed.file("r.ptree.json")).contains("{\"name\": \"a \\\"b\\\" \\\\ c\"}", "\"parent\": \"a \\\"b\\\" \\\\ c\"}");
  }

  @Test
  void refusedNames() {
    var ws = Sample.workspace();
    ws.at(H, "- name: c|n2").rename("cn1").refusedWith("a provider named \"cn1\" already exists in host.ptree.yaml");
    ws.at(H, "- name: c|n2").rename("rack-nic").refusedWith("already exists in rack.ptree.yaml");
    ws.at(H, "- name: c|n2").rename(Sample.CN1_UUID).refusedWith("is the uuid of provider \"cn1\"", "PT214");
    ws.at(H, "- name: c|n2").rename("").refusedWith("empty");
    ws.at(H, "- name: c|n2").rename(" cn3").refusedWith("white space");
    ws.at(H, "- name: c|n2").rename("cn\u202E3").refusedWith("control, invisible");
    ws.at(H, "- name: c|n2").rename("x".repeat(201)).refusedWith("at most 200 characters");
    ws.at(H, "- name: c|n2").rename("$COMPUTE_NODE").refusedWith("sentinel");
    ws.at(H, "tot|al: 32").rename("x").refusedWith("nothing to rename here");
    ws.at(H, "tot|al: 32").prepareRename().isEmpty();
    ws.at(C, "$COMPUTE_|NODE").prepareRename().isEmpty();
  }

  // ------------------------------------------------------------ uuids

  @Test
  void aUuidAcrossTreesReferencesAndConfigs() {
    String fresh = "aaaaaaaa-2222-4333-8444-55555555555b";
    var ws = files(C, Sample.CONFIG.replace("name: cn2", "uuid: " + Sample.CN2_UUID), H, Sample.HOST, R,
        Sample.RACK.replace(Sample.CN1_UUID, Sample.CN2_UUID));
    var renamed = ws.at(H, "uuid: 8e8c|").rename(fresh).files(H, C, R).edits(3).keepsTheWorkspaceValid(ws);
    assertThat(renamed.file(R)).contains("parent_provider_uuid: " + fresh);
    assertThat(renamed.file(C)).contains("uuid: " + fresh);
    ws.at(R, "parent_provider_uuid: 8e|").prepareRename().count(1);
    ws.at(H, "uuid: 8e8c|").rename(Sample.CN1_UUID).refusedWith("provider \"cn1\" in host.ptree.yaml already has uuid");
    ws.at(H, "uuid: 8e8c|").rename("not-a-uuid").refusedWith("is not a uuid");
    ws.at(H, "uuid: 8e8c|").rename(fresh.toUpperCase()).refusedWith("upper-case");
  }

  // ------------------------------------------------------------ custom names

  @Test
  void aCustomTraitAcrossConfigsAndTrees() {
    var ws = Sample.workspace();
    ws.at(C, "- CUSTOM_RACK|_A12\n  - identification").prepareRename().count(1)
        .at(C, "- «CUSTOM_RACK_A12»\n  - identification", "CUSTOM_RACK_A12");
    var renamed = ws.at(C, "- CUSTOM_RACK|_A12\n  - identification").rename("CUSTOM_RACK_B7").files(C, H).edits(3)
        .keepsTheWorkspaceValid(ws);
    assertThat(renamed.file(H)).contains("traits: [COMPUTE_NODE, CUSTOM_RACK_B7]");
    ws.at(H, "CUSTOM_RACK|_A12]").rename("CUSTOM_RACK_B7").edits(3);
    ws.at(C, "- CUSTOM_RACK|_A12\n  - identification").rename("CUSTOM_GPU_BURN_IN")
        .refusedWith("\"CUSTOM_GPU_BURN_IN\" is already a trait in 1 file");
    ws.at(C, "- CUSTOM_RACK|_A12\n  - identification").rename("CUSTOM_rack").refusedWith("is not a custom trait");
    ws.at(H, "HW_CPU_X86|_AVX2").prepareRename().isEmpty();
  }

  @Test
  void aCustomResourceClassKey() {
    var ws = files(C, Sample.CONFIG, H, Sample.HOST.replace("DISK_GB: {total: 1000}", "CUSTOM_LOCAL_NVME_GB: {total: 1000}"));
    var renamed = ws.at(C, "CUSTOM_LOCAL|_NVME_GB").rename("CUSTOM_NVME_GB").files(C, H).edits(2);
    assertThat(renamed.file(H)).contains("CUSTOM_NVME_GB: {total: 1000}");
    ws.at(C, "CUSTOM_LOCAL|_NVME_GB").rename("VCPU").refusedWith("is not a custom resource class");
  }

  // ------------------------------------------------------------ CRLF and astral characters

  @Test
  void renameWithCrlfAndAstralCharactersBeforeTheCursor() {
    var ws = files("provider_config/a.yaml", hostile("providers:\n  - identification: {name: \uD83D\uDE80cn1}\n"
        + "    traits: {additional: [CUSTOM_\uD83D\uDE80A, CUSTOM_B]}\n"), "t.ptree.yaml",
        hostile("provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n  - name: \uD83D\uDE80cn1\n"
            + "  - name: nic\n    parent: \uD83D\uDE80cn1\n    traits: [CUSTOM_B]\n"));
    ws.at("t.ptree.yaml", "parent: \uD83D\uDE80c|n1").prepareRename().at("t.ptree.yaml", "parent: «\uD83D\uDE80cn1»",
        "\uD83D\uDE80cn1");
    var renamed = ws.at("t.ptree.yaml", "parent: \uD83D\uDE80c|n1").rename("\uD83D\uDE81cn1").edits(3)
        .keepsTheWorkspaceValid(ws);
    assertThat(renamed.file("t.ptree.yaml")).contains("- name: \uD83D\uDE81cn1\r\n", "parent: \uD83D\uDE81cn1\r\n");
    assertThat(renamed.file("provider_config/a.yaml")).contains("{name: \uD83D\uDE81cn1}");
    assertThat(ws.at("provider_config/a.yaml", "CUSTOM_|B]").rename("CUSTOM_C").edits(2).file("t.ptree.yaml"))
        .contains("traits: [CUSTOM_C]\r\n");
  }
}
