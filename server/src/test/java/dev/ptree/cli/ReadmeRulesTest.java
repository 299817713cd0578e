package dev.ptree.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's rule table is generated from the code (`ptree rules --table`); it must not drift. */
class ReadmeRulesTest {
  @Test
  void readmeListsTheRulesExactlyAsTheCodeDefinesThem() throws IOException {
    String readme = Files.readString(Fixtures.root().getParent().resolve("README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf("<!-- rules:begin -->\n");
    int end = readme.indexOf("<!-- rules:end -->");
    assertThat(begin).isNotNegative();
    String block = readme.substring(begin + "<!-- rules:begin -->\n".length(), end);
    assertThat(block).as("regenerate with: java -jar server/target/ptree.jar rules --table")
        .isEqualTo(RulesCommand.table());
  }

  @Test
  void theRuleReferenceIsGeneratedFromTheCode() throws IOException {
    String doc = Files.readString(Fixtures.root().getParent().resolve("docs/rules.md"), StandardCharsets.UTF_8);
    assertThat(doc).as("regenerate with: java -jar server/target/ptree.jar rules --markdown > docs/rules.md")
        .isEqualTo(RulesCommand.reference());
  }
}
