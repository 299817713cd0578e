package dev.ptree.yaml;

import dev.ptree.text.Span;

/** One key/value pair. {@code merged} marks entries brought in by a {@code <<} merge key. */
public record YEntry(YNode key, YNode value, boolean merged) {
  public Span keySpan() {
    return key.span();
  }

  /** The key as a string when PyYAML builds a str for it, else null. */
  public String keyString() {
    return key instanceof YScalar s && s.isString() ? s.text() : null;
  }
}
