package dev.ptree.rules;

import dev.ptree.text.Span;

/** Replace the text of {@code span} with {@code replacement}, in the finding's own document. */
public record TextEdit(Span span, String replacement) {}
