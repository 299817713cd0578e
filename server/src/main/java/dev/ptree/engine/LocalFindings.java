package dev.ptree.engine;

import dev.ptree.engine.Workspace.ItemEdit;
import dev.ptree.model.ConfigFile;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Fix;
import dev.ptree.rules.Related;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the rules local to one file found in it (its provider rules and its {@link
 * dev.ptree.rules.FileRule}s), each finding with the provider item it belongs to: so an edit
 * inside one item keeps the others' findings, moved by the edit, and reruns those rules on that
 * item alone. {@code items[k]} is the item of {@code findings[k]}, -1 for the file around the
 * items; {@code items} is null for a file whose items are not re-read one by one.
 */
record LocalFindings(ConfigFile file, List<Finding> findings, int[] items) {
  static final int OUTSIDE = -1;

  /**
   * These findings after an edit inside item {@code edit.item()}: that item's replaced by
   * {@code fresh}, every other moved by the edit; null when one of them touches the edited
   * region (it cannot be moved with confidence, so everything is checked again).
   */
  LocalFindings replacingItem(ConfigFile now, ItemEdit edit, List<Finding> fresh) {
    if (items == null) {
      return null;
    }
    List<Finding> out = new ArrayList<>(findings.size() + fresh.size());
    int[] outItems = new int[findings.size() + fresh.size()];
    int n = 0;
    for (int k = 0; k < findings.size(); k++) {
      if (items[k] == edit.item()) {
        continue;
      }
      Finding moved = moved(findings.get(k), edit);
      if (moved == null) {
        return null;
      }
      out.add(moved);
      outItems[n++] = items[k];
    }
    for (Finding f : fresh) {
      out.add(f);
      outItems[n++] = edit.item();
    }
    return new LocalFindings(now, List.copyOf(out), Arrays.copyOf(outItems, n));
  }

  /** The item whose region holds {@code offset}, given the regions' starts and the last one's end. */
  static int itemAt(int[] regions, int offset) {
    if (offset < regions[0] || offset >= regions[regions.length - 1]) {
      return OUTSIDE;
    }
    int i = Arrays.binarySearch(regions, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** A finding outside the edited item with its positions in this file moved; null if one touches the item. */
  private static Finding moved(Finding f, ItemEdit edit) {
    Span span = moved(f.span(), edit);
    if (span == null) {
      return null;
    }
    boolean changed = span != f.span();
    List<Related> related = new ArrayList<>(f.related().size());
    for (Related r : f.related()) {
      Span at = r.path().equals(f.path()) ? moved(r.span(), edit) : r.span();
      if (at == null) {
        return null;
      }
      changed |= at != r.span();
      related.add(at == r.span() ? r : new Related(r.path(), at, r.message()));
    }
    List<Fix> fixes = new ArrayList<>(f.fixes().size());
    for (Fix fix : f.fixes()) {
      List<TextEdit> edits = new ArrayList<>(fix.edits().size());
      for (TextEdit e : fix.edits()) {
        Span at = moved(e.span(), edit);
        if (at == null) {
          return null;
        }
        changed |= at != e.span();
        edits.add(at == e.span() ? e : new TextEdit(at, e.replacement()));
      }
      fixes.add(new Fix(fix.title(), fix.safety(), List.copyOf(edits), fix.renameTo()));
    }
    return !changed ? f : new Finding(f.rule(), f.severity(), f.path(), span, f.message(), List.copyOf(related),
        List.copyOf(fixes), f.sentBy());
  }

  /** A span before the edited region stays, one after it moves; one that meets the region is null. */
  private static Span moved(Span span, ItemEdit edit) {
    if (span.end() <= edit.regionStart()) {
      return span;
    }
    if (span.start() >= edit.regionEnd()) {
      return new Span(span.start() + edit.delta(), span.end() + edit.delta());
    }
    return null;
  }
}
