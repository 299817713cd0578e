package dev.ptree.yaml;

import dev.ptree.text.Span;
import dev.ptree.yaml.PyYamlScalars.Resolution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML the way nova's {@code yaml.safe_load} reads it: SnakeYAML's scanner, parser and
 * composer (YAML 1.1, exact marks), never its object constructor; then PyYAML's own implicit
 * typing, merge-key flattening and tag checks applied to the composed nodes. Never throws.
 */
public final class YamlParser {
  private static final String P = PyYamlScalars.TAG_PREFIX;
  private static final Tag PLAIN = new Tag("tag:ptree.dev,2026:plain");
  private static final Tag NON_PLAIN = new Tag("tag:ptree.dev,2026:non-plain");
  private static final Tag MAP = new Tag("tag:ptree.dev,2026:map");
  private static final Tag SEQ = new Tag("tag:ptree.dev,2026:seq");

  /** Leaves the typing to us: SnakeYAML's own implicit resolvers differ from PyYAML's. */
  private static final class DeferringResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      return switch (kind) {
        case scalar -> implicit ? PLAIN : NON_PLAIN;
        case mapping -> MAP;
        default -> SEQ;
      };
    }
  }

  private YamlParser() {}

  public static YamlDocument parse(String text) {
    if (isPlainAscii(text)) {
      YamlDocument fast = FastYamlParser.tryParse(text, List.of(), false);
      if (fast != null) {
        return fast;
      }
    }
    Run run = new Run(text);
    String masked = run.maskNonPrintable(text);
    YamlDocument fast = FastYamlParser.tryParse(masked, run.problems, true);
    return fast != null ? fast : run.parse(masked);
  }

  /** Printable ASCII and LF only: nothing to mask, nothing the fast path must refuse up front. */
  private static boolean isPlainAscii(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if ((c < 0x20 || c > 0x7E) && c != '\n') {
        return false;
      }
    }
    return true;
  }

  /** The full SnakeYAML path alone, for the differential test of the fast path. */
  static YamlDocument parseWithComposer(String text) {
    Run run = new Run(text);
    return run.parse(run.maskNonPrintable(text));
  }

  private static final class Run {
    private final String original;
    final List<YamlProblem> problems = new ArrayList<>();
    private final Map<Node, YNode> converted = new IdentityHashMap<>();
    private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private int[] codePointToChar;
    private int maxDepth;

    Run(String text) {
      this.original = text;
    }

    YamlDocument parse(String text) {
      codePointToChar = codePointIndex(text);
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true);
      options.setMaxAliasesForCollections(Integer.MAX_VALUE);
      options.setAllowRecursiveKeys(true);
      options.setNestingDepthLimit(YamlLimits.MAX_COMPOSED_DEPTH);
      options.setCodePointLimit(Integer.MAX_VALUE);
      options.setProcessComments(false);
      // Every tag reaches our own checks (PyYAML's rules); nothing is ever instantiated from one.
      options.setTagInspector(tag -> true);
      text = withKnownEscapes(text);
      ParserImpl events = new ParserImpl(new StreamReader(text), options);
      AnchorCheckingParser parser = new AnchorCheckingParser(events, this::offset);
      Composer composer = new Composer(parser, new DeferringResolver(), options);
      YNode root = null;
      try {
        if (composer.checkNode()) {
          Node node = composer.getNode();
          if (composer.checkNode()) {
            Event next = parser.peekEvent();
            problems.add(syntax(YamlProblem.Code.EXTRA_DOCUMENT, "expected a single document in the stream, but found another document",
                next.getStartMark()));
          }
          root = node == null ? null : convert(node, 1);
        }
      } catch (MarkedYAMLException e) {
        problems.add(syntax(YamlProblem.Code.SYNTAX, describe(e), e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()));
      } catch (YAMLException e) {
        problems.add(limitProblem(e));
      } catch (RuntimeException e) {
        // SnakeYAML lets a few of its own failures escape as plain exceptions (an escape beyond
        // Unicode, for one); PyYAML dies on the same text with ValueError.
        problems.add(new YamlProblem(YamlProblem.Code.SCANNER_CRASH, "the YAML scanner fails on this text ("
            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", Span.at(0)));
      } catch (StackOverflowError e) {
        problems.add(new YamlProblem(YamlProblem.Code.DEPTH_LIMIT,
            "nesting too deep to analyse; nova crashes on it with RecursionError", Span.at(0)));
      }
      problems.addAll(0, parser.duplicateAnchors);
      if (root != null && text.indexOf('\t') >= 0) {
        strayTab(text, root);
      }
      return new YamlDocument(root, List.copyOf(problems), maxDepth, parser.aliases > 0);
    }

    /**
     * PyYAML's scanner skips only spaces between tokens, so a tab anywhere but inside a quoted or
     * block scalar or a comment stops it ("found character '\t' that cannot start any token").
     * SnakeYAML takes such tabs as white space; report the first one as PyYAML would.
     */
    private void strayTab(String text, YNode root) {
      List<Span> scalars = new ArrayList<>();
      for (YNode node : new YamlDocument(root, List.of(), 0, true).nodes()) {
        if (node instanceof YScalar sc && sc.style() != ScalarStyle.PLAIN) {
          scalars.add(sc.span());
        }
      }
      scalars.sort(java.util.Comparator.comparingInt(Span::start));
      int next = 0;
      boolean comment = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        while (next < scalars.size() && scalars.get(next).end() <= i) {
          next++;
        }
        boolean inScalar = next < scalars.size() && scalars.get(next).start() <= i;
        if (c == '\n' || c == '\r') {
          comment = false;
        } else if (!inScalar && c == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t'
            || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r')) {
          comment = true;
        } else if (c == '\t' && !inScalar && !comment) {
          problems.add(new YamlProblem(YamlProblem.Code.STRAY_TAB, "while scanning for the next token, found"
              + " character '\\t' that cannot start any token", new Span(i, i + 1)));
          return;
        }
      }
    }

    /**
     * PyYAML accepts {@code \/} and a backslash before a real tab in double-quoted scalars;
     * SnakeYAML refuses both. Each one SnakeYAML stops at becomes {@code \\} (same length, so
     * every position holds) and the scalar is decoded from the original text afterwards.
     */
    private String withKnownEscapes(String text) {
      String current = text;
      for (int attempt = 0; attempt < 64 && (current.contains("\\/") || current.contains("\\\t")); attempt++) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(Integer.MAX_VALUE);
        options.setNestingDepthLimit(YamlLimits.MAX_COMPOSED_DEPTH);
        options.setCodePointLimit(Integer.MAX_VALUE);
        try {
          ParserImpl probe = new ParserImpl(new StreamReader(current), options);
          while (!probe.checkEvent(Event.ID.StreamEnd)) {
            probe.getEvent();
          }
          return current;
        } catch (MarkedYAMLException e) {
          Mark mark = e.getProblemMark();
          int at = mark == null ? -1 : offset(mark);
          if (at <= 0 || at >= current.length() || current.charAt(at - 1) != '\\'
              || (current.charAt(at) != '/' && current.charAt(at) != '\t')) {
            return current;
          }
          current = current.substring(0, at) + '\\' + current.substring(at + 1);
        } catch (RuntimeException e) {
          return current;
        }
      }
      return current;
    }

    private YamlProblem limitProblem(YAMLException e) {
      String message = e.getMessage() == null ? "YAML limit exceeded" : e.getMessage();
      if (message.contains("Nesting Depth")) {
        return new YamlProblem(YamlProblem.Code.DEPTH_LIMIT,
            "nesting deeper than " + YamlLimits.MAX_COMPOSED_DEPTH
                + " levels; nova crashes on it with RecursionError", Span.at(0));
      }
      return new YamlProblem(YamlProblem.Code.PARSER_LIMIT, message, Span.at(0));
    }

    /** PyYAML's Reader refuses these before parsing; we report each and parse on without it. */
    String maskNonPrintable(String text) {
      StringBuilder masked = null;
      for (int i = 0; i < text.length(); ) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7F || c == '\n') {
          i++;
          continue;
        }
        int cp = text.codePointAt(i);
        int width = Character.charCount(cp);
        if (!isPrintable(cp)) {
          if (masked == null) {
            masked = new StringBuilder(text);
          }
          for (int k = 0; k < width; k++) {
            masked.setCharAt(i + k, ' ');
          }
          problems.add(new YamlProblem(YamlProblem.Code.NON_PRINTABLE,
              String.format("unacceptable character #x%04x: special characters are not allowed", cp),
              new Span(i, i + width)));
        }
        i += width;
      }
      return masked == null ? text : masked.toString();
    }

    /** The character set PyYAML's Reader accepts (reader.py NON_PRINTABLE). */
    static boolean isPrintable(int c) {
      return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
          || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static int[] codePointIndex(String text) {
      boolean astral = false;
      for (int i = 0; i < text.length(); i++) {
        if (Character.isSurrogate(text.charAt(i))) {
          astral = true;
          break;
        }
      }
      if (!astral) {
        return null;
      }
      int[] index = new int[text.codePointCount(0, text.length()) + 1];
      int cp = 0;
      for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
        index[cp++] = i;
      }
      index[cp] = text.length();
      return index;
    }

    private int offset(Mark mark) {
      int index = mark.getIndex();
      if (codePointToChar == null) {
        return Math.min(index, original.length());
      }
      return codePointToChar[Math.min(index, codePointToChar.length - 1)];
    }

    private Span span(Node node) {
      int start = offset(node.getStartMark());
      int end = Math.max(start, offset(node.getEndMark()));
      return new Span(start, end);
    }

    /** A block collection ends where its last child ends (not at the next token, as SnakeYAML marks it). */
    private Span collectionSpan(Node node, boolean flow, YNode lastChild) {
      Span raw = span(node);
      if (flow || lastChild == null) {
        return raw;
      }
      return new Span(raw.start(), Math.max(raw.start(), lastChild.span().end()));
    }

    private YamlProblem syntax(YamlProblem.Code code, String message, Mark mark) {
      int at = mark == null ? 0 : offset(mark);
      return new YamlProblem(code, message, new Span(at, at));
    }

    private static String describe(MarkedYAMLException e) {
      StringBuilder sb = new StringBuilder();
      if (e.getContext() != null) {
        sb.append(e.getContext());
      }
      if (e.getProblem() != null) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(e.getProblem());
      }
      // Say it the way PyYAML (and so nova's log) says it.
      return sb.toString().replace('\n', ' ').replace("'\\t(TAB)'", "'\\t'")
          .replace(". (Do not use \\t(TAB) for indentation)", "");
    }

    private YNode convert(Node node, int depth) {
      YNode done = converted.get(node);
      if (done != null) {
        return done;
      }
      if (!inProgress.add(node)) {
        problems.add(new YamlProblem(YamlProblem.Code.RECURSIVE_ALIAS,
            "recursive alias: this node contains itself; nova's schema validation recurses until"
                + " RecursionError", span(node)));
        return new YScalar("", ScalarStyle.PLAIN, span(node), null, ValueKind.NULL, null);
      }
      if (!(node instanceof ScalarNode)) {
        maxDepth = Math.max(maxDepth, depth);
      }
      YNode result;
      if (node instanceof ScalarNode scalar) {
        result = convertScalar(scalar);
      } else if (node instanceof SequenceNode sequence) {
        result = convertSequence(sequence, depth);
      } else {
        result = convertMapping((MappingNode) node, depth);
      }
      inProgress.remove(node);
      converted.put(node, result);
      return result;
    }

    private YNode convertScalar(ScalarNode node) {
      ScalarStyle style = switch (node.getScalarStyle()) {
        case PLAIN -> ScalarStyle.PLAIN;
        case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
        case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
        case LITERAL -> ScalarStyle.LITERAL;
        default -> ScalarStyle.FOLDED;
      };
      String tag = node.getTag().getValue();
      if (tag.equals(PLAIN.getValue())) {
        return ScalarBuilder.plain(node.getValue(), span(node), problems);
      }
      if (tag.equals(NON_PLAIN.getValue())) {
        tag = null;
      }
      String value = node.getValue();
      Span span = span(node);
      if (style == ScalarStyle.DOUBLE_QUOTED && span.length() >= 2 && original.indexOf('\\', span.start()) >= 0
          && original.indexOf('\\', span.start()) < span.end()) {
        int quote = original.indexOf('"', span.start()); // a tag or anchor may come first
        try {
          value = DoubleQuoted.decode(original.substring(quote + 1, span.end() - 1));
        } catch (DoubleQuoted.BadEscape e) {
          problems.add(new YamlProblem(YamlProblem.Code.BAD_ESCAPE, "while scanning a double-quoted scalar, "
              + e.getMessage(), span));
        }
      }
      return ScalarBuilder.build(value, style, span, tag, problems);
    }

    private <T extends YNode> T unknownTag(String tag, String what, Span span, T fallback) {
      problems.add(new YamlProblem(YamlProblem.Code.UNKNOWN_TAG,
          "could not determine a constructor for the tag '" + tag + "' on this " + what, span));
      return fallback;
    }

    private YNode convertSequence(SequenceNode node, int depth) {
      List<YNode> items = new ArrayList<>(node.getValue().size());
      for (Node child : node.getValue()) {
        items.add(convert(child, depth + 1));
      }
      boolean flow = node.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
      Span span = collectionSpan(node, flow, items.isEmpty() ? null : items.get(items.size() - 1));
      String tag = node.getTag().getValue();
      if (tag.equals(SEQ.getValue()) || tag.equals("!") || tag.equals(P + "seq")) {
        String explicit = tag.equals(P + "seq") ? tag : null;
        return new YSequence(List.copyOf(items), span, explicit, ValueKind.SEQUENCE, flow);
      }
      YSequence other = new YSequence(List.copyOf(items), span, tag, ValueKind.OTHER_COLLECTION, flow);
      if (tag.equals(P + "omap") || tag.equals(P + "pairs")) {
        for (YNode item : items) {
          if (!(item instanceof YMapping m) || m.entries().size() != 1) {
            problems.add(new YamlProblem(YamlProblem.Code.BAD_ORDERED_MAP,
                "while constructing an ordered map, expected a mapping of length 1", item.span()));
          }
        }
        return other;
      }
      if (tag.startsWith(P) && List.of("map", "set", "str", "int", "float", "bool", "null",
          "timestamp", "binary").contains(tag.substring(P.length()))) {
        problems.add(new YamlProblem(YamlProblem.Code.TAG_MISMATCH,
            "expected a " + (tag.endsWith("map") || tag.endsWith("set") ? "mapping" : "scalar")
                + " node, but found sequence", span));
        return other;
      }
      return unknownTag(tag, "sequence", span, other);
    }

    private YNode convertMapping(MappingNode node, int depth) {
      List<YEntry> merged = new ArrayList<>();
      List<YEntry> explicit = new ArrayList<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (isMergeKey(keyNode)) {
          Node mergeValue = tuple.getValueNode();
          if (inProgress.contains(mergeValue)) {
            continue; // PyYAML drops the merge key before following it: merging a node into itself adds nothing
          }
          if (mergeValue instanceof SequenceNode list && list.getValue().stream().anyMatch(inProgress::contains)) {
            List<YNode> parts = new ArrayList<>();
            for (Node item : list.getValue()) {
              if (!inProgress.contains(item)) {
                parts.add(convert(item, depth + 2));
              }
            }
            mergeInto(merged, new YSequence(List.copyOf(parts), span(list), null, ValueKind.SEQUENCE, true));
            continue;
          }
          mergeInto(merged, convert(mergeValue, depth + 1));
          continue;
        }
        YNode key = isValueKey(keyNode)
            ? new YScalar(((ScalarNode) keyNode).getValue(), ScalarStyle.PLAIN, span(keyNode), null, ValueKind.STR,
                ((ScalarNode) keyNode).getValue())
            : convert(keyNode, depth + 1);
        if (key instanceof YScalar && original.codePointCount(key.span().start(), key.span().end()) > 1024
            && !explicitKey(key.span().start())) {
          problems.add(new YamlProblem(YamlProblem.Code.KEY_TOO_LONG, "while scanning a simple key, could"
              + " not find expected ':' (a key without '?' may be at most 1024 characters)", key.span()));
        }
        YNode value = convert(tuple.getValueNode(), depth + 1);
        if (key.kind() == ValueKind.MAPPING || key.kind() == ValueKind.SEQUENCE
            || key.kind() == ValueKind.OTHER_COLLECTION) {
          problems.add(new YamlProblem(YamlProblem.Code.UNHASHABLE_KEY,
              "while constructing a mapping, found unhashable key", key.span()));
        }
        explicit.add(new YEntry(key, value, false));
      }
      List<YEntry> entries = new ArrayList<>(merged.size() + explicit.size());
      entries.addAll(merged);
      entries.addAll(explicit);
      boolean flow = node.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
      YNode last = node.getValue().isEmpty() ? null
          : converted.get(node.getValue().get(node.getValue().size() - 1).getValueNode());
      Span span = collectionSpan(node, flow, last);
      String tag = node.getTag().getValue();
      if (tag.equals(MAP.getValue()) || tag.equals("!") || tag.equals(P + "map")) {
        String explicitTag = tag.equals(P + "map") ? tag : null;
        return new YMapping(List.copyOf(entries), span, explicitTag, ValueKind.MAPPING, flow);
      }
      YMapping other = new YMapping(List.copyOf(entries), span, tag, ValueKind.OTHER_COLLECTION, flow);
      if (tag.equals(P + "set")) {
        return other;
      }
      if (tag.startsWith(P) && List.of("seq", "omap", "pairs", "str", "int", "float", "bool", "null",
          "timestamp", "binary").contains(tag.substring(P.length()))) {
        problems.add(new YamlProblem(YamlProblem.Code.TAG_MISMATCH,
            "expected a " + (tag.endsWith("seq") || tag.endsWith("omap") || tag.endsWith("pairs")
                ? "sequence" : "scalar") + " node, but found mapping", span));
        return other;
      }
      return unknownTag(tag, "mapping", span, other);
    }

    /** Whether a '?' indicator precedes the key at this offset (an explicit key has no length limit). */
    private boolean explicitKey(int start) {
      int i = start - 1;
      while (i >= 0 && (original.charAt(i) == ' ' || original.charAt(i) == '\t')) {
        i--;
      }
      return i >= 0 && original.charAt(i) == '?';
    }

    /** PyYAML turns a {@code =} (or {@code !!value}) key into a string; as a value it has no constructor. */
    private static boolean isValueKey(Node key) {
      return key instanceof ScalarNode scalar && ((scalar.getTag().getValue().equals(PLAIN.getValue())
          && scalar.getValue().equals("=")) || scalar.getTag().getValue().equals(P + "value"));
    }

    private static boolean isMergeKey(Node key) {
      if (!(key instanceof ScalarNode scalar)) {
        return false;
      }
      String tag = scalar.getTag().getValue();
      return tag.equals(P + "merge")
          || (tag.equals(PLAIN.getValue()) && PyYamlScalars.resolvePlain(scalar.getValue()) == Resolution.MERGE);
    }

    /** PyYAML's flatten_mapping: later mappings in a merge list lose to earlier ones. */
    private void mergeInto(List<YEntry> merged, YNode value) {
      if (value instanceof YMapping m && m.kind() == ValueKind.MAPPING) {
        for (YEntry e : m.entries()) {
          merged.add(new YEntry(e.key(), e.value(), true));
        }
      } else if (value instanceof YSequence s && s.kind() == ValueKind.SEQUENCE) {
        List<YMapping> parts = new ArrayList<>();
        for (YNode item : s.items()) {
          if (item instanceof YMapping m && m.kind() == ValueKind.MAPPING) {
            parts.add(m);
          } else {
            problems.add(new YamlProblem(YamlProblem.Code.BAD_MERGE,
                "while constructing a mapping, expected a mapping for merging, but found "
                    + item.kind().label(), item.span()));
          }
        }
        java.util.Collections.reverse(parts);
        for (YMapping m : parts) {
          for (YEntry e : m.entries()) {
            merged.add(new YEntry(e.key(), e.value(), true));
          }
        }
      } else {
        problems.add(new YamlProblem(YamlProblem.Code.BAD_MERGE,
            "while constructing a mapping, expected a mapping or list of mappings for merging,"
                + " but found " + value.kind().label(), value.span()));
      }
    }
  }

  /** PyYAML's anchor and alias names: ASCII letters, digits, '-' and '_' only. */
  static boolean pythonAnchorName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_')) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  /** PyYAML refuses a second anchor of the same name; SnakeYAML silently rebinds it. */
  private static final class AnchorCheckingParser implements Parser {
    private final Parser delegate;
    private final Set<String> anchors = new HashSet<>();
    final List<YamlProblem> duplicateAnchors = new ArrayList<>();
    int aliases;

    private final java.util.function.ToIntFunction<Mark> offset;

    AnchorCheckingParser(Parser delegate, java.util.function.ToIntFunction<Mark> offset) {
      this.delegate = delegate;
      this.offset = offset;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
      return delegate.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
      return delegate.peekEvent();
    }

    @Override
    public Event getEvent() {
      Event event = delegate.getEvent();
      if (event instanceof AliasEvent) {
        aliases++;
      }
      if (event instanceof NodeEvent named && named.getAnchor() != null && !pythonAnchorName(named.getAnchor())) {
        duplicateAnchors.add(new YamlProblem(YamlProblem.Code.INVALID_ANCHOR, "while scanning an "
            + (event instanceof AliasEvent ? "alias" : "anchor") + ", expected alphabetic or numeric"
            + " character in '" + named.getAnchor() + "'", Span.at(offset.applyAsInt(event.getStartMark()))));
      }
      if (event instanceof NodeEvent node && !(event instanceof AliasEvent)
          && node.getAnchor() != null && !anchors.add(node.getAnchor())) {
        int at = offset.applyAsInt(event.getStartMark());
        duplicateAnchors.add(new YamlProblem(YamlProblem.Code.DUPLICATE_ANCHOR,
            "found duplicate anchor '" + node.getAnchor() + "'", Span.at(at)));
      }
      return event;
    }
  }
}
