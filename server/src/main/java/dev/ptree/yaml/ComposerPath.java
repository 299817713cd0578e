package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The full parse: SnakeYAML's scanner, parser and composer (YAML 1.1, exact marks), never its
 * object constructor; {@link NodeComposer} then types the composed nodes PyYAML's way. Each
 * way SnakeYAML can fail becomes a problem, said the way PyYAML (and so nova's log) says it.
 */
final class ComposerPath {
  /** The unmasked text. */
  private final String original;
  /** The text as SnakeYAML reads it: {@link PyYamlTextChecks#maskNonPrintable masked}. */
  private final String masked;
  private final List<YamlProblem> problems;
  private final MarkOffsets offsets;

  private ComposerPath(String original, String masked, List<YamlProblem> problems) {
    this.original = original;
    this.masked = masked;
    this.problems = problems;
    this.offsets = new MarkOffsets(masked);
  }

  /**
   * {@code problems}: those found in the text so far (its masked characters), which the
   * document reports after any anchor problem; the list is added to.
   */
  static YamlDocument parse(String original, String masked, List<YamlProblem> problems) {
    return new ComposerPath(original, masked, problems).parse();
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(Integer.MAX_VALUE);
    options.setNestingDepthLimit(YamlLimits.MAX_COMPOSED_DEPTH);
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  private YamlDocument parse() {
    LoaderOptions options = options();
    options.setAllowRecursiveKeys(true);
    options.setProcessComments(false);
    // Every tag reaches our own checks (PyYAML's rules); nothing is ever instantiated from one.
    options.setTagInspector(tag -> true);
    String text = withKnownEscapes(masked);
    ParserImpl events = new ParserImpl(new StreamReader(text), options);
    AnchorCheckingParser parser = new AnchorCheckingParser(events, offsets::offset);
    Composer composer = new Composer(parser, new DeferringResolver(), options);
    NodeComposer nodes = new NodeComposer(original, offsets, problems);
    YNode root = null;
    try {
      if (composer.checkNode()) {
        Node node = composer.getNode();
        if (composer.checkNode()) {
          Event next = parser.peekEvent();
          problems.add(syntax(YamlProblem.Code.EXTRA_DOCUMENT,
              "expected a single document in the stream, but found another document", next.getStartMark()));
        }
        root = node == null ? null : nodes.compose(node);
      }
    } catch (MarkedYAMLException e) {
      problems.add(syntax(YamlProblem.Code.SYNTAX, describe(e),
          e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark()));
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
    problems.addAll(0, parser.problems);
    if (root != null && text.indexOf('\t') >= 0) {
      PyYamlTextChecks.strayTab(text, root, problems);
    }
    return new YamlDocument(root, List.copyOf(problems), nodes.maxDepth(), parser.aliases > 0);
  }

  /**
   * PyYAML accepts {@code \/} and a backslash before a real tab in double-quoted scalars;
   * SnakeYAML refuses both. Each one SnakeYAML stops at becomes {@code \\} (same length, so
   * every position holds) and the scalar is decoded from the original text afterwards.
   */
  private String withKnownEscapes(String text) {
    String current = text;
    for (int attempt = 0; attempt < 64 && (current.contains("\\/") || current.contains("\\\t")); attempt++) {
      try {
        ParserImpl probe = new ParserImpl(new StreamReader(current), options());
        while (!probe.checkEvent(Event.ID.StreamEnd)) {
          probe.getEvent();
        }
        return current;
      } catch (MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        int at = mark == null ? -1 : offsets.offset(mark);
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

  private YamlProblem syntax(YamlProblem.Code code, String message, Mark mark) {
    int at = mark == null ? 0 : offsets.offset(mark);
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
}
