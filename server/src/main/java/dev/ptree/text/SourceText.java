package dev.ptree.text;

import java.util.Arrays;

/**
 * A document's text with a line index. Offsets everywhere in the core are UTF-16 indexes into
 * {@link #content()}; the edges convert them to LSP or CLI positions with the helpers here.
 * Lines end at LF, CR or CRLF, as both YAML and the LSP define them.
 */
public final class SourceText {
  private final String content;
  private final int[] lineStarts;
  private boolean ascii = true;

  public SourceText(String content) {
    this.content = content;
    this.lineStarts = indexLines(content);
  }

  /** Whether every character is ASCII, so scans for unusual characters can be skipped. */
  public boolean isAscii() {
    return ascii;
  }

  private int[] indexLines(String s) {
    int[] starts = new int[16];
    int count = 1;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c > 0x7F) {
        ascii = false;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  public String content() {
    return content;
  }

  public int length() {
    return content.length();
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** Zero-based line containing the offset (an offset at a line break belongs to that line). */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.min(Math.max(offset, 0), content.length()));
    return i >= 0 ? i : -i - 2;
  }

  public int lineStart(int line) {
    return lineStarts[Math.min(Math.max(line, 0), lineStarts.length - 1)];
  }

  /** End of the line's content, before its line break. */
  public int lineEnd(int line) {
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : content.length();
    while (end > lineStart(line) && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  public String lineText(int line) {
    return content.substring(lineStart(line), lineEnd(line));
  }

  /** Zero-based UTF-16 column, as LSP counts it. */
  public int utf16Column(int offset) {
    return offset - lineStart(lineOf(offset));
  }

  /** One-based column in code points, as people and most CLIs count it. */
  public int codePointColumn(int offset) {
    int start = lineStart(lineOf(offset));
    return content.codePointCount(start, Math.min(offset, content.length())) + 1;
  }

  /** Offset for a zero-based line and UTF-16 column, clamped into the text. */
  public int offsetOf(int line, int utf16Column) {
    if (line < 0) {
      return 0;
    }
    if (line >= lineStarts.length) {
      return content.length();
    }
    return Math.min(lineStart(line) + Math.max(utf16Column, 0), lineEnd(line));
  }

  public String slice(Span span) {
    return content.substring(span.start(), span.end());
  }
}
