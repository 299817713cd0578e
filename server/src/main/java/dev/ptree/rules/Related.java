package dev.ptree.rules;

import dev.ptree.text.Span;

/** Another place involved in a finding, possibly in another document. */
public record Related(String path, Span span, String message) {}
