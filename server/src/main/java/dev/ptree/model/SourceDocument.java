package dev.ptree.model;

import dev.ptree.text.SourceText;

/**
 * One input document as the edge read it. {@code path} identifies it in output (a file path or a
 * URI); {@code fileName} is its last segment, which decides nova's treatment (only *.yaml loads).
 * {@code readProblem} is set when the bytes could not be read or decoded as nova would.
 */
public record SourceDocument(String path, String fileName, SourceText text, ReadProblem readProblem) {

  public static SourceDocument of(String path, String text) {
    return of(path, new SourceText(text));
  }

  public static SourceDocument of(String path, SourceText text) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return new SourceDocument(path, path.substring(slash + 1), text, null);
  }

  /**
   * Why the bytes are not the text nova would read. {@code offset} is where in {@code text} (the
   * lenient decoding) the problem starts; {@code novaCrashes} when nova dies on it rather than
   * refusing it cleanly (a UnicodeDecodeError is not caught by nova's loader).
   */
  public record ReadProblem(String message, int offset, boolean novaCrashes) {}
}
