package dev.ptree.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An edit costs what it can change: in a workspace of several hosts, each a config set bound by
 * its own tree, an edit in one host leaves every other host's results as the very same objects,
 * and the cross-file index follows the change instead of being rebuilt from scratch.
 */
class IncrementalReuseTest {
  private static final String U1 = "7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10";
  private static final String U2 = "8e8c6f3d-6e7c-4b54-8e3f-1a7c6c2a0b21";
  private static final String U3 = "9f9d7a4e-7f8d-4c65-9f4a-2b8d7d3b1c32";

  private static String config(String host, int total) {
    return "meta:\n  schema_version: '1.0'\nproviders:\n  - identification:\n      name: " + host + "\n"
        + "    inventories:\n      additional:\n        - CUSTOM_SSD: {total: " + total + ", reserved: 0}\n";
  }

  private static String tree(String host, String uuid) {
    return "provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n  - name: " + host + "\n"
        + "    uuid: " + uuid + "\n    traits: [COMPUTE_NODE]\n";
  }

  private static Workspace hosts(String... uuids) {
    List<Workspace.Input> inputs = new ArrayList<>();
    for (int i = 0; i < uuids.length; i++) {
      inputs.add(new Workspace.Input(SourceDocument.of(configPath(i), config("cn" + i, 4)), Workspace.Kind.AUTO));
      inputs.add(new Workspace.Input(SourceDocument.of(treePath(i), tree("cn" + i, uuids[i])), Workspace.Kind.AUTO));
    }
    return Workspace.empty(Settings.DEFAULT, m -> { }).update(inputs);
  }

  private static String configPath(int host) {
    return "repo/h" + host + "/provider_config/c.yaml";
  }

  private static String treePath(int host) {
    return "repo/h" + host + "/host.ptree.yaml";
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  @Test
  void aConfigEditLeavesTheOtherSetsResultsAsTheSameObjects() {
    Workspace before = hosts(U1, U2, U3);
    Workspace after = before.update(SourceDocument.of(configPath(0), config("cn0", -1)), Workspace.Kind.AUTO);

    assertThat(codes(after.findings(configPath(0)))).as("the edited file is checked again").isNotEmpty();
    assertThat(codes(before.findings(configPath(0)))).isEmpty();
    for (int host = 1; host < 3; host++) {
      assertThat(after.findings(configPath(host))).isSameAs(before.findings(configPath(host)));
      assertThat(after.findings(treePath(host))).isSameAs(before.findings(treePath(host)));
    }
    assertThat(after.index()).as("no tree changed: the provider index is kept").isSameAs(before.index());
    assertThat(after.findingsChangedSince(before)).containsExactly(configPath(0));
  }

  @Test
  void aDuplicateUuidAcrossTwoSetsAppearsAndDisappearsWithTheEdit() {
    Workspace clean = hosts(U1, U2, U3);
    assertThat(codes(clean.findings(treePath(1)))).doesNotContain("PT212");

    Workspace duplicate = clean.update(SourceDocument.of(treePath(1), tree("cn1", U1)), Workspace.Kind.AUTO);
    assertThat(codes(duplicate.findings(treePath(1)))).contains("PT212");
    assertThat(duplicate.index().withUuid(U1)).hasSize(2);
    assertThat(duplicate.index().withUuid(U2)).isEmpty();
    assertThat(duplicate.findings(configPath(2))).as("a set the edit does not reach").isSameAs(clean.findings(configPath(2)));
    assertThat(duplicate.findings(treePath(2))).isSameAs(clean.findings(treePath(2)));

    Workspace fixed = duplicate.update(SourceDocument.of(treePath(1), tree("cn1", U2)), Workspace.Kind.AUTO);
    assertThat(codes(fixed.findings(treePath(1)))).doesNotContain("PT212");
    assertThat(fixed.index().withUuid(U1)).hasSize(1);
    assertThat(fixed.index().withUuid(U2)).hasSize(1);
    assertThat(fixed.findings(configPath(2))).isSameAs(clean.findings(configPath(2)));
    assertThat(fixed.allFindings()).as("back to what a fresh snapshot finds").isEqualTo(clean.allFindings());
  }

  @Test
  void removingATreeUnbindsItsSetAndAddingItBackBindsItAgain() {
    Workspace bound = hosts(U1, U2);
    Workspace edited = bound.update(SourceDocument.of(configPath(0), config("nobody", 4)), Workspace.Kind.AUTO);
    assertThat(codes(edited.findings(configPath(0)))).as("the entry names no provider of its tree").contains("PT203");

    Workspace unbound = edited.remove(List.of(treePath(0)));
    assertThat(codes(unbound.findings(configPath(0)))).doesNotContain("PT203");
    assertThat(unbound.findings(configPath(1))).isSameAs(bound.findings(configPath(1)));

    Workspace rebound = unbound.update(SourceDocument.of(treePath(0), tree("cn0", U1)), Workspace.Kind.AUTO);
    assertThat(codes(rebound.findings(configPath(0)))).contains("PT203");
  }
}
