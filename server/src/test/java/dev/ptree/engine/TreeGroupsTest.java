package dev.ptree.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.ProviderIndex;
import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import dev.ptree.rules.WorkspaceContext;
import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * The rules over trees alone run per group of linked trees; whatever the trees and however they
 * were edited, each tree's findings equal those of the same rules over one index of every tree.
 * The trees share names and uuids, name each other's providers as parents (by name and by uuid),
 * form cycles across files, and name providers no file has.
 */
class TreeGroupsTest {
  private static final List<String> PATHS = List.of("ws/a.ptree.yaml", "ws/b.ptree.yaml", "ws/c/c.ptree.yaml",
      "ws/d.ptree.yaml");
  private static final List<String> UUIDS = List.of("7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10",
      "8e8c6f3d-6e7c-4b54-8e3f-1a7c6c2a0b21", "9f9d7a4e-7f8d-4c65-9f4a-2b8d7d3b1c32");

  record Step(String path, String text) {}

  @Property(tries = 200)
  void groupedTreeFindingsEqualThoseOfOneIndex(@ForAll("steps") List<Step> steps) {
    Workspace ws = Workspace.empty(Settings.DEFAULT, m -> { });
    for (Step s : steps) {
      ws = s.text() == null ? ws.remove(Set.of(s.path()))
          : ws.update(SourceDocument.of(s.path(), s.text()), Workspace.Kind.AUTO);
    }
    List<Workspace.Document> trees = ws.documents().stream().filter(d -> d.kind() == Workspace.Kind.TREE)
        .sorted(Comparator.comparing(Workspace.Document::path)).toList();
    Engine engine = new Engine(Settings.DEFAULT, m -> { });
    ProviderIndex all = new ProviderIndex(trees.stream().map(Workspace.Document::tree).toList());
    Map<String, List<Finding>> byPath = Engine.byPath(engine.runWorkspace(
        new WorkspaceContext(all.files(), all, Map.of(), List.of()), false));
    Map<String, List<String>> expected = new LinkedHashMap<>();
    Map<String, List<String>> actual = new LinkedHashMap<>();
    for (Workspace.Document d : trees) {
      List<Finding> raw = new ArrayList<>(engine.runTree(d.tree()));
      raw.addAll(byPath.getOrDefault(d.path(), List.of()));
      expected.put(d.path(), show(engine.finish(d.source().text(), d.path(), Documents.nodes(d), raw)));
      actual.put(d.path(), show(ws.findings(d.path())));
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static List<String> show(List<Finding> findings) {
    return findings.stream().map(f -> f.code() + " " + f.severity() + " " + f.span() + " " + f.message() + " "
        + f.related()).toList();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<String> name = Arbitraries.of("cn1", "cn2", "rack", UUIDS.get(0));
    Arbitrary<String> uuid = Arbitraries.of(UUIDS.get(0), UUIDS.get(1), UUIDS.get(2), "");
    Arbitrary<String> parent = Arbitraries.of("", "cn1", "rack", "nobody", "uuid:" + UUIDS.get(0), "uuid:" + UUIDS.get(1));
    Arbitrary<String> provider = Combinators.combine(name, uuid, parent).as((n, u, p) -> "  - name: " + n + "\n"
        + (u.isEmpty() ? "" : "    uuid: " + u + "\n")
        + (p.isEmpty() ? "" : p.startsWith("uuid:") ? "    parent_provider_uuid: " + p.substring(5) + "\n" : "    parent: " + p + "\n"));
    Arbitrary<String> tree = provider.list().ofMinSize(1).ofMaxSize(3)
        .map(ps -> "provider_tree: '1.0'\nproviders:\n" + String.join("", ps));
    Arbitrary<Step> step = Combinators.combine(Arbitraries.of(PATHS), tree, Arbitraries.integers().between(0, 9))
        .as((path, text, roll) -> new Step(path, roll == 0 ? null : text));
    return step.list().ofMinSize(1).ofMaxSize(12);
  }
}
