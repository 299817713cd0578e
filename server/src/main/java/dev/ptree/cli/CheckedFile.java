package dev.ptree.cli;

import dev.ptree.rules.Finding;
import dev.ptree.text.SourceText;
import java.util.List;

/** One checked file with its text (for positions and snippets) and its findings. */
record CheckedFile(String path, SourceText text, List<Finding> findings) {}
