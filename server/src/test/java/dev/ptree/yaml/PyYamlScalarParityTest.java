package dev.ptree.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.Fixtures;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the table was produced by the real PyYAML; the resolver must agree with each. */
class PyYamlScalarParityTest {
  static Stream<Arguments> rows() throws IOException {
    return Files.readAllLines(Fixtures.path("yaml", "pyyaml-scalars.tsv")).stream()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("\t", -1))
        .map(cols -> Arguments.of(cols[0], cols[1], cols[2]));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("rows")
  void plainScalarTypesLikePyYaml(String input, String kind, String value) {
    YamlDocument doc = YamlParser.parse("v: " + input + "\n");
    switch (kind) {
      case "crash" -> assertThat(doc.problems()).extracting(YamlProblem::kind).containsExactly(YamlProblem.Kind.CRASH);
      case "YAMLError" -> assertThat(doc.problems()).extracting(YamlProblem::kind).contains(YamlProblem.Kind.SYNTAX);
      default -> {
        assertThat(doc.problems()).isEmpty();
        YScalar scalar = (YScalar) ((YMapping) doc.root()).get("v");
        assertThat(scalar.kind().name()).isEqualTo(kind);
        switch (kind) {
          case "INT" -> assertThat(new BigInteger(scalar.value().toString())).isEqualTo(new BigInteger(value));
          case "FLOAT" -> assertThat(scalar.value()).isEqualTo((Object) Double.valueOf(pythonFloat(value)));
          case "BOOL" -> assertThat(scalar.value()).isEqualTo(value.equals("True"));
          case "NULL" -> assertThat(scalar.value()).isNull();
          default -> assertThat(scalar.text()).isEqualTo(value);
        }
      }
    }
  }

  private static double pythonFloat(String repr) {
    return switch (repr) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(repr);
    };
  }
}
