package dev.ptree.yaml;

import dev.ptree.text.Span;

/** Something wrong with the YAML itself, found while parsing; never thrown. */
public record YamlProblem(Kind kind, String message, Span span) {
  public enum Kind {
    /** PyYAML raises a YAMLError: nova reports "Unable to load yaml file". */
    SYNTAX,
    /** PyYAML's constructor raises a plain Python exception: nova crashes. */
    CRASH,
    /** Beyond what we parse (depth, size): reported, the document is not analysed further. */
    LIMIT
  }
}
