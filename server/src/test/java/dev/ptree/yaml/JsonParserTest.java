package dev.ptree.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.text.Escaper;
import dev.ptree.text.Span;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class JsonParserTest {

  // ---- spans ---------------------------------------------------------------------------------

  private static String slice(String text, YNode node) {
    return text.substring(node.span().start(), node.span().end());
  }

  @Test
  void spansCoverEachTokenExactly() {
    String text = "{\"\uD83D\uDE00\": \"a\\\"b\\u00e9\\n\",\r\n  \"n\" :[1, -2.5e3,true , false,null ],\r\n"
        + "  \"\uD83D\uDE00\uD83D\uDE00\":[{\"k\":\"\uD83D\uDE00\\\\\"}], \"e\": {}}\r\n";
    YamlDocument doc = JsonParser.parse(text);
    assertThat(doc.problems()).isEmpty();
    YMapping root = (YMapping) doc.root();
    assertThat(slice(text, root)).isEqualTo(text.strip());

    YEntry first = root.entries().get(0);
    assertThat(slice(text, first.key())).isEqualTo("\"\uD83D\uDE00\"");
    assertThat(slice(text, first.value())).isEqualTo("\"a\\\"b\\u00e9\\n\"");
    assertThat(((YScalar) first.value()).text()).isEqualTo("a\"b\u00e9\n");

    YSequence numbers = (YSequence) root.get("n");
    assertThat(slice(text, root.entries().get(1).key())).isEqualTo("\"n\"");
    assertThat(slice(text, numbers)).isEqualTo("[1, -2.5e3,true , false,null ]");
    assertThat(numbers.items()).extracting(n -> slice(text, n)).containsExactly("1", "-2.5e3", "true", "false", "null");

    YSequence astral = (YSequence) root.get("\uD83D\uDE00\uD83D\uDE00");
    assertThat(slice(text, root.entries().get(2).key())).isEqualTo("\"\uD83D\uDE00\uD83D\uDE00\"");
    assertThat(slice(text, astral)).isEqualTo("[{\"k\":\"\uD83D\uDE00\\\\\"}]");
    YMapping inner = (YMapping) astral.items().get(0);
    assertThat(slice(text, inner)).isEqualTo("{\"k\":\"\uD83D\uDE00\\\\\"}");
    assertThat(slice(text, inner.entries().get(0).value())).isEqualTo("\"\uD83D\uDE00\\\\\"");
    assertThat(slice(text, root.get("e"))).isEqualTo("{}");
  }

  @Test
  void aRootScalarSpansItsTokenOnly() {
    for (String token : List.of("12", "-0.5e-3", "true", "null", "\"s\"")) {
      String text = "\r\n " + token + " \r\n";
      YamlDocument doc = JsonParser.parse(text);
      assertThat(doc.problems()).isEmpty();
      assertThat(slice(text, doc.root())).isEqualTo(token);
      assertThat(doc.maxCollectionDepth()).isZero();
    }
  }

  @Test
  void aLeadingByteOrderMarkIsSkippedAndSpansStillIndexTheText() {
    String text = "\uFEFF{\"a\": [1]}";
    YamlDocument doc = JsonParser.parse(text);
    assertThat(doc.problems()).isEmpty();
    YMapping root = (YMapping) doc.root();
    assertThat(root.span()).isEqualTo(new Span(1, text.length()));
    assertThat(slice(text, root.entries().get(0).key())).isEqualTo("\"a\"");
    assertThat(slice(text, ((YSequence) root.get("a")).items().get(0))).isEqualTo("1");
  }

  // ---- typing --------------------------------------------------------------------------------

  @Test
  void valuesAreTypedAsPythonsJsonModuleBuildsThem() {
    YamlDocument doc = JsonParser.parse("[\"s\", 7, -9223372036854775808, 4611686018427387903, 4611686018427387904,"
        + " 123456789012345678901234567890, 1.5, -0.0, 1e400, true, false, null, {}, []]");
    assertThat(doc.problems()).isEmpty();
    List<YNode> items = ((YSequence) doc.root()).items();
    assertThat(items).extracting(YNode::kind).containsExactly(ValueKind.STR, ValueKind.INT, ValueKind.INT,
        ValueKind.INT, ValueKind.INT, ValueKind.INT, ValueKind.FLOAT, ValueKind.FLOAT, ValueKind.FLOAT,
        ValueKind.BOOL, ValueKind.BOOL, ValueKind.NULL, ValueKind.MAPPING, ValueKind.SEQUENCE);
    assertThat(items.subList(0, 12)).extracting(n -> ((YScalar) n).value()).containsExactly("s", 7L,
        new BigInteger("-9223372036854775808"), 4611686018427387903L, new BigInteger("4611686018427387904"),
        new BigInteger("123456789012345678901234567890"), 1.5, -0.0, Double.POSITIVE_INFINITY, true, false, null);
    assertThat(((YScalar) items.get(0)).style()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
    assertThat(items.subList(1, 12)).allSatisfy(n -> assertThat(((YScalar) n).style()).isEqualTo(ScalarStyle.PLAIN));
    assertThat(((YScalar) items.get(8)).text()).isEqualTo("1e400");
    assertThat(doc.nodes()).allSatisfy(n -> assertThat(n.explicitTag()).isNull());
    assertThat(((YMapping) items.get(12)).flow()).isTrue();
    assertThat(((YSequence) doc.root()).flow()).isTrue();
  }

  @Test
  void duplicateKeysAreAllKeptInSourceOrder() {
    YamlDocument doc = JsonParser.parse("{\"a\": 1, \"b\": 2, \"a\": 3}");
    assertThat(doc.problems()).isEmpty();
    YMapping root = (YMapping) doc.root();
    assertThat(root.entries()).extracting(YEntry::keyString).containsExactly("a", "b", "a");
    assertThat(root.get("a")).extracting(n -> ((YScalar) n).value()).isEqualTo(3L);
    assertThat(root.isEffective(root.entries().get(0))).isFalse();
    assertThat(root.entries()).noneMatch(YEntry::merged);
  }

  @Test
  void escapedSurrogatesAreKeptAsPythonKeepsThem() {
    YamlDocument doc = JsonParser.parse("[\"\\uD800\", \"\\ud83d\\ude00\", \"\\uDE00\\uD83D\", \"x\\uDBFF\"]");
    assertThat(doc.problems()).isEmpty();
    List<String> texts = ((YSequence) doc.root()).items().stream().map(n -> ((YScalar) n).text()).toList();
    int base = DoubleQuoted.LONE_SURROGATE_BASE;
    assertThat(texts.get(0)).isEqualTo(Character.toString(base));
    assertThat(texts.get(1)).isEqualTo("\uD83D\uDE00"); // a pair is one code point, as in Python
    assertThat(texts.get(2)).isEqualTo(Character.toString(base + 0xDE00 - 0xD800) + Character.toString(base + 0x3D));
    assertThat(texts.get(3)).isEqualTo("x" + Character.toString(base + 0x3FF));
    assertThat(Escaper.escape(texts.get(0))).isEqualTo("\\uD800");
    assertThat(texts.get(0).codePointCount(0, texts.get(0).length())).isEqualTo(1);
  }

  @Test
  void aConfigReadsAsTheSameTreeAsThroughTheYamlParser() {
    // JSON of this shape is also YAML: both layers must build identical nodes from it.
    String config = "{\"meta\": {\"schema_version\": \"1.0\"},\n \"providers\": [\n  {\"identification\":"
        + " {\"uuid\": \"$COMPUTE_NODE\"},\n   \"inventories\": {\"additional\": [{\"CUSTOM_A\": {\"total\": 4,"
        + " \"reserved\": 0, \"allocation_ratio\": 1.5, \"x\": null, \"y\": true}}]},\n   \"traits\":"
        + " {\"additional\": [\"CUSTOM_B\", \"CUSTOM_\\u00c9\"]}}]}\n";
    YamlDocument json = JsonParser.parse(config);
    YamlDocument yaml = YamlParser.parse(config);
    assertThat(json.problems()).isEmpty();
    assertThat(json.root()).isEqualTo(yaml.root());
    assertThat(json.maxCollectionDepth()).isEqualTo(yaml.maxCollectionDepth()).isEqualTo(7);
    assertThat(json.nodes()).containsExactlyInAnyOrderElementsOf(yaml.nodes());
  }

  @Test
  void builtNodesHoldEveryNodeKeysIncluded() {
    YamlDocument doc = JsonParser.parse("{\"a\": [1, {\"b\": null}], \"c\": \"d\"}");
    List<YNode> walked = new YamlDocument(doc.root(), List.of(), 0, false).nodes();
    assertThat(doc.builtNodes()).hasSize(9).containsExactlyInAnyOrderElementsOf(walked);
    assertThat(doc.shared()).isFalse();
    assertThat(doc.maxCollectionDepth()).isEqualTo(3);
  }

  // ---- errors --------------------------------------------------------------------------------

  private static YamlProblem onlyProblem(String text) {
    YamlDocument doc = JsonParser.parse(text);
    assertThat(doc.problems()).as("problems of %s", text).hasSize(1);
    return doc.problems().get(0);
  }

  private static void assertSyntax(String text, String messagePart, String spanned) {
    YamlProblem p = onlyProblem(text);
    assertThat(p.kind()).as("kind for %s", text).isEqualTo(YamlProblem.Kind.SYNTAX);
    assertThat(p.message()).as("message for %s", text).contains(messagePart);
    assertThat(text.substring(p.span().start(), p.span().end())).as("span for %s", text).isEqualTo(spanned);
  }

  @Test
  void trailingCommasPointAtTheComma() {
    String object = "{\"a\": 1 ,\n}";
    assertSyntax(object, "trailing comma before \"}\"", ",");
    assertThat(onlyProblem(object).span().start()).isEqualTo(object.indexOf(','));
    assertSyntax("[1, 2,]", "trailing comma before \"]\"", ",");
    assertThat(JsonParser.parse("[1, 2,]").root()).isNull();
  }

  @Test
  void commentsAreRefused() {
    assertSyntax("[1, // one\n 2]", "comments are not allowed in JSON: found \"//\"", "//");
    assertSyntax("/* c */ [1]", "found \"/*\"", "/*");
    assertSyntax("# c\n[1]", "found \"#\"", "#");
    String after = "{\"a\": 1}\n// done\n";
    assertSyntax(after, "found \"//\"", "//");
    assertThat(JsonParser.parse(after).root()).isInstanceOf(YMapping.class);
  }

  @Test
  void anUnterminatedStringPointsAtItsOpeningQuote() {
    String text = "{\"a\": [\"b\", \"cd";
    assertSyntax(text, "unterminated string", "\"");
    assertThat(onlyProblem(text).span().start()).isEqualTo(text.lastIndexOf('"'));
    assertSyntax("{\"a\": 1, \"bc", "unterminated string", "\"");
    assertSyntax("[\"ab\\", "unterminated string", "\"");
  }

  @Test
  void anUnclosedCollectionIsReportedAtTheEnd() {
    YamlProblem p = onlyProblem("{\"a\": [1, 2");
    assertThat(p.message()).contains("the array is not closed with ']'");
    assertThat(p.span()).isEqualTo(Span.at(11));
    assertThat(onlyProblem("{\"a\": 1").message()).contains("the object is not closed with '}'");
  }

  @Test
  void nanAndInfinityAreNotJson() {
    assertSyntax("[1, NaN]", "\"NaN\" is not a JSON value", "NaN");
    assertSyntax("{\"a\": -Infinity}", "\"-Infinity\" is not a JSON value", "-Infinity");
    assertSyntax("Infinity", "no NaN or Infinity", "Infinity");
  }

  @Test
  void badNumbersAreNamed() {
    assertSyntax("[012]", "invalid number \"012\": JSON numbers have no leading zeros", "012");
    assertSyntax("{\"a\": -01.5}", "leading zeros", "-01.5");
    assertSyntax("[1.]", "invalid number \"1.\"", "1.");
    assertSyntax("[+1]", "invalid number \"+1\"", "+1");
    assertSyntax("[-]", "invalid number \"-\"", "-");
  }

  @Test
  void controlCharactersInStringsAreEscapedInTheMessage() {
    assertSyntax("[\"a\tb\"]", "unescaped control character \"\\t\" in a string", "\t");
    assertSyntax("{\"k\u0001\": 1}", "\"\\u0001\"", "\u0001");
    assertSyntax("[1,\u000B2]", "control character \"\\u000B\" between tokens", "\u000B");
  }

  @Test
  void offendingTextIsQuotedWithEscapes() {
    YamlProblem bidi = onlyProblem("[1, \u202E]");
    assertThat(bidi.message()).contains("unexpected \"\\u202E\"").doesNotContain("\u202E");
    assertSyntax("[1 2]", "unexpected \"2\": expected ',' or ']'", "2");
    assertSyntax("{\"a\" 1}", "expected ':' after the key", "1");
    assertSyntax("{a: 1}", "unexpected \"a\": expected a key in double quotes", "a");
    assertSyntax("['a']", "JSON strings take double quotes", "'");
    assertSyntax("[\"\\q\"]", "invalid escape \"\\q\" in a string", "\\q");
    assertSyntax("[\"\\u12z4\"]", "invalid escape \"\\u12z\"", "\\u12z");
    assertSyntax("[tru]", "unexpected \"tru\": expected a value", "tru");
    assertSyntax("[1}", "unexpected \"}\": expected ']' to close the array", "}");
    assertSyntax("{\"a\": [1]]}", "unexpected \"]\": expected '}' to close the object", "]");
  }

  @Test
  void extraDataAfterTheRootKeepsTheRoot() {
    String text = "{\"a\": 1}\n x {";
    assertSyntax(text, "extra data after the JSON value: \"x\"", "x");
    assertThat(JsonParser.parse(text).root()).isInstanceOf(YMapping.class);
    assertSyntax("[1]]", "extra data after the JSON value: \"]\"", "]");
    assertSyntax("1x", "extra data after the JSON value: \"x\"", "x");
  }

  @Test
  void anEmptyDocumentHasNoRoot() {
    for (String text : List.of("", " \r\n\t", "\uFEFF")) {
      YamlDocument doc = JsonParser.parse(text);
      assertThat(doc.root()).isNull();
      assertThat(doc.problems()).singleElement().satisfies(p -> {
        assertThat(p.kind()).isEqualTo(YamlProblem.Kind.SYNTAX);
        assertThat(p.message()).contains("empty document");
        assertThat(p.span()).isEqualTo(Span.at(text.length()));
      });
      assertThat(doc.nodes()).isEmpty();
    }
  }

  @Test
  void anErrorInsideTheRootLeavesNoPartialTree() {
    YamlDocument doc = JsonParser.parse("{\"providers\": [{\"a\": 1}, {\"b\": ]}");
    assertThat(doc.root()).isNull();
    assertThat(doc.nodes()).isEmpty();
    assertThat(doc.maxCollectionDepth()).isZero();
  }

  // ---- limits --------------------------------------------------------------------------------

  @Test
  @Timeout(value = 2, unit = TimeUnit.SECONDS)
  void nestingBeyondTheLimitStopsWithALimitProblem() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    YamlProblem p = onlyProblem(deep);
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
    assertThat(p.message()).contains("nesting deeper than 1000 levels");
    assertThat(p.span()).isEqualTo(new Span(YamlLimits.MAX_COMPOSED_DEPTH, YamlLimits.MAX_COMPOSED_DEPTH + 1));
    assertThat(JsonParser.parse(deep).root()).isNull();

    int limit = YamlLimits.MAX_COMPOSED_DEPTH;
    YamlDocument atLimit = JsonParser.parse("{\"a\":".repeat(limit - 1) + "[]" + "}".repeat(limit - 1));
    assertThat(atLimit.problems()).isEmpty();
    assertThat(atLimit.maxCollectionDepth()).isEqualTo(limit);
    assertThat(onlyProblem("[".repeat(limit + 1) + "]".repeat(limit + 1)).kind()).isEqualTo(YamlProblem.Kind.LIMIT);
  }

  @Test
  void overlongNumbersAreALimitNotAnException() {
    String digits = "1".repeat(JsonParser.MAX_NUMBER_LENGTH);
    YamlDocument ok = JsonParser.parse("[" + digits + "]");
    assertThat(ok.problems()).isEmpty();
    assertThat(((YScalar) ((YSequence) ok.root()).items().get(0)).value()).isEqualTo(new BigInteger(digits));

    String text = "{\"n\": -" + digits + "1}";
    YamlProblem p = onlyProblem(text);
    assertThat(p.kind()).isEqualTo(YamlProblem.Kind.LIMIT);
    assertThat(text.substring(p.span().start(), p.span().end())).isEqualTo("-" + digits + "1");
    assertThat(onlyProblem("[0." + digits + digits + "]").kind()).isEqualTo(YamlProblem.Kind.LIMIT);
  }

  @Test
  void aStringOf64MegabytesParses() {
    String big = "x".repeat(64 << 20);
    YamlDocument doc = JsonParser.parse("{\"big\": \"" + big + "\"}");
    assertThat(doc.problems()).isEmpty();
    YScalar value = (YScalar) ((YMapping) doc.root()).get("big");
    assertThat(value.text()).hasSize(64 << 20);
    assertThat(value.span().length()).isEqualTo((64 << 20) + 2);
  }

  @Test
  void aMillionObjectsParse() {
    // Empty objects keep the tree (and so the garbage collector's work) small; keys are
    // exercised everywhere else.
    int count = 1_000_000;
    StringBuilder sb = new StringBuilder(count * 3 + 16).append('[');
    for (int i = 0; i < count; i++) {
      sb.append(i == 0 ? "" : ",").append(i == count - 1 ? "{\"a\":9}" : "{}");
    }
    String text = sb.append(']').toString();
    YamlDocument doc = JsonParser.parse(text);
    assertThat(doc.problems()).isEmpty();
    List<YNode> items = ((YSequence) doc.root()).items();
    assertThat(items).hasSize(count);
    assertThat(slice(text, items.get(count - 2))).isEqualTo("{}");
    assertThat(slice(text, items.get(count - 1))).isEqualTo("{\"a\":9}");
    assertThat(doc.builtNodes()).hasSize(1 + count + 2);
  }

  // ---- properties ----------------------------------------------------------------------------

  /** A generated JSON value: a scalar token with what it must parse to, or a collection. */
  private sealed interface J permits Tok, Arr, Obj {}

  private record Tok(String raw, ValueKind kind, Object value) implements J {}

  private record Arr(List<J> items) implements J {}

  private record Obj(List<Tok> keys, List<J> values) implements J {}

  private static final String[][] STRINGS = {
      {"\"\"", ""}, {"\"CUSTOM_X\"", "CUSTOM_X"}, {"\"a\\\"b\"", "a\"b"}, {"\"\\\\\"", "\\"}, {"\"\\/\"", "/"},
      {"\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t"}, {"\"\\u00e9\"", "\u00e9"},
      {"\"\u00e9\uD83D\uDE00\"", "\u00e9\uD83D\uDE00"},
      {"\"\\ud83d\\uDE00\"", "\uD83D\uDE00"}, {"\"\\ud800\"", Character.toString(0xF0000)},
      {"\"\\uDFFF x\"", Character.toString(0xF07FF) + " x"}, {"\"\u2028\u007f\u202e\"", "\u2028\u007f\u202e"},
      {"\"# not // a comment\"", "# not // a comment"}, {"\"\\u0000\"", "\0"}, {"\"a\"", "a"}, {"\"b\"", "b"}};

  private static final Object[][] NUMBERS = {
      {"0", 0L}, {"-0", 0L}, {"17", 17L}, {"-9223372036854775808", new BigInteger("-9223372036854775808")},
      {"4611686018427387903", 4611686018427387903L},
      {"123456789012345678901234567890", new BigInteger("123456789012345678901234567890")},
      {"1.5", 1.5}, {"-0.0", -0.0}, {"1e3", 1000.0}, {"1E-3", 0.001}, {"2.5e+10", 2.5e10},
      {"1e400", Double.POSITIVE_INFINITY}};

  private static final String[] SPACE = {"", "", " ", "\n", "\r\n", "\t", "  \r\n  "};

  @Provide
  Arbitrary<J> values() {
    return value(3);
  }

  private Arbitrary<J> value(int depth) {
    Arbitrary<J> strings = Arbitraries.of(STRINGS).map(s -> new Tok(s[0], ValueKind.STR, s[1]));
    Arbitrary<J> numbers = Arbitraries.of(NUMBERS).map(n -> new Tok((String) n[0],
        n[1] instanceof Double ? ValueKind.FLOAT : ValueKind.INT, n[1]));
    Arbitrary<J> longs = Arbitraries.longs().between(-(1L << 62), (1L << 62) - 1)
        .map(l -> new Tok(Long.toString(l), ValueKind.INT, l));
    Arbitrary<J> literals = Arbitraries.of(new Tok("true", ValueKind.BOOL, true),
        new Tok("false", ValueKind.BOOL, false),
        new Tok("null", ValueKind.NULL, null));
    Arbitrary<J> scalar = Arbitraries.oneOf(strings, numbers, longs, literals);
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<J> child = Arbitraries.lazy(() -> value(depth - 1));
    Arbitrary<J> array = child.list().ofMaxSize(4).map(Arr::new);
    Arbitrary<Tok> key = Arbitraries.of(STRINGS).map(s -> new Tok(s[0], ValueKind.STR, s[1]));
    Arbitrary<J> object = Combinators.combine(key.list().ofMaxSize(4), child.list().ofSize(4))
        .as((keys, values) -> new Obj(keys, values.subList(0, keys.size())));
    return Arbitraries.oneOf(scalar, array, object);
  }

  private static void write(J value, StringBuilder out, Random random) {
    out.append(SPACE[random.nextInt(SPACE.length)]);
    if (value instanceof Tok t) {
      out.append(t.raw());
    } else if (value instanceof Arr a) {
      out.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(a.items().get(i), out, random);
      }
      out.append(SPACE[random.nextInt(SPACE.length)]).append(']');
    } else if (value instanceof Obj o) {
      out.append('{');
      for (int i = 0; i < o.keys().size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(o.keys().get(i), out, random);
        out.append(SPACE[random.nextInt(SPACE.length)]).append(':');
        write(o.values().get(i), out, random);
      }
      out.append(SPACE[random.nextInt(SPACE.length)]).append('}');
    }
    out.append(SPACE[random.nextInt(SPACE.length)]);
  }

  private static void assertMatches(J expected, YNode node, String text) {
    assertThat(node.span().start()).isBetween(0, text.length());
    assertThat(node.span().end()).isBetween(node.span().start(), text.length());
    if (expected instanceof Tok t) {
      YScalar s = (YScalar) node;
      assertThat(slice(text, s)).isEqualTo(t.raw());
      assertThat(s.kind()).isEqualTo(t.kind());
      assertThat(s.value()).isEqualTo(t.value());
      assertThat(s.style()).isEqualTo(t.kind() == ValueKind.STR ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN);
    } else if (expected instanceof Arr a) {
      YSequence q = (YSequence) node;
      assertThat(slice(text, q)).startsWith("[").endsWith("]");
      assertThat(q.items()).hasSameSizeAs(a.items());
      for (int i = 0; i < a.items().size(); i++) {
        assertMatches(a.items().get(i), q.items().get(i), text);
      }
    } else if (expected instanceof Obj o) {
      YMapping m = (YMapping) node;
      assertThat(slice(text, m)).startsWith("{").endsWith("}");
      assertThat(m.entries()).hasSameSizeAs(o.keys());
      for (int i = 0; i < o.keys().size(); i++) {
        assertMatches(o.keys().get(i), m.entries().get(i).key(), text);
        assertMatches(o.values().get(i), m.entries().get(i).value(), text);
      }
    }
  }

  @Property(tries = 400)
  void generatedJsonParsesWithExactSpans(@ForAll("values") J value, @ForAll long seed) {
    StringBuilder out = new StringBuilder();
    write(value, out, new Random(seed));
    String text = out.toString();
    YamlDocument doc = JsonParser.parse(text);
    assertThat(doc.problems()).as("problems of %s", text).isEmpty();
    assertMatches(value, doc.root(), text);
    assertThat(doc.nodes()).as("node list of %s", text)
        .containsExactlyInAnyOrderElementsOf(new YamlDocument(doc.root(), List.of(), 0, false).nodes());
  }

  private static final String[] DAMAGE = {",", "]", "}", "[", "{", "\"", ":", "\\", "/", "#", "0", "-", "NaN", "\u0001",
      "\uD800", "\uFEFF", " x", "1e", "\r"};

  @Property(tries = 300)
  void damagedJsonNeverThrowsAndProblemsPointIntoTheText(@ForAll("values") J value, @ForAll long seed) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    write(value, out, random);
    for (int k = random.nextInt(3) + 1; k > 0; k--) {
      int at = random.nextInt(out.length() + 1);
      if (random.nextBoolean() && at < out.length()) {
        out.deleteCharAt(at);
      } else {
        out.insert(at, DAMAGE[random.nextInt(DAMAGE.length)]);
      }
    }
    String text = out.toString();
    YamlDocument doc = JsonParser.parse(text);
    for (YamlProblem p : doc.problems()) {
      assertThat(p.span().end()).as("problem %s in %s", p, text).isLessThanOrEqualTo(text.length());
    }
    for (YNode node : doc.nodes()) {
      assertThat(node.span().end()).as("node %s in %s", node, text).isLessThanOrEqualTo(text.length());
    }
    assertThat(doc.root() != null || !doc.problems().isEmpty())
        .as("a text with no root has a problem: %s", text).isTrue();
  }
}
