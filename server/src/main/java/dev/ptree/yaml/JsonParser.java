package dev.ptree.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.ptree.text.Escaper;
import dev.ptree.text.Span;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses the JSON form of a provider tree ({@code *.ptree.json}) into the node model the YAML
 * layer builds, so every rule walks both alike: strings are double-quoted {@link YScalar}s,
 * numbers, booleans and null plain ones, objects flow {@link YMapping}s keeping every entry
 * (duplicates included, in source order), arrays flow {@link YSequence}s. Jackson's streaming
 * parser checks the syntax strictly (RFC 8259: no comments, trailing commas, NaN or leading
 * zeros); the tree is built here, iteratively, with spans in UTF-16 offsets into the text.
 *
 * <p>Never throws. The root is the complete top-level value, or null: when the text is empty,
 * or when an error interrupts the value (the nodes built so far are dropped, as the YAML path
 * drops them, so that no rule reads a document cut short as if it were whole). An error after a
 * complete value (extra data) keeps that value. {@code maxCollectionDepth} and
 * {@code builtNodes} describe the returned root. A leading byte order mark is skipped silently;
 * spans still index the given text.
 */
public final class JsonParser {
  /** Longer numbers are not analysed; Python itself refuses int strings of more than 4,300 digits. */
  static final int MAX_NUMBER_LENGTH = 4300;

  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .streamReadConstraints(StreamReadConstraints.builder()
          // Our own depth check stops first, at a token we can point at; this is a backstop.
          .maxNestingDepth(YamlLimits.MAX_COMPOSED_DEPTH + 1)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          // The whole text is already in memory: strings and names are bounded by it alone.
          .maxStringLength(Integer.MAX_VALUE)
          .maxNameLength(Integer.MAX_VALUE)
          .build())
      // Duplicate keys are data for the rules, not a parse error.
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // Messages come from getOriginalMessage and our own text, never with the source inlined.
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      // Many colliding key names would otherwise make Jackson refuse a valid document.
      .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
      // Names are still canonicalised per parse; interning would fill the JVM's table for nothing.
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .build();

  private JsonParser() {}

  public static YamlDocument parse(String text) {
    return new Run(text).parse();
  }

  /** An object or array whose closing bracket has not been read yet. */
  private static final class Open {
    final boolean object;
    final int start;
    final List<YEntry> entries;
    final List<YNode> items;
    YScalar key;

    Open(boolean object, int start) {
      this.object = object;
      this.start = start;
      this.entries = object ? new ArrayList<>() : null;
      this.items = object ? null : new ArrayList<>();
    }

    void add(YNode value) {
      if (object) {
        entries.add(new YEntry(key, value, false));
        key = null;
      } else {
        items.add(value);
      }
    }

    YNode close(int end) {
      Span span = new Span(start, end);
      return object
          ? new YMapping(List.copyOf(entries), span, null, ValueKind.MAPPING, true)
          : new YSequence(List.copyOf(items), span, null, ValueKind.SEQUENCE, true);
    }
  }

  private static final class Run {
    private final String text;
    /** Where Jackson starts reading: past a byte order mark, which it would refuse. */
    private final int base;
    private final List<YamlProblem> problems = new ArrayList<>();
    private final List<YNode> nodes;
    private final ArrayDeque<Open> open = new ArrayDeque<>();
    /** Short values repeat thousands of times in a large tree: each String is built once. */
    private final String[] pool = new String[1 << 12];
    private final char[] chars;
    /** The end of the last token read: the failing token starts at the next one after it. */
    private int cursor;
    private int maxDepth;

    Run(String text) {
      this.text = text;
      this.base = text.startsWith("\uFEFF") ? 1 : 0;
      this.cursor = base;
      // A char[] source gives Jackson a single buffer: its char offsets are then exact for every
      // token (read through a Reader, a name's offset can be wrong at the end of the input).
      this.chars = text.toCharArray();
      this.nodes = new ArrayList<>(Math.max(16, Math.min(text.length() / 8, 1 << 16)));
    }

    YamlDocument parse() {
      YNode root = null;
      try (com.fasterxml.jackson.core.JsonParser parser = FACTORY.createParser(chars, base, chars.length - base)) {
        root = read(parser);
      } catch (JsonProcessingException e) {
        problems.add(describe(e));
      } catch (IOException | RuntimeException e) {
        problems.add(new YamlProblem(YamlProblem.Code.PARSER_FAILURE, "the JSON parser failed on this text ("
            + e.getClass().getSimpleName() + ")", Span.at(Math.min(cursor, text.length()))));
      }
      if (root == null) {
        return new YamlDocument(null, List.copyOf(problems), 0, false, List.of());
      }
      YamlProblem extra = JsonErrors.extraData(text, root.span().end());
      if (extra != null) {
        problems.add(extra);
      }
      return new YamlDocument(root, List.copyOf(problems), maxDepth, false, Collections.unmodifiableList(nodes));
    }

