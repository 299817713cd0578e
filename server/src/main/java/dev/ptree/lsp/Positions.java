package dev.ptree.lsp;

import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Offsets (UTF-16 code units into the text, as the core counts) to LSP positions and back. LSP
 * counts characters in UTF-16 code units too, so an astral character is two columns; a position
 * past the end of a line or of the text is clamped into it.
 */
public final class Positions {
  private Positions() {}

  public static Position position(SourceText text, int offset) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int line = text.lineOf(clamped);
    return new Position(line, clamped - text.lineStart(line));
  }

  public static Range range(SourceText text, Span span) {
    return new Range(position(text, span.start()), position(text, span.end()));
  }

  public static int offset(SourceText text, Position position) {
    return text.offsetOf(position.getLine(), position.getCharacter());
  }

  public static Span span(SourceText text, Range range) {
    int start = offset(text, range.getStart());
    int end = offset(text, range.getEnd());
    return new Span(Math.min(start, end), Math.max(start, end));
  }
}
