package dev.ptree.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.ptree.Fixtures;
import dev.ptree.engine.Settings;
import dev.ptree.engine.Workspace;
import dev.ptree.io.Inputs;
import dev.ptree.io.WorkspaceLoader;
import dev.ptree.rules.Rule;
import dev.ptree.rules.registry.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule protocol of docs/architecture.md: rules are found through the registry and known by
 * their metadata, so adding one touches its own class and one registry line.
 */
class RuleProtocolTest {
  private static final String[] CATEGORIES = {"comparison", "exceptions", "lifecycle", "neutralization", "syntax"};
  private static final Path MAIN = Path.of("src/main/java/dev/ptree");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.ptree");
  }

  @Test
  void categoryPackagesNeverImportEachOther() {
    for (String category : CATEGORIES) {
      List<String> others = new ArrayList<>();
      for (String other : CATEGORIES) {
        if (!other.equals(category)) {
          others.add("dev.ptree.rules." + other + "..");
        }
      }
      noClasses().that().resideInAPackage("dev.ptree.rules." + category + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
          .orShould().dependOnClassesThat().resideInAPackage("dev.ptree.rules.registry..")
          .check(classes);
    }
  }

  @Test
  void onlyTheRegistryKnowsConcreteRules() {
    String[] concrete = Stream.of(CATEGORIES).map(c -> "dev.ptree.rules." + c + "..").toArray(String[]::new);
    noClasses().that().resideOutsideOfPackages(concrete)
        .and().resideOutsideOfPackage("dev.ptree.rules.registry..")
        .should().dependOnClassesThat().resideInAnyPackage(concrete)
        .check(classes);
  }

  /** The protocol package (kinds, reporter, metadata) knows no rule and no registry. */
  @Test
  void theProtocolKnowsNoRule() {
    noClasses().that().resideInAPackage("dev.ptree.rules")
        .should().dependOnClassesThat().resideInAPackage("dev.ptree.rules.registry..")
        .check(classes);
  }

  /** No code asks a rule what it is: its kind comes from the registry, the rest from its metadata. */
  @Test
  void noInstanceofOnARule() throws IOException {
    Set<String> ruleTypes = new HashSet<>();
    for (Rule r : Rules.all()) {
      for (Class<?> c = r.getClass(); c != Object.class; c = c.getSuperclass()) {
        ruleTypes.add(c.getSimpleName());
      }
    }
    Pattern instanceOf = Pattern.compile("instanceof\\s+(?:[\\w.]+\\.)?(\\w+)");
    List<String> found = new ArrayList<>();
    for (Path f : sources(MAIN)) {
      Matcher m = instanceOf.matcher(Files.readString(f));
      while (m.find()) {
        if (ruleTypes.contains(m.group(1))) {
          found.add(MAIN.relativize(f) + ": " + m.group());
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /** A rule's code is written once, in its own class; edges read codes from the metadata. */
  @Test
  void ruleCodesAreWrittenOnlyInTheirOwnClass() throws IOException {
    Pattern code = Pattern.compile("\"(PT\\d{3})\"");
    List<String> found = new ArrayList<>();
    for (Path f : sources(MAIN)) {
      String rel = MAIN.relativize(f).toString();
      Matcher m = code.matcher(Files.readString(f));
      while (m.find()) {
        boolean inOwnRuleClass = rel.startsWith("rules/") && Stream.of(CATEGORIES).anyMatch(c -> rel.startsWith("rules/" + c + "/"));
        if (!inOwnRuleClass) {
          found.add(rel + ": " + m.group());
        }
      }
    }
    assertThat(found).isEmpty();
    List<String> codes = Rules.all().stream().map(Rule::code).toList();
    assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
  }

  /** Rules report templates; the reporter neutralises each argument (text.Message). */
  @Test
  void noRuleEscapesByHand() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : sources(MAIN.resolve("rules"))) {
      if (Files.readString(f).contains("Escaper")) {
        found.add(MAIN.relativize(f).toString());
      }
    }
    assertThat(found).isEmpty();
  }

  /**
   * A rule whose metadata says it offers fixes shows one on a fixture (the reporter refuses a fix
   * from a rule whose metadata says it has none).
   */
  @Test
  void fixMetadataIsTrue() throws Exception {
    Set<String> fixed = new HashSet<>();
    Path root = Fixtures.path("rules");
    for (Rule rule : Rules.all()) {
      Path fires = root.resolve(rule.code()).resolve("fires");
      if (!rule.info().offersFixes() || !Files.isDirectory(fires)) {
        continue;
      }
      List<String> paths;
      try (Stream<Path> cases = Files.list(fires)) {
        paths = cases.filter(p -> !p.getFileName().toString().endsWith(".out")).map(Path::toString).toList();
      }
      Workspace ws = WorkspaceLoader.load(Settings.DEFAULT, Inputs.files(paths), line -> { });
      ws.allFindings().values().stream().flatMap(List::stream)
          .filter(f -> f.code().equals(rule.code()) && !f.fixes().isEmpty())
          .forEach(f -> fixed.add(f.code()));
    }
    List<String> declared = Rules.all().stream().filter(r -> r.info().offersFixes()).map(Rule::code).toList();
    assertThat(fixed).containsExactlyInAnyOrderElementsOf(declared);
  }

  private static List<Path> sources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
