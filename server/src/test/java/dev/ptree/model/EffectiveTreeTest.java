package dev.ptree.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.Fixtures;
import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.rules.WorkspaceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One provider's effective view equals the one the whole effective tree gives it. */
class EffectiveTreeTest {
  private static List<NovaMerge> merges(Workspace ws, TreeFile tree) {
    return ws.context().bindings().stream().filter(b -> b.tree() == tree && b.merge() != null)
        .map(WorkspaceContext.Bound::merge).toList();
  }

  private static void assertSameAsWholeTree(Workspace ws) {
    int checked = 0;
    for (Workspace.Document d : ws.documents()) {
      if (d.tree() == null) {
        continue;
      }
      for (EffectiveTree.Provider whole : ws.effectiveTree(d.path()).providers()) {
        assertThat(EffectiveTree.of(d.tree(), ws.index(), merges(ws, d.tree()), whole.provider()))
            .as("%s in %s", whole.provider().label(), d.path()).isEqualTo(whole);
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void theExampleWithItsConfigsMergedIn() throws IOException {
    Path examples = Fixtures.root().getParent().resolve("examples");
    List<Workspace.Input> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        inputs.add(new Workspace.Input(SourceDocument.of(examples.relativize(p).toString().replace('\\', '/'),
            Files.readString(p)), Workspace.Kind.AUTO));
      }
    }
    assertSameAsWholeTree(Workspace.empty(Settings.DEFAULT, m -> { }).update(inputs));
  }

  @Test
  void referencesAcrossFilesBrokenChainsAndMergeConflicts() {
    Workspace ws = Workspace.empty(Settings.DEFAULT, m -> { }).update(List.of(
        new Workspace.Input(SourceDocument.of("a.ptree.yaml", """
            provider_tree: '1.0'
            provider_configs: provider_config
            providers:
              - name: cn1
                traits: [COMPUTE_NODE]
                inventory: {VCPU: {total: 4}}
                children:
                  - name: numa0
                    children: [{name: gpu0}]
              - name: orphan
                parent: ghost
                children: [{name: orphan-child}]
              - name: late
                parent: gpu0
            """), Workspace.Kind.AUTO),
        new Workspace.Input(SourceDocument.of("b.ptree.yaml", """
            provider_tree: '1.0'
            providers:
              - name: remote
                parent: cn1
            """), Workspace.Kind.AUTO),
        new Workspace.Input(SourceDocument.of("provider_config/c.yaml", """
            meta: {schema_version: '1.0'}
            providers:
              - identification: {uuid: $COMPUTE_NODE}
                inventories: {additional: [{VCPU: {total: 2}}, {CUSTOM_X: {total: 1}}]}
              - identification: {name: numa0}
                traits: {additional: [CUSTOM_T]}
            """), Workspace.Kind.AUTO)));
    assertSameAsWholeTree(ws);
  }

  @Test
  void aProviderOnACycleIsShownAsItsOwnRoot() {
    Workspace ws = Workspace.empty(Settings.DEFAULT, m -> { }).update(SourceDocument.of("a.ptree.yaml", """
        provider_tree: '1.0'
        providers:
          - {name: a, parent: b}
          - {name: b, parent: a}
        """), Workspace.Kind.AUTO);
    TreeFile tree = ws.document("a.ptree.yaml").tree();
    for (TreeProvider p : tree.providers()) {
      EffectiveTree.Provider e = EffectiveTree.of(tree, ws.index(), List.of(), p);
      assertThat(e.parent()).isNull();
      assertThat(e.depth()).isZero();
      assertThat(e.notes()).containsExactly("in a parent cycle");
    }
  }
}
