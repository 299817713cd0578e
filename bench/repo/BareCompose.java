import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The floor the repository bench compares {@code ptree check} with: every *.yaml / *.yml file
 * under DIR read as UTF-8 and composed into SnakeYAML nodes (marks included), nothing more.
 * Prints "files N composed M failed F ms T" (T: walk + read + compose, inside the JVM).
 */
public final class BareCompose {
  public static void main(String[] args) throws IOException {
    long t0 = System.nanoTime();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      walk.filter(p -> {
        String n = p.getFileName().toString();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && Files.isRegularFile(p);
      }).forEach(files::add);
    }
    int composed = 0;
    int failed = 0;
    for (Path p : files) {
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        Node n = new Yaml(new LoaderOptions()).compose(r);
        if (n != null) {
          composed++;
        }
      } catch (RuntimeException e) {
        failed++; // a planted syntax error: SnakeYAML throws, the file still counts as read
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("files " + files.size() + " composed " + composed + " failed " + failed + " ms " + ms);
  }
}
