package dev.ptree.rules;

/**
 * SAFE: what nova loads is unchanged, or corrected exactly as the message says; applied by
 * {@code ptree check --fix}. UNSAFE: changes meaning; offered in the editor only.
 */
public enum FixSafety { SAFE, UNSAFE }
