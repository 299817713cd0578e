package dev.ptree.yaml;

import java.util.List;

/**
 * The result of parsing one YAML text: the root node (null for an empty stream or when the text
 * could not be composed) and every problem found. Parsing never throws.
 */
public record YamlDocument(YNode root, List<YamlProblem> problems, int maxCollectionDepth) {}
