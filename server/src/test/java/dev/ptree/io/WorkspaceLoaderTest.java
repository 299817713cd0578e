package dev.ptree.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceLoaderTest {
  @TempDir
  Path dir;

  @Test
  void aTreeBringsTheConfigsItBindsAndTheSnapshotIsBuiltOnce() throws Exception {
    Path configs = Files.createDirectories(dir.resolve("provider_config"));
    Files.writeString(configs.resolve("a.yaml"), "meta:\n  schema_version: '1.0'\nproviders:\n"
        + "  - identification:\n      name: cn1\n    traits:\n      additional: [CUSTOM_GOLD]\n", StandardCharsets.UTF_8);
    Path tree = dir.resolve("host.ptree.yaml");
    Files.writeString(tree, "provider_tree: '1.0'\nprovider_configs: provider_config\nproviders:\n"
        + "  - name: cn1\n    uuid: 7d7b5e2c-5d6b-4a43-9d2e-0f6b5b1f9a10\n    traits: [COMPUTE_NODE]\n",
        StandardCharsets.UTF_8);
    List<String> log = new ArrayList<>();
    Workspace ws = WorkspaceLoader.load(Settings.DEFAULT, Inputs.files(List.of(tree.toString())), log::add);
    assertThat(ws.documents()).extracting(Workspace.Document::kind)
        .containsExactlyInAnyOrder(Workspace.Kind.TREE, Workspace.Kind.CONFIG);
    assertThat(ws.context().bindings()).singleElement().satisfies(b -> assertThat(b.set()).isNotNull());
    assertThat(log).filteredOn(m -> m.startsWith("timing: snapshot")).hasSize(1);
  }
}
