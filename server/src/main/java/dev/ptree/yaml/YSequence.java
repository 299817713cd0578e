package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.List;

public record YSequence(List<YNode> items, Span span, String explicitTag, ValueKind kind,
    boolean flow) implements YNode {}
