package dev.ptree.model;

import dev.ptree.yaml.YNode;

/** One item of {@code traits.additional}; {@code name} is null when it is not a string. */
public record TraitItem(int index, YNode node, String name) {}
