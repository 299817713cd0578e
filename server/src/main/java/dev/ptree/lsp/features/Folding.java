package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.model.InventoryItem;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeProvider;
import dev.ptree.model.schema.ConfigSchema;
import dev.ptree.model.schema.TreeFileSchema;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import dev.ptree.yaml.YEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;

/**
 * Folding ranges for what a reader of these files collapses: each provider (a config entry, a
 * tree provider with its children), its inventory section and children, and each inventory record. A range
 * ends on the line of its last character, so folding never hides the next key.
 */
public final class Folding {
  private Folding() {}

  public static List<FoldingRange> ranges(Workspace ws, String path) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      if (d == null || Locate.root(d) == null) {
        return List.of();
      }
      SourceText text = d.source().text();
      Set<String> seen = new LinkedHashSet<>();
      List<FoldingRange> out = new ArrayList<>();
      if (d.tree() != null) {
        for (TreeProvider p : d.tree().providers()) {
          add(out, seen, text, p.node().span());
          YEntry inventory = p.mapping() == null ? null : p.mapping().effective(TreeFileSchema.INVENTORY.name());
          if (inventory != null) {
            add(out, seen, text, Locate.span(inventory));
          }
          YEntry children = p.mapping() == null ? null : p.mapping().effective(TreeFileSchema.CHILDREN.name());
          if (children != null) {
            add(out, seen, text, Locate.span(children));
          }
          records(out, seen, text, p.entry());
        }
      } else {
        for (ProviderEntry p : d.config().providers()) {
          add(out, seen, text, p.item().span());
          YEntry inventories = p.mapping() == null ? null : p.mapping().effective(ConfigSchema.INVENTORIES.name());
          if (inventories != null) {
            add(out, seen, text, Locate.span(inventories));
          }
          for (InventoryItem item : p.inventoryItems()) {
            add(out, seen, text, item.node().span());
          }
          records(out, seen, text, p);
        }
      }
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static void records(List<FoldingRange> out, Set<String> seen, SourceText text, ProviderEntry entry) {
    for (InventoryRecord r : entry.records()) {
      add(out, seen, text, Locate.span(r.entry()));
    }
  }

  private static void add(List<FoldingRange> out, Set<String> seen, SourceText text, Span span) {
    int last = lastCharacter(text, span);
    if (last < span.start()) {
      return;
    }
    int startLine = text.lineOf(span.start());
    int endLine = text.lineOf(last);
    if (endLine > startLine && seen.add(startLine + ":" + endLine)) {
      FoldingRange r = new FoldingRange(startLine, endLine);
      r.setKind(FoldingRangeKind.Region);
      out.add(r);
    }
  }

  /** The offset of the span's last character that is not white space; below start when none. */
  static int lastCharacter(SourceText text, Span span) {
    String s = text.content();
    int i = Math.min(span.end(), s.length()) - 1;
    while (i >= span.start() && Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    return i;
  }
}
