package dev.ptree.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.yaml.YamlProblem.Code;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each problem the parsers report carries the code that names it, so rules choose by code and
 * never by message. One input per code. Not listed: {@link Code#BAD_ESCAPE} and
 * {@link Code#KEY_TOO_LONG}, second checks behind SnakeYAML's own (which refuses every such text
 * known here first, as {@link Code#SYNTAX}), and {@link Code#PARSER_LIMIT} and {@link Code#PARSER_FAILURE},
 * the fallbacks for failures the parsers do not describe.
 */
class YamlProblemCodeTest {
  static Stream<Arguments> yaml() {
    return Stream.of(
        Arguments.of("a: [1, 2\n", Code.SYNTAX),
        Arguments.of("a: 1\n---\nb: 2\n", Code.EXTRA_DOCUMENT),
        Arguments.of("a: x\u0007y\n", Code.NON_PRINTABLE),
        Arguments.of("a: 1\t\n", Code.STRAY_TAB),
        Arguments.of("a: &x@ 1\n", Code.INVALID_ANCHOR),
        Arguments.of("a: &x 1\nb: &x 2\n", Code.DUPLICATE_ANCHOR),
        Arguments.of("? [1]\n: 2\n", Code.UNHASHABLE_KEY),
        Arguments.of("a: !foo 1\n", Code.UNKNOWN_TAG),
        Arguments.of("a: !!map [1]\n", Code.TAG_MISMATCH),
        Arguments.of("a: !!omap [1]\n", Code.BAD_ORDERED_MAP),
        Arguments.of("a: 1\n<<: 2\n", Code.BAD_MERGE),
        Arguments.of("a: !!binary 'a'\n", Code.BAD_BINARY),
        Arguments.of("a: &x [*x]\n", Code.RECURSIVE_ALIAS),
        Arguments.of("a: 2024-02-30\n", Code.CONSTRUCTOR_CRASH),
        Arguments.of("a: \"\\UFFFFFFFF\"\n", Code.SCANNER_CRASH),
        Arguments.of("a:" + " [".repeat(YamlLimits.MAX_COMPOSED_DEPTH + 1)
            + "]".repeat(YamlLimits.MAX_COMPOSED_DEPTH + 1), Code.DEPTH_LIMIT));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("yaml")
  void yamlProblemsCarryTheirCode(String text, Code code) {
    assertThat(YamlParser.parse(text).problems()).extracting(YamlProblem::code).containsExactly(code);
  }

  static Stream<Arguments> json() {
    return Stream.of(
        Arguments.of("[1, 2,]", Code.SYNTAX),
        Arguments.of("", Code.EMPTY_DOCUMENT),
        Arguments.of("[".repeat(YamlLimits.MAX_COMPOSED_DEPTH + 1), Code.JSON_DEPTH_LIMIT),
        Arguments.of("[" + "1".repeat(JsonParser.MAX_NUMBER_LENGTH + 1) + "]", Code.NUMBER_TOO_LONG));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("json")
  void jsonProblemsCarryTheirCode(String text, Code code) {
    assertThat(JsonParser.parse(text).problems()).extracting(YamlProblem::code).containsExactly(code);
  }
}
