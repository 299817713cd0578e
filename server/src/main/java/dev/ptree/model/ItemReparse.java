package dev.ptree.model;

import dev.ptree.yaml.NodeShift;
import dev.ptree.yaml.ValueKind;
import dev.ptree.yaml.YEntry;
import dev.ptree.yaml.YMapping;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YSequence;
import dev.ptree.yaml.YamlDocument;
import dev.ptree.yaml.YamlParser;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A provider config after an edit that stays inside one item of its {@code providers} list: only
 * that item is parsed again; the nodes after it are the old ones moved by the edit, and the
 * providers after it are read again from the moved nodes. The result is what parsing the whole
 * new text gives (a differential test holds them equal), or null when this cannot be
 * guaranteed: the old file was not plain block YAML without a problem, the edit leaves the item
 * or turns it into anything but one item, or the deepest nesting might change unseen.
 *
 * <p>An item's <em>region</em> runs from the start of the line after the previous item (the
 * first item: the start of its dash's line) to the start of the line after the item's end, so
 * comments between items belong to the item after them.
 */
public final class ItemReparse {
  private ItemReparse() {}

  /**
   * The new file, and where the edit fell: item {@code item}, whose old region was
   * [{@code regionStart}, {@code regionEnd}); every position at or after {@code regionEnd} moved
   * by {@code delta}.
   */
  public record Result(ConfigFile file, int item, int regionStart, int regionEnd, int delta) {}

  /** The root mapping's depth is 1 and the providers list's 2: its items are read at depth 2. */
  private static final int LIST_DEPTH = 2;

  public static Result apply(ConfigFile old, SourceDocument now) {
    YamlDocument yaml = old.yaml();
    int listEntry = itemsReadOneByOne(old) ? providersEntry(old.rootMapping()) : -1;
    if (listEntry < 0 || yaml.builtNodes() == null || now.readProblem() != null
        || yaml.maxCollectionDepth() >= NovaSchema.NOVA_DEPTH_WARNING) {
      return null;
    }
    YMapping top = old.rootMapping();
    YSequence list = (YSequence) top.entries().get(listEntry).value();
    String before = old.document().text().content();
    String after = now.text().content();
    // the editor's edit says where the texts differ; a text read whole is compared
    int[] kept = now.text().keptSince(old.document().text());
    int prefix = kept != null ? kept[0] : SourceText.commonPrefix(before, after);
    int suffix = kept != null ? kept[1] : SourceText.commonSuffix(before, after, Math.min(before.length(), after.length()) - prefix);
    if (before.length() == after.length() && prefix + suffix >= before.length()) {
      return null; // the same text: nothing to re-read
    }
    int editEnd = before.length() - suffix;
    int item = itemAt(before, list, prefix);
    if (item < 0) {
      return null;
    }
    int regionStart = regionStart(before, list, item);
    int regionEnd = lineAfter(before, list.items().get(item).span().end());
    if (prefix < regionStart || editEnd > regionEnd) {
      return null;
    }
    int delta = after.length() - before.length();
    if (regionEnd + delta < after.length() && after.charAt(regionEnd + delta - 1) != '\n') {
      return null; // the edit took the item's last line break: the next line joins the item
    }
    int indent = list.span().start() - lineStart(before, list.span().start());
    List<YNode> itemNodes = new ArrayList<>();
    YSequence reread = YamlParser.parseBlockItem(after.substring(regionStart, regionEnd + delta), indent, LIST_DEPTH,
        itemNodes);
    if (reread == null) {
      return null;
    }
    List<YNode> made = new ArrayList<>(itemNodes.size() * 2);
    YNode newItem = NodeShift.shift(reread.items().get(0), regionStart, made);
    int depth = depth(yaml.maxCollectionDepth(), LIST_DEPTH + NodeShift.collectionDepth(list.items().get(item)),
        LIST_DEPTH + NodeShift.collectionDepth(newItem));
    if (depth < 0 || depth >= NovaSchema.NOVA_DEPTH_WARNING) {
      return null;
    }
    // The nodes are listed children first, as the parser made them, so their ends never decrease:
    // the ones wholly before the region are a prefix, kept as they are. Then the new item, then
    // everything after it, moved, in the same order.
    List<YNode> oldNodes = yaml.builtNodes();
    int keptNodes = keptPrefix(oldNodes, regionStart);
    if (keptNodes < 0) {
      return null;
    }
    List<YNode> nodes = new ArrayList<>(oldNodes.size() + made.size());
    nodes.addAll(oldNodes.subList(0, keptNodes));
    nodes.addAll(made);
    List<YNode> items = new ArrayList<>(list.items().size());
    items.addAll(list.items().subList(0, item));
    items.add(newItem);
    for (int j = item + 1; j < list.items().size(); j++) {
      items.add(NodeShift.shift(list.items().get(j), delta, nodes));
    }
    int listStart = item == 0 ? regionStart + reread.span().start() : list.span().start();
    YSequence newList = new YSequence(Collections.unmodifiableList(items),
        new Span(listStart, Math.max(listStart, items.get(items.size() - 1).span().end())), null, ValueKind.SEQUENCE, false);
    nodes.add(newList);
    List<YEntry> entries = new ArrayList<>(top.entries().size());
    entries.addAll(top.entries().subList(0, listEntry));
    YEntry listKey = top.entries().get(listEntry);
    entries.add(new YEntry(listKey.key(), newList, listKey.merged()));
    for (int j = listEntry + 1; j < top.entries().size(); j++) {
      entries.add(NodeShift.shift(top.entries().get(j), delta, nodes));
    }
    YMapping newTop = new YMapping(Collections.unmodifiableList(entries),
        new Span(top.span().start(), entries.get(entries.size() - 1).value().span().end()), null, ValueKind.MAPPING, false);
    nodes.add(newTop);
    List<ProviderEntry> providers = new ArrayList<>(old.providers().subList(0, item));
    for (int j = item; j < items.size(); j++) {
      providers.add(ProviderConfigReader.provider(j, items.get(j)));
    }
    List<YNode> all = Collections.unmodifiableList(nodes);
    YamlDocument newYaml = new YamlDocument(newTop, List.of(), depth, false, all);
    ConfigFile file = new ConfigFile(now, newYaml, old.loadedByNova(), List.copyOf(providers), all, null);
    return new Result(file, item, regionStart, regionEnd, delta);
  }

