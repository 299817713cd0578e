package dev.ptree.yaml;

import java.util.List;
import java.util.Set;

/**
 * The path at a cursor in YAML text that may be half typed, as the editor features ask for it.
 *
 * <p>{@code path}: keys and {@link #ITEM}s from the top to the collection the cursor is in (for a
 * VALUE, down to the mapping that holds {@code key}). {@code prefix} is what is typed so far and
 * {@code [replaceStart, replaceEnd)} the text a completion replaces; {@code colonFollows} when
 * a key already has its colon; {@code quote} is the quote the token opened with, or 0.
 * {@code siblings}: the keys of the mapping already written,
 * {@code items}: the scalar items of the sequence already written (the cursor's own excluded).
 */
public record CursorPath(List<String> path, Slot slot, String key, String prefix, int replaceStart, int replaceEnd,
    boolean colonFollows, Set<String> siblings, Set<String> items, boolean flow, char quote) {
  /** The path element of a sequence item. */
  public static final String ITEM = "[]";

  /**
   * What the cursor is typing: a key of a mapping, the value of {@code key}, or a scalar item of
   * a sequence.
   */
  public enum Slot { KEY, VALUE, ITEM }

  /** null where nothing can be completed: inside a comment, a quoted or block scalar, or past junk. */
  public static CursorPath at(String text, int offset) {
    return LenientReading.at(text, offset);
  }
}
