package dev.ptree.engine;

import dev.ptree.rules.Finding;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies fixes to one document's text: edits only, never overlapping, back to front. */
public final class FixApplier {
  private FixApplier() {}

  /** The text with every safe text fix of these findings (all in this document) applied. */
  public static String applySafe(String text, List<Finding> findings) {
    return apply(text, safeEdits(text, findings));
  }

  /** The safe text fixes of these findings that can be applied together: no two overlap. */
  public static List<TextEdit> safeEdits(String text, List<Finding> findings) {
    List<TextEdit> edits = new ArrayList<>();
    for (Finding f : findings) {
      for (Fix fix : f.fixes()) {
        if (fix.safety() == FixSafety.SAFE && fix.renameTo() == null) {
          edits.addAll(fix.edits());
        }
      }
    }
    return choose(text, edits);
  }

  /** Applies edits, skipping any that overlaps one already taken (the next run picks it up). */
  public static String apply(String text, List<TextEdit> edits) {
    List<TextEdit> chosen = choose(text, edits);
    StringBuilder out = new StringBuilder(text);
    for (int i = chosen.size() - 1; i >= 0; i--) {
      TextEdit e = chosen.get(i);
      out.replace(e.span().start(), e.span().end(), e.replacement());
    }
    return out.toString();
  }

  private static List<TextEdit> choose(String text, List<TextEdit> edits) {
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt((TextEdit e) -> e.span().start()).thenComparingInt(e -> e.span().end()));
    List<TextEdit> chosen = new ArrayList<>();
    int lastEnd = -1;
    for (TextEdit e : sorted) {
      if (e.span().start() >= lastEnd || (e.span().length() == 0 && e.span().start() > lastEnd)) {
        if (e.span().end() <= text.length()) {
          chosen.add(e);
          lastEnd = e.span().end();
        }
      }
    }
    return chosen;
  }
}
