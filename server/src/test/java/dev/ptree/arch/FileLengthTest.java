package dev.ptree.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every main source file can be read in one sitting: none has more than 400 lines. */
class FileLengthTest {
  private static final int MAX_LINES = 400;
  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void noMainSourceFileHasMoreThan400Lines() throws IOException {
    List<String> tooLong = new ArrayList<>();
    for (Path file : mainFiles()) {
      int lines = lines(file);
      String name = name(file);
      if (lines > MAX_LINES) {
        tooLong.add(name + " (" + lines + " lines)");
      }
    }
    assertThat(tooLong).as("files over %d lines", MAX_LINES).isEmpty();
  }

  private static List<Path> mainFiles() throws IOException {
    assertThat(MAIN).isDirectory();
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
      assertThat(all).as("main sources").isNotEmpty();
      return all;
    }
  }

  private static int lines(Path file) throws IOException {
    return Files.readAllLines(file).size();
  }

  private static String name(Path file) {
    return MAIN.relativize(file).toString().replace('\\', '/');
  }
}
