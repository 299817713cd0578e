package dev.ptree.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.model.schema.Key;
import dev.ptree.model.schema.Schema;
import dev.ptree.model.schema.TreeFileSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The editor features know keys only through the schema: no key of either dialect is a literal in lsp/. */
class SchemaLiteralsTest {
  /** Literals that are English words in a message, not keys. */
  private static final Set<String> PROSE = Set.of("features/IdentificationHover.java: \"providers\"");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void noKeyLiteralInTheLspLayer() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Schema s : List.of(ConfigSchema.SCHEMA, TreeFileSchema.SCHEMA)) {
      collect(s.root(), keys, new IdentityHashMap<>());
    }
    keys.remove("");
    keys.remove(Schema.ITEM);
    assertThat(keys).contains("allocation_ratio", "identification", "provider_tree", "children");
    Path lsp = Path.of("src/main/java/dev/ptree/lsp");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(lsp)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = LITERAL.matcher(lines.get(i));
          while (m.find()) {
            String where = lsp.relativize(f) + ": \"" + m.group(1) + "\"";
            if (keys.contains(m.group(1)) && !PROSE.contains(where)) {
              found.add(where + " (line " + (i + 1) + ")");
            }
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private static void collect(Key k, Set<String> into, Map<Key, Boolean> seen) {
    if (k == null || seen.put(k, true) != null) {
      return;
    }
    into.add(k.name());
    k.children().forEach(c -> collect(c, into, seen));
    collect(k.item(), into, seen);
    collect(k.entry(), into, seen);
  }
}
