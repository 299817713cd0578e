package dev.ptree.lsp.features;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.Capacity;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.ProviderEntry;
import dev.ptree.model.TreeProvider;
import dev.ptree.text.Escaper;
import dev.ptree.text.PythonRepr;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Inlay hints for what nova reads where the text does not show it: the value PyYAML builds from a
 * scalar when it differs from the text ({@code 010} is 8, {@code 1e3} a string), each inventory
 * record's capacity and the float32 ratio Placement stores, and how many tree providers a config
 * entry reaches. The label is computed at once; the tooltip, which explains it, on resolve (the
 * hint's data names the file, the offset and the kind).
 */
public final class InlayHints {
  private InlayHints() {}

  /** Which kinds of hint the settings ask for. */
  public record Enabled(boolean values, boolean capacity, boolean reach) {
    public static final Enabled ALL = new Enabled(true, true, true);

    boolean any() {
      return values || capacity || reach;
    }
  }

  static final String VALUE = "value";
  static final String CAPACITY = "capacity";
  static final String REACH = "reach";

  /** The hints whose position lies in {@code range} (the whole document when null). */
  public static List<InlayHint> hints(Workspace ws, String path, Span range, Enabled enabled) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      if (d == null || Locate.root(d) == null || enabled == null || !enabled.any()
          || d.tree() == null && d.kind() != Workspace.Kind.CONFIG) {
        return List.of();
      }
      SourceText text = d.source().text();
      Span within = range == null ? new Span(0, text.length()) : range;
      List<InlayHint> out = new ArrayList<>();
      if (enabled.values()) {
        for (ValueHints.Hint h : ValueHints.in(Locate.root(d), within)) {
          out.add(hint(text, path, h.at(), VALUE, "= " + h.label(), InlayHintKind.Type));
        }
      }
      List<ProviderEntry> entries = d.tree() != null
          ? d.tree().providers().stream().map(TreeProvider::entry).toList() : d.config().providers();
      if (enabled.capacity()) {
        for (ProviderEntry p : entries) {
          if (p.item().span().end() < within.start() || p.item().span().start() > within.end()) {
            continue; // a screenful asks for a few providers of thousands
          }
          for (InventoryRecord r : p.records()) {
            int end = Folding.lastCharacter(text, Locate.span(r.entry())) + 1;
            String label = Locate.holds(within, end) ? capacityLabel(r) : null;
            if (label != null) {
              out.add(hint(text, path, end, CAPACITY, label, InlayHintKind.Type));
            }
          }
        }
      }
      if (enabled.reach() && d.tree() == null && EntryReach.bindings(ws, d) > 0) {
        Map<ProviderEntry, EntryReach.Reached> reach = EntryReach.ofConfig(ws, d);
        for (ProviderEntry p : entries) {
          EntryReach.Reached r = reach.get(p);
          int end = p.identification() == null ? -1 : p.identification().entry().value().span().end();
          if (r != null && Locate.holds(within, end)) {
            out.add(hint(text, path, end, REACH, reachLabel(p, r), InlayHintKind.Parameter));
          }
        }
      }
      out.sort(java.util.Comparator.comparingInt((InlayHint h) -> h.getPosition().getLine())
          .thenComparingInt(h -> h.getPosition().getCharacter()));
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static InlayHint hint(SourceText text, String path, int offset, String kind, String label, InlayHintKind k) {
    InlayHint h = new InlayHint(Positions.position(text, offset), Either.forLeft(Escaper.escape(label)));
    h.setKind(k);
    h.setPaddingLeft(true);
    JsonObject data = new JsonObject();
    data.addProperty("path", path);
    data.addProperty("offset", offset);
    data.addProperty("kind", kind);
    h.setData(data);
    return h;
  }

  /** {@code → capacity 3}, and the float32 ratio Placement stores when it is not the ratio written. */
  static String capacityLabel(InventoryRecord r) {
    Double capacity = Capacity.of(r);
    if (capacity == null) {
      return null;
    }
    String label = "→ capacity " + Capacity.show(capacity);
    Double ratio = r.allocationRatio();
    if (ratio != null && !Double.isNaN(ratio) && (double) ratio.floatValue() != ratio) {
      label += ", ratio stored as " + PythonRepr.of(ratio.floatValue());
    }
    return label;
  }

  static String reachLabel(ProviderEntry p, EntryReach.Reached r) {
    if (r.dropped()) {
      return "→ nothing (no-op entry, dropped)";
    }
    if (r.shadowed()) {
      return "→ nothing (identification repeated)";
    }
    int n = r.applied().size();
    String label = n == 0 ? "→ nothing"
        : "→ " + n + (p.identification().isComputeNode() ? (n == 1 ? " root" : " roots") : n == 1 ? " provider" : " providers");
    if (!r.conflicts().isEmpty()) {
      label += ", " + r.conflicts().size() + " matched twice";
    }
    return label;
  }

  /** The hint with its tooltip: what was read, how the capacity is computed, which providers are reached. */
  public static InlayHint resolve(Workspace ws, InlayHint hint) {
    try {
      if (ws == null || hint == null || !(hint.getData() instanceof JsonElement e) || !e.isJsonObject()) {
        return hint;
      }
      JsonObject data = e.getAsJsonObject();
      String path = data.has("path") ? data.get("path").getAsString() : null;
      int offset = data.has("offset") ? data.get("offset").getAsInt() : -1;
      String kind = data.has("kind") ? data.get("kind").getAsString() : "";
      Workspace.Document d = path == null ? null : ws.document(path);
      if (d == null || offset < 0) {
        return hint;
      }
      String tooltip = switch (kind) {
        case VALUE -> ValueHints.explain(Locate.root(d), offset);
        case CAPACITY -> HintTooltips.capacity(d, offset);
        case REACH -> HintTooltips.reach(ws, d, offset);
        default -> null;
      };
      if (tooltip != null) {
        hint.setTooltip(Either.forRight(new MarkupContent(MarkupKind.MARKDOWN, tooltip)));
      }
      return hint;
    } catch (RuntimeException e) {
      return hint;
    }
  }
}
