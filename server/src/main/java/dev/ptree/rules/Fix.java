package dev.ptree.rules;

import java.util.List;

/**
 * A fix: text edits in the finding's document, or a rename of that document ({@code renameTo},
 * a file name in the same folder).
 */
public record Fix(String title, FixSafety safety, List<TextEdit> edits, String renameTo) {
}
