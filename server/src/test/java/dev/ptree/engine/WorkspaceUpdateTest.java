package dev.ptree.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * An incremental snapshot must be indistinguishable from a fresh one: after any sequence of
 * updates and removals, the findings equal those of a snapshot built at once from the final texts.
 * The documents are drawn so that the cross-file rules have something to find: trees that bind
 * config sets, duplicate names and uuids across files, $COMPUTE_NODE with and without
 * compute-node roots, references into other files, and broken text.
 */
class WorkspaceUpdateTest {
  private static final String CN1 = "7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10";
  private static final String CN2 = "8e8c6f3d-6e7c-4b54-8e3f-1a7c6c2a0b21";
  private static final List<String> PATHS = List.of("ws/provider_config/10-a.yaml",
      "ws/provider_config/20-b.yaml", "ws/other/provider_config/c.yaml", "ws/host.ptree.yaml",
      "ws/rack.ptree.json", "ws/more.ptree.yaml");

  record Step(String path, String text) {}

  @Property(tries = 200)
  void anySequenceOfUpdatesEqualsAFreshSnapshot(@ForAll("sequences") List<Step> steps) {
    Workspace incremental = Workspace.empty(Settings.DEFAULT, m -> { });
    Map<String, String> finalTexts = new LinkedHashMap<>();
    for (Step step : steps) {
      if (step.text() == null) {
        incremental = incremental.remove(Set.of(step.path()));
        finalTexts.remove(step.path());
      } else {
        incremental = incremental.update(SourceDocument.of(step.path(), step.text()), Workspace.Kind.AUTO);
        finalTexts.put(step.path(), step.text());
      }
    }
    List<Workspace.Input> all = new ArrayList<>();
    finalTexts.forEach((p, t) -> all.add(new Workspace.Input(SourceDocument.of(p, t), Workspace.Kind.AUTO)));
    Workspace fresh = Workspace.empty(Settings.DEFAULT, m -> { }).update(all);
    assertThat(comparable(incremental)).isEqualTo(comparable(fresh));
  }

  @Test
  void anUpdateReusesWhatItCannotAffect() {
    Workspace first = Workspace.empty(Settings.DEFAULT, m -> { }).update(List.of(
        new Workspace.Input(SourceDocument.of(PATHS.get(0), config("cn1", "CUSTOM_A")), Workspace.Kind.AUTO),
        new Workspace.Input(SourceDocument.of(PATHS.get(2), config("cn2", "CUSTOM_B")), Workspace.Kind.AUTO),
        new Workspace.Input(SourceDocument.of(PATHS.get(3), tree(true, true, "")), Workspace.Kind.AUTO)));
    Workspace second = first.update(SourceDocument.of(PATHS.get(0), config("cn1", "CUSTOM_C")), Workspace.Kind.AUTO);
    assertThat(second.document(PATHS.get(2))).isSameAs(first.document(PATHS.get(2)));
    assertThat(second.document(PATHS.get(3))).isSameAs(first.document(PATHS.get(3)));
    assertThat(second.index()).as("no tree changed: the provider index is reused").isSameAs(first.index());
    assertThat(second.findings(PATHS.get(2))).isSameAs(first.findings(PATHS.get(2)));
  }

  /** Findings with their rule code in place of the rule object, which is shared anyway. */
  private static Map<String, List<String>> comparable(Workspace w) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    w.allFindings().forEach((path, findings) -> out.put(path, findings.stream().map(WorkspaceUpdateTest::show).toList()));
    return out;
  }

  private static String show(Finding f) {
    return f.code() + " " + f.severity() + " " + f.span() + " " + f.message() + " " + f.related() + " " + f.fixes();
  }

  @Provide
  Arbitrary<List<Step>> sequences() {
    Arbitrary<Step> step = Combinators.combine(Arbitraries.of(PATHS), Arbitraries.integers().between(0, 99))
        .flatAs((path, seed) -> text(path).map(t -> new Step(path, seed < 12 ? null : t)));
    return step.list().ofMinSize(1).ofMaxSize(14);
  }

  private static Arbitrary<String> text(String path) {
    if (path.endsWith(".json")) {
      return Combinators.combine(Arbitraries.of("cn1", "cn3", "rack1"), Arbitraries.of(CN1, CN2, "9f9d7a4e-7f8d-4c65-9f4a-2b8d7d3b1c32"),
          Arbitraries.of("", ", \"parent\": \"cn1\"", ", \"parent\": \"nobody\"", ", \"parent_provider_uuid\": \"" + CN2 + "\""),
          Arbitraries.of(true, false))
          .as((name, uuid, parent, broken) -> "{\"provider_tree\": \"1.0\", \"providers\": [{\"name\": \"" + name
              + "\", \"uuid\": \"" + uuid + "\"" + parent + ", \"inventory\": {\"CUSTOM_RACK\": {\"total\": 2}}}]"
              + (broken ? "" : "}"));
    }
    if (path.endsWith(".ptree.yaml")) {
      return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
          Arbitraries.of("", "  - {name: cn2, uuid: " + CN2 + ", traits: [COMPUTE_NODE], parent: cn1}\n",
              "  - {name: cn1, uuid: " + CN1 + "}\n", "  - name: [broken\n",
              "  - {name: loop, uuid: 1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e, parent: loop}\n"))
          .as(WorkspaceUpdateTest::tree);
    }
    return Combinators.combine(Arbitraries.of("cn1", "cn1_numa0", "cn2", "$COMPUTE_NODE", CN1, "nobody"),
        Arbitraries.of("CUSTOM_A", "CUSTOM_FPGA", "VCPU", "custom_bad"))
        .as(WorkspaceUpdateTest::config);
  }

  static String tree(boolean computeNode, boolean binds, String extra) {
    return "provider_tree: '1.0'\n" + (binds ? "provider_configs: provider_config\n" : "")
        + "providers:\n  - name: cn1\n    uuid: " + CN1 + "\n"
        + (computeNode ? "    traits: [COMPUTE_NODE]\n" : "")
        + "    inventory:\n      CUSTOM_FPGA: {total: 2}\n"
        + "    children:\n      - {name: cn1_numa0}\n" + extra;
  }

  static String config(String id, String resourceClass) {
    boolean uuid = id.equals("$COMPUTE_NODE") || id.equals(CN1);
    return "meta:\n  schema_version: '1.0'\nproviders:\n  - identification:\n      "
        + (uuid ? "uuid: " : "name: ") + id + "\n    inventories:\n      additional:\n        - "
        + resourceClass + ": {total: 4, reserved: 1}\n";
  }
}
