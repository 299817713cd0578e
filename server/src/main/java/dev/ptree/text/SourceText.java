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
    this.origin = null;
    this.keptPrefix = 0;
    this.keptSuffix = 0;
  }

  /**
   * The text this one was edited from ({@link #edited}), held weakly, and how many characters at
   * its start and at its end the edit left alone (at least that many: a bound, not the exact
   * common prefix). Null for a text read whole.
   */
  private final java.lang.ref.WeakReference<SourceText> origin;
  private final int keptPrefix;
  private final int keptSuffix;

  private SourceText(String content, int[] lineStarts, boolean ascii, SourceText origin, int keptPrefix,
      int keptSuffix) {
    this.content = content;
    this.lineStarts = lineStarts;
    this.ascii = ascii;
    this.origin = origin == null ? null : new java.lang.ref.WeakReference<>(origin);
    this.keptPrefix = keptPrefix;
    this.keptSuffix = keptSuffix;
  }

  /**
   * When this text was made by one edit of {@code before}: how many characters at the start and at
   * the end of both texts are surely equal ({@code [prefix, suffix]}); null when it was not, and
   * only comparing the texts tells.
   */
  public int[] keptSince(SourceText before) {
    return origin != null && origin.get() == before ? new int[] {keptPrefix, keptSuffix} : null;
  }

  /**
   * This text with {@code [start, end)} replaced: the line index is this one's, moved past the
   * edit and read again only around it, so an edit costs its lines, not the document's.
   */
  public SourceText edited(int start, int end, String replacement) {
    String next = new StringBuilder(content.length() - (end - start) + replacement.length())
        .append(content, 0, start).append(replacement).append(content, end, content.length()).toString();
    int delta = replacement.length() - (end - start);
    // Lines from the one holding start - 1 (a CR there may pair with an LF the edit brings) to
    // the first line start after end + 1 (a break there, and the character before it, are
    // unchanged) are indexed again; the rest are this text's, moved by delta after the edit.
    int first = lineOf(Math.max(0, start - 1));
    int after = first + 1;
    while (after < lineStarts.length && lineStarts[after] <= end + 1) {
      after++;
    }
    int scanEnd = after < lineStarts.length ? lineStarts[after] + delta : next.length();
    int[] starts = new int[lineStarts.length + 16];
    System.arraycopy(lineStarts, 0, starts, 0, first + 1);
    int count = first + 1;
    for (int i = lineStarts[first]; i < scanEnd; i++) {
      char c = next.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < next.length() && next.charAt(i + 1) == '\n') {
          i++;
        }
        if (i + 1 < scanEnd || after == lineStarts.length) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        }
      }
    }
    int tail = lineStarts.length - after;
    if (count + tail + 1 > starts.length) {
      starts = Arrays.copyOf(starts, count + tail + 1);
    }
    if (after < lineStarts.length) {
      starts[count++] = scanEnd;
      for (int k = after + 1; k < lineStarts.length; k++) {
        starts[count++] = lineStarts[k] + delta;
      }
    }
    // Not-ASCII is kept even if the edit took the last such character: the flag only lets scans be skipped.
    SourceText edited = new SourceText(next, Arrays.copyOf(starts, count), ascii && isAscii(replacement), this, start,
        content.length() - end);
    for (String needle : absent) {
      if (!occursNear(next, needle, start, start + replacement.length())) {
        edited.absent.add(needle);
      }
    }
    return edited;
  }

  /** Whether {@code needle} occurs in {@code text} overlapping [from, to). */
  private static boolean occursNear(String text, String needle, int from, int to) {
    int first = Math.max(0, from - needle.length() + 1);
    int last = Math.min(text.length() - needle.length(), to);
    for (int i = first; i <= last; i++) {
      if (text.startsWith(needle, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the text holds {@code needle}. A text knows which needles it was found not to hold,
   * and a text edited from it keeps knowing that where the edit brought none: a quick check that
   * skips a whole-file scan costs an edit its own characters, not the document's.
   */
  public boolean contains(String needle) {
    if (absent.contains(needle)) {
      return false;
    }
    boolean found = content.contains(needle);
    if (!found) {
      absent.add(needle);
    }
    return found;
  }

  private final java.util.Set<String> absent = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** How many characters two strings begin with alike. */
  public static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** How many characters, at most {@code limit}, two strings end with alike. */
  public static int commonSuffix(String a, String b, int limit) {
    int i = 0;
    while (i < limit && a.charAt(a.length() - 1 - i) == b.charAt(b.length() - 1 - i)) {
      i++;
    }
    return i;
  }

  /** Whether every character of {@code s} is ASCII. */
  public static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
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
