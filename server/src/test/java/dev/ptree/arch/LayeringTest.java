package dev.ptree.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN §4: only `lsp` knows LSP4J; the core does no I/O and knows no edge. */
class LayeringTest {
  private static final String[] CORE = {"dev.ptree.text..", "dev.ptree.yaml..", "dev.ptree.model..",
      "dev.ptree.rules..", "dev.ptree.engine.."};
  private static final String[] CORE_BUT_YAML = {"dev.ptree.text..", "dev.ptree.model..", "dev.ptree.rules..",
      "dev.ptree.engine.."};
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.ptree");
  }

  @Test
  void onlyTheLspPackageUsesLsp4j() {
    noClasses().that().resideOutsideOfPackage("dev.ptree.lsp..")
        .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..")
        .check(classes);
  }

  @Test
  void coreDoesNoIo() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.nio.channels..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
        .orShould().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .orShould().accessField(System.class, "in")
        .check(classes);
  }

  @Test
  void coreKnowsNoEdge() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("dev.ptree.cli..", "dev.ptree.lsp..",
            "picocli..")
        .check(classes);
  }

  /** The YAML layer reads JSON with Jackson's streaming parser; the rest of the core sees only nodes. */
  @Test
  void onlyTheYamlLayerUsesJackson() {
    noClasses().that().resideInAnyPackage(CORE_BUT_YAML)
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
        .check(classes);
  }

  /** jackson-databind (object mapping) is for the CLI's output; the core needs only jackson-core. */
  @Test
  void coreUsesNoJacksonButItsStreamingParser() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat(resideInAPackage("com.fasterxml.jackson..")
            .and(not(resideInAPackage("com.fasterxml.jackson.core.."))))
        .check(classes);
  }

  @Test
  void snakeYamlStaysInTheYamlLayer() {
    noClasses().that().resideOutsideOfPackage("dev.ptree.yaml..")
        .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
        .check(classes);
  }

  /** The schema is plain declarations: rules, features and the docs read it, it reads none of them. */
  @Test
  void theSchemaIsPlainDeclarations() {
    noClasses().that().resideInAPackage("dev.ptree.model.schema..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.ptree.rules..", "dev.ptree.engine..",
            "dev.ptree.io..", "dev.ptree.cli..", "dev.ptree.lsp..")
        .check(classes);
  }

  /** The YAML layer, its tolerant reading of half-typed text included, knows nothing above it. */
  @Test
  void theYamlLayerKnowsNoModel() {
    noClasses().that().resideInAPackage("dev.ptree.yaml..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.ptree.model..", "dev.ptree.rules..",
            "dev.ptree.engine..")
        .check(classes);
  }
}
