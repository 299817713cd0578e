package dev.ptree.rules;

/** The fixed outline of a rule's documentation: what, why, an example, and fix safety. */
public record RuleDoc(String what, String why, String example, String fix) {}
