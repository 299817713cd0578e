package dev.ptree;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared test-fixtures folder whether tests run from Maven or an IDE. */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    String configured = System.getProperty("ptree.fixtures");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("test-fixtures"))) {
        return p.resolve("test-fixtures");
      }
    }
    throw new IllegalStateException("test-fixtures not found");
  }

  public static Path path(String first, String... more) {
    return root().resolve(Path.of(first, more));
  }
}
