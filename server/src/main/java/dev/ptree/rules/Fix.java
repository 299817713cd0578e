package dev.ptree.rules;

import java.util.List;

/**
 * A fix: text edits in the finding's document, or a rename of that document ({@code renameTo},
 * a file name in the same folder).
 */
public record Fix(String title, FixSafety safety, List<TextEdit> edits, String renameTo) {
  public static Fix edit(String title, FixSafety safety, TextEdit... edits) {
    return new Fix(title, safety, List.of(edits), null);
  }

  public static Fix rename(String title, FixSafety safety, String newName) {
    return new Fix(title, safety, List.of(), newName);
  }
}
