package dev.ptree.text;

/** A half-open range of UTF-16 offsets into one document's text. */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  public static Span at(int offset) {
    return new Span(offset, offset);
  }

  public int length() {
    return end - start;
  }

  public boolean contains(int offset) {
    return start <= offset && offset < end;
  }
}
