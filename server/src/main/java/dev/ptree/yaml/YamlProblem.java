package dev.ptree.yaml;

import dev.ptree.text.Span;

/**
 * Something wrong with the YAML (or JSON) itself, found while parsing; never thrown. The code
 * says which problem it is, so that no reader has to recognise one by its message.
 */
public record YamlProblem(Code code, String message, Span span) {
  public enum Kind {
    /** PyYAML raises a YAMLError: nova reports "Unable to load yaml file". */
    SYNTAX,
    /** PyYAML's constructor raises a plain Python exception: nova crashes. */
    CRASH,
    /** Beyond what we parse (depth, size): reported, the document is not analysed further. */
    LIMIT
  }

  /** Every problem the parsers report, each of one kind. */
  public enum Code {
    /** The scanner or parser refuses the text (YAML), or the text is not well-formed JSON. */
    SYNTAX(Kind.SYNTAX),
    /** A second document in the stream: nova's safe_load takes exactly one. */
    EXTRA_DOCUMENT(Kind.SYNTAX),
    /** A character PyYAML's reader refuses before parsing (a control character, say). */
    NON_PRINTABLE(Kind.SYNTAX),
    /** A tab outside a quoted or block scalar and a comment, where PyYAML's scanner stops. */
    STRAY_TAB(Kind.SYNTAX),
    /** An escape a double-quoted scalar may not hold. */
    BAD_ESCAPE(Kind.SYNTAX),
    /** An anchor or alias name with a character PyYAML does not allow in one. */
    INVALID_ANCHOR(Kind.SYNTAX),
    /** A second anchor of the same name. */
    DUPLICATE_ANCHOR(Kind.SYNTAX),
    /** A simple key longer than the 1,024 characters PyYAML's scanner looks ahead. */
    KEY_TOO_LONG(Kind.SYNTAX),
    /** A mapping or sequence as a mapping key. */
    UNHASHABLE_KEY(Kind.SYNTAX),
    /** A tag no safe_load constructor knows. */
    UNKNOWN_TAG(Kind.SYNTAX),
    /** A standard tag on a node of the wrong kind (a {@code !!map} on a sequence, say). */
    TAG_MISMATCH(Kind.SYNTAX),
    /** An item of an {@code !!omap} or {@code !!pairs} that is not a mapping of one entry. */
    BAD_ORDERED_MAP(Kind.SYNTAX),
    /** A merge key whose value is neither a mapping nor a list of mappings. */
    BAD_MERGE(Kind.SYNTAX),
    /** A {@code !!binary} scalar that is not base64. */
    BAD_BINARY(Kind.SYNTAX),
    /** A JSON text with no value in it. */
    EMPTY_DOCUMENT(Kind.SYNTAX),
    /** A node that contains itself through an alias. */
    RECURSIVE_ALIAS(Kind.CRASH),
    /** PyYAML raises building a value (ValueError on 2024-02-30, say). */
    CONSTRUCTOR_CRASH(Kind.CRASH),
    /** The YAML scanner fails with an exception of its own, as PyYAML does on the same text. */
    SCANNER_CRASH(Kind.CRASH),
    /** YAML nesting deeper than we compose: nova crashes on it with RecursionError. */
    DEPTH_LIMIT(Kind.LIMIT),
    /** JSON nesting deeper than we analyse (nova never reads JSON). */
    JSON_DEPTH_LIMIT(Kind.LIMIT),
    /** A JSON number longer than the digits we analyse. */
    NUMBER_TOO_LONG(Kind.LIMIT),
    /** Another bound of the underlying parser stops it. */
    PARSER_LIMIT(Kind.LIMIT),
    /** The JSON parser fails on the text in a way it does not describe. */
    PARSER_FAILURE(Kind.LIMIT);

    private final Kind kind;

    Code(Kind kind) {
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  public Kind kind() {
    return code.kind();
  }
}
