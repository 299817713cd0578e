package dev.ptree.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.ConfigFile;
import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.SourceDocument;
import dev.ptree.rules.Finding;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.yaml.YNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An edit inside one provider item re-reads that item alone and reruns the rules local to an
 * item on it alone; the result must be what reading and checking the whole new text gives. Every
 * provider config among the rule fixtures is edited inside its items, edit after edit (pieces
 * that keep the YAML valid, that break it, that add or remove items and lines, CRLF and
 * non-ASCII) in chains of five, and after each edit the re-read file and the findings equal a fresh read and a
 * fresh snapshot.
 */
class ItemEditTest {
  private static final String[] PIECES = {"x", "4", "0", "010", " ", "\n", "\r\n", ": ", "- ", "#", "'", "\"", "é",
      "total: 8", "reserved: 9", "CUSTOM_", "  - identification:\n      name: n9\n", "\n        - CUSTOM_E: {total: 0}",
      "{", "[", "&a ", "*a", "\t", "\u200b", "name: $COMPUTE_NODE", "uuid: 5F0E1C2A-3B4D-4E5F-8A9B-0C1D2E3F4A5B"};

  @Test
  void editsInsideItemsEqualAFreshReadAndCheck() throws IOException {
    List<Path> configs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("../test-fixtures/rules"))) {
      files.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted().forEach(configs::add);
    }
    int itemPath = 0;
    int edits = 0;
    for (Path file : configs) {
      String path = file.toString();
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException e) {
        continue; // the fixtures of bytes that are not UTF-8: never edited in an editor as such
      }
      Workspace w = Workspace.empty(Settings.DEFAULT, m -> { }).update(SourceDocument.of(path, text), Workspace.Kind.AUTO);
      if (w.document(path).kind() != Workspace.Kind.CONFIG || w.document(path).config().providers().isEmpty()) {
        continue;
      }
      Random random = new Random(path.hashCode());
      SourceText current = w.document(path).source().text();
      Workspace original = w;
      for (int i = 0; i < 40; i++) {
        if (i % 5 == 0) { // chains of five edits, each from the fixture as written
          w = original;
          current = w.document(path).source().text();
        }
        ConfigFile before = w.document(path).config();
        int[] regions = before == null ? null : dev.ptree.model.ItemReparse.regions(before);
        int from = regions == null ? 0 : regions[0];
        int to = regions == null ? current.length() : regions[regions.length - 1];
        int at = from + random.nextInt(Math.max(1, to - from));
        int end = Math.min(current.length(), at + (random.nextInt(3) == 0 ? random.nextInt(12) : 0));
        String piece = random.nextInt(4) == 0 ? "" : PIECES[random.nextInt(PIECES.length)];
        String previousText = current.content();
        current = current.edited(at, end, piece);
        w = w.update(new SourceDocument(path, file.getFileName().toString(), current, null), Workspace.Kind.AUTO);
        edits++;
        Workspace.Document now = w.document(path);
        Workspace fresh = Workspace.empty(Settings.DEFAULT, m -> { }).update(SourceDocument.of(path, current.content()),
            Workspace.Kind.AUTO);
        String context = path + " after edit " + i + " (" + at + ".." + end + " := " + Escaper.escape(piece) + ") of "
            + Escaper.escape(previousText) + ": " + Escaper.escape(current.content());
        if (now.edit() != null) {
          itemPath++;
          sameFile(now.config(), ProviderConfigReader.read(SourceDocument.of(path, current.content())), context);
        }
        assertThat(w.findings(path)).as(context).isEqualTo(fresh.findings(path));
      }
    }
    assertThat(edits).isGreaterThan(1_000);
    // many pieces break the YAML or bring what only the full parser reads; the rest take the item path
    assertThat(itemPath).as("edits that took the item path, of %d", edits).isGreaterThan(600);
  }

  /** The same YAML (nodes and their spans), depth and providers as a full read. */
  private static void sameFile(ConfigFile incremental, ConfigFile full, String context) {
    assertThat(incremental.root()).as(context).isEqualTo(full.root());
    assertThat(incremental.yaml().maxCollectionDepth()).as(context).isEqualTo(full.yaml().maxCollectionDepth());
    assertThat(incremental.yaml().problems()).as(context).isEqualTo(full.yaml().problems());
    assertThat(incremental.providers()).as(context).hasSameSizeAs(full.providers());
    for (int i = 0; i < full.providers().size(); i++) {
      var a = incremental.providers().get(i);
      var b = full.providers().get(i);
      assertThat(List.of(a.index(), a.item(), String.valueOf(a.identification()), a.noOp(), a.traits(),
          a.records().stream().map(r -> r.entry()).toList(), a.mergedRecords().stream().map(r -> r.entry()).toList()))
          .as(context).isEqualTo(List.of(b.index(), b.item(), String.valueOf(b.identification()), b.noOp(), b.traits(),
              b.records().stream().map(r -> r.entry()).toList(), b.mergedRecords().stream().map(r -> r.entry()).toList()));
    }
    assertThat(sorted(incremental.nodes())).as(context).isEqualTo(sorted(full.nodes()));
    // listed children first, so the ends never decrease: a re-read cuts the list where the item starts
    assertThat(incremental.nodes().stream().map(n -> n.span().end()).toList()).as(context).isSorted();
    assertThat(full.nodes().stream().map(n -> n.span().end()).toList()).as(context).isSorted();
  }

  private static List<String> sorted(List<YNode> nodes) {
    return nodes.stream().map(n -> n.span() + " " + n.getClass().getSimpleName() + " " + n.hashCode())
        .sorted(Comparator.naturalOrder()).toList();
  }
}
