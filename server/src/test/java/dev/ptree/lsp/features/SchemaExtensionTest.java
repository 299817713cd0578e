package dev.ptree.lsp.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.model.ProviderConfigReader;
import dev.ptree.model.SourceDocument;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.model.schema.Key;
import dev.ptree.model.schema.Schema;
import dev.ptree.model.schema.Schemas;
import dev.ptree.model.schema.TreeFileSchema;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Reporter;
import dev.ptree.rules.syntax.UnknownKey;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/**
 * Adding a key is one edit: one more {@link Key} in the schema, and completion, its documentation
 * and the unknown-key rule all know it.
 */
class SchemaExtensionTest {
  private static final Key DESCRIPTION = Key.string("description").doc("A note for the operators.");
  private static final Schema EXTENDED = ConfigSchema.SCHEMA.with(List.of("providers", Schema.ITEM), DESCRIPTION);

  private static final String CONFIG = """
      meta:
        schema_version: '1.0'
      providers:
        - identification: {name: cn1}
          description: racked in A12
          traits:
            additional: [CUSTOM_A]
      """;

  @Test
  void completionOffersTheKeyWithItsDocumentation() {
    String text = "providers:\n  - identification: {name: cn1}\n    desc";
    Schemas schemas = new Schemas(EXTENDED, TreeFileSchema.SCHEMA);
    List<CompletionItem> items = Completions.complete(null, Sample.CONFIG_PATH, text, text.length(),
        FeatureDsl.CATALOGUE, schemas);
    CompletionItem item = items.stream().filter(i -> i.getLabel().equals("description")).findFirst().orElseThrow();
    assertThat(item.getTextEdit().getLeft().getNewText()).isEqualTo("description: ");
    Completions.resolve(item, FeatureDsl.CATALOGUE, schemas);
    assertThat(item.getDocumentation().getRight().getValue()).isEqualTo("A note for the operators.");

    List<CompletionItem> plain = Completions.complete(null, Sample.CONFIG_PATH, text, text.length(),
        FeatureDsl.CATALOGUE, Schemas.DEFAULT);
    assertThat(plain).extracting(CompletionItem::getLabel).doesNotContain("description");
  }

  @Test
  void theUnknownKeyRuleKnowsTheKey() {
    assertThat(unknownKeys(new UnknownKey())).containsExactly(
        "unknown key \"description\" in a provider is ignored by nova");
    assertThat(unknownKeys(new UnknownKey(EXTENDED))).isEmpty();
  }

  @Test
  void theSchemaLeadsToTheKeyWithItsDeclaration() {
    Key key = EXTENDED.at("providers", Schema.ITEM, "description");
    assertThat(key).isNotNull();
    assertThat(key.type()).isEqualTo(Key.Type.STRING);
    assertThat(ConfigSchema.SCHEMA.at("providers", Schema.ITEM, "description")).isNull();
    // the rest of the schema is unchanged
    assertThat(EXTENDED.at("providers", Schema.ITEM, "identification").childNames()).containsExactly("uuid", "name");
  }

  private static List<String> unknownKeys(UnknownKey rule) {
    var file = ProviderConfigReader.read(SourceDocument.of("provider_config/a.yaml", CONFIG));
    Reporter out = new Reporter(rule.info());
    rule.check(file, out);
    return out.findings().stream().map(Finding::message).toList();
  }
}
