package dev.ptree.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Running the per-provider rules slice by slice must find exactly what one pass finds. */
class SlicingTest {
  @Test
  void slicedAndWholeRunsFindTheSame() {
    StringBuilder a = new StringBuilder("meta: {schema_version: '1.0'}\nproviders:\n");
    StringBuilder b = new StringBuilder("meta: {schema_version: '1.0'}\nproviders:\n");
    for (int i = 0; i < 700; i++) {
      StringBuilder s = i % 2 == 0 ? a : b;
      s.append("  - identification: {name: 'cn").append(i % 650).append(i % 7 == 0 ? " " : "").append("'}\n")
          .append("    inventories:\n      additional:\n        - CUSTOM_").append(i % 5 == 0 ? "x" : "X")
          .append(": {total: ").append(i % 11 == 0 ? "010" : "4").append(", reserved: ").append(i % 3)
          .append(", allocation_ratio: ").append(i % 13 == 0 ? "-1.0" : "1.1").append("}\n")
          .append("    traits: {additional: [CUSTOM_T, ").append(i % 17 == 0 ? "HW_X" : "CUSTOM_T").append("]}\n");
    }
    List<Workspace.Input> docs = List.of(new Workspace.Input(SourceDocument.of("d/a.yaml", a.toString()), Workspace.Kind.CONFIG),
        new Workspace.Input(SourceDocument.of("d/b.yaml", b.toString()), Workspace.Kind.CONFIG));
    Map<String, List<Finding>> sliced = Workspace.empty(new Engine(Settings.DEFAULT, m -> { }, 37), m -> { })
        .update(docs).allFindings();
    Map<String, List<Finding>> whole = Workspace.empty(new Engine(Settings.DEFAULT, m -> { }, Integer.MAX_VALUE), m -> { })
        .update(docs).allFindings();
    assertThat(sliced.values().stream().mapToInt(List::size).sum()).isGreaterThan(700);
    assertThat(sliced).isEqualTo(whole);
  }
}