    /** The root value, or null when the text holds none or nesting goes too deep. */
    private YNode read(com.fasterxml.jackson.core.JsonParser parser) throws IOException {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int start = offset(parser.currentTokenLocation());
        YNode node;
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            if (open.size() >= YamlLimits.MAX_COMPOSED_DEPTH) {
              problems.add(new YamlProblem(YamlProblem.Code.JSON_DEPTH_LIMIT, "nesting deeper than "
                  + YamlLimits.MAX_COMPOSED_DEPTH + " levels: not analysed", new Span(start, start + 1)));
              return null;
            }
            open.push(new Open(token == JsonToken.START_OBJECT, start));
            maxDepth = Math.max(maxDepth, open.size());
            cursor = start + 1;
            continue;
          }
          case FIELD_NAME -> {
            YScalar key = made(string(parser.currentName(), start));
            open.peek().key = key;
            cursor = key.span().end();
            continue;
          }
          case END_OBJECT, END_ARRAY -> node = open.pop().close(start + 1);
          case VALUE_STRING -> node = string(pooled(parser.getTextCharacters(), parser.getTextOffset(),
              parser.getTextLength()), start);
          case VALUE_NUMBER_INT -> node = integer(parser, start);
          case VALUE_NUMBER_FLOAT -> node = number(start, ValueKind.FLOAT, parser.getDoubleValue());
          case VALUE_TRUE -> node = plain("true", start, ValueKind.BOOL, Boolean.TRUE);
          case VALUE_FALSE -> node = plain("false", start, ValueKind.BOOL, Boolean.FALSE);
          case VALUE_NULL -> node = plain("null", start, ValueKind.NULL, null);
          default -> throw new IllegalStateException("unexpected token " + token);
        }
        made(node);
        cursor = node.span().end();
        if (open.isEmpty()) {
          return node;
        }
        open.peek().add(node);
      }
      problems.add(new YamlProblem(YamlProblem.Code.EMPTY_DOCUMENT, "empty document: expected a JSON value",
          Span.at(text.length())));
      return null;
    }

    private YamlProblem describe(JsonProcessingException e) {
      int at = offset(e.getLocation());
      try {
        return e instanceof StreamConstraintsException
            ? JsonErrors.limit(text, cursor, e.getOriginalMessage())
            : JsonErrors.syntax(text, cursor, at, e.getOriginalMessage(), open.isEmpty() ? null : open.peek().object);
      } catch (RuntimeException unexpected) {
        // Describing must not be what breaks "never throws": fall back to Jackson's own words.
        return new YamlProblem(YamlProblem.Code.SYNTAX, Escaper.escape(String.valueOf(e.getOriginalMessage())),
            Span.at(at));
      }
    }

    private int offset(JsonLocation location) {
      long at = location == null ? -1 : location.getCharOffset();
      return at < 0 ? Math.min(cursor, text.length()) : (int) Math.min(base + at, text.length());
    }

    /** A string token at {@code start} (its opening quote), already decoded by Jackson. */
    private YScalar string(String decoded, int start) {
      String value = pythonSurrogates(decoded);
      Span span = new Span(start, stringEnd(text, start));
      return new YScalar(value, ScalarStyle.DOUBLE_QUOTED, span, null, ValueKind.STR, value);
    }

    /** Python's int as the YAML path builds it (ScalarBuilder): a Long below 2^62, else a BigInteger. */
    private YScalar integer(com.fasterxml.jackson.core.JsonParser parser, int start) throws IOException {
      Number value;
      if (parser.getNumberType() == com.fasterxml.jackson.core.JsonParser.NumberType.BIG_INTEGER) {
        value = parser.getBigIntegerValue();
      } else {
        long v = parser.getLongValue();
        value = v >= -(1L << 62) && v < (1L << 62) ? (Number) v : BigInteger.valueOf(v);
      }
      return number(start, ValueKind.INT, value);
    }

    private YScalar number(int start, ValueKind kind, Object value) {
      return plain(pooled(chars, start, numberEnd(text, start) - start), start, kind, value);
    }

    private static YScalar plain(String token, int start, ValueKind kind, Object value) {
      return new YScalar(token, ScalarStyle.PLAIN, new Span(start, start + token.length()), null, kind, value);
    }

    /** The String of {@code length} chars at {@code start}, shared with an earlier equal short one. */
    private String pooled(char[] buffer, int start, int length) {
      if (length > 48) {
        return new String(buffer, start, length);
      }
      int h = length;
      for (int i = start; i < start + length; i++) {
        h = 31 * h + buffer[i];
      }
      int slot = (h ^ (h >>> 13)) & (pool.length - 1);
      String cached = pool[slot];
      if (cached != null && sameChars(cached, buffer, start, length)) {
        return cached;
      }
      String fresh = new String(buffer, start, length);
      pool[slot] = fresh;
      return fresh;
    }

    private static boolean sameChars(String s, char[] buffer, int start, int length) {
      if (s.length() != length) {
        return false;
      }
      for (int i = 0; i < length; i++) {
        if (s.charAt(i) != buffer[start + i]) {
          return false;
        }
      }
      return true;
    }

    /** Records every node as it is built: the document's node list comes for free. */
    private <T extends YNode> T made(T node) {
      nodes.add(node);
      return node;
    }
  }

  /** Past the closing quote of the string opening at {@code start}, or -1 if the text ends first. */
  static int stringEnd(String text, int start) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Past the number starting at {@code start} (or whatever looks like one there). */
  static int numberEnd(String text, int start) {
    int i = start;
    while (i < text.length() && isNumberChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  /**
   * Python's json module joins an escaped surrogate pair into one code point, as a Java string
   * does, but keeps a lone surrogate as a code point of its own. Each lone one becomes the
   * private-use stand-in the YAML layer uses for it (see {@link DoubleQuoted#LONE_SURROGATE_BASE}),
   * so it counts, compares and prints alike whichever format it came from.
   */
  static String pythonSurrogates(String s) {
    int i = 0;
    while (i < s.length() && !Character.isSurrogate(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(i + 1));
        i += 2;
      } else {
        if (Character.isSurrogate(c)) {
          out.appendCodePoint(DoubleQuoted.LONE_SURROGATE_BASE + c - 0xD800);
        } else {
          out.append(c);
        }
        i++;
      }
    }
    return out.toString();
  }
}