  /**
   * Where each provider item's region starts, and (last) where the last one ends: {@code n + 1}
   * offsets for n items. Null when the file's items are not re-read one by one (see {@link #apply}).
   */
  public static int[] regions(ConfigFile file) {
    int listEntry = itemsReadOneByOne(file) ? providersEntry(file.rootMapping()) : -1;
    if (listEntry < 0) {
      return null;
    }
    YSequence list = (YSequence) file.rootMapping().entries().get(listEntry).value();
    String text = file.document().text().content();
    int n = list.items().size();
    int[] out = new int[n + 1];
    for (int i = 0; i < n; i++) {
      out[i] = regionStart(text, list, i);
    }
    out[n] = lineAfter(text, list.items().get(n - 1).span().end());
    return out;
  }

  /** A provider config of plain block YAML without a problem: its items can be re-read one by one. */
  private static boolean itemsReadOneByOne(ConfigFile file) {
    YamlDocument yaml = file.yaml();
    YMapping top = file.rootMapping();
    return yaml != null && top != null && !top.flow() && yaml.problems().isEmpty() && !yaml.shared() && !file.isTree();
  }

  /**
   * The index of the one entry of the root mapping keyed {@code providers}, holding a non-empty
   * plain block sequence; -1 when there is no such single entry.
   */
  private static int providersEntry(YMapping top) {
    int found = -1;
    for (int i = 0; i < top.entries().size(); i++) {
      YEntry e = top.entries().get(i);
      if (e.merged()) {
        return -1;
      }
      if ("providers".equals(e.keyString())) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    if (found < 0 || !(top.entries().get(found).value() instanceof YSequence list) || list.flow()
        || list.explicitTag() != null || list.items().isEmpty()) {
      return -1;
    }
    return found;
  }

  /**
   * How many of the nodes, listed with non-decreasing ends, end at or before {@code offset};
   * -1 when the list is not so ordered around that point (it then cannot be cut there).
   */
  private static int keptPrefix(List<YNode> nodes, int offset) {
    int lo = 0;
    int hi = nodes.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (nodes.get(mid).span().end() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    boolean ordered = (lo == 0 || nodes.get(lo - 1).span().end() <= offset)
        && (lo == nodes.size() || nodes.get(lo).span().end() > offset);
    return ordered ? lo : -1;
  }

  /** The last item whose region starts at or before {@code offset}; -1 when none does. */
  private static int itemAt(String text, YSequence list, int offset) {
    int lo = 0;
    int hi = list.items().size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (regionStart(text, list, mid) <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private static int regionStart(String text, YSequence list, int item) {
    return item == 0 ? lineStart(text, list.span().start()) : lineAfter(text, list.items().get(item - 1).span().end());
  }

  /**
   * The deepest nesting after the item's depth went from {@code oldItem} to {@code newItem};
   * -1 when the old item may have been the only one that deep and the new one is shallower.
   */
  private static int depth(int oldMax, int oldItem, int newItem) {
    if (oldItem < oldMax) {
      return Math.max(oldMax, newItem);
    }
    return newItem >= oldMax ? newItem : -1;
  }

  private static int lineStart(String text, int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  private static int lineAfter(String text, int offset) {
    int newline = text.indexOf('\n', offset);
    return newline < 0 ? text.length() : newline + 1;
  }
}
