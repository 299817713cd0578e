package dev.ptree.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses YAML the way nova's {@code yaml.safe_load} reads it: SnakeYAML's scanner, parser and
 * composer (YAML 1.1, exact marks), never its object constructor; then PyYAML's own implicit
 * typing, merge-key flattening and tag checks applied to the composed nodes. Never throws.
 *
 * <p>Most provider configs take {@link FastYamlParser}, which builds the same nodes from the
 * plain block YAML they are written in; anything else takes the {@link ComposerPath}.
 */
public final class YamlParser {
  private YamlParser() {}

  public static YamlDocument parse(String text) {
    if (isPlainAscii(text)) {
      YamlDocument fast = FastYamlParser.tryParse(text, List.of(), false);
      if (fast != null) {
        return fast;
      }
    }
    List<YamlProblem> problems = new ArrayList<>();
    String masked = PyYamlTextChecks.maskNonPrintable(text, problems);
    YamlDocument fast = FastYamlParser.tryParse(masked, problems, true);
    return fast != null ? fast : ComposerPath.parse(text, masked, problems);
  }

  /**
   * One item of a block sequence re-read on its own, for an edit that stays inside it:
   * {@code text} runs from the start of the item's first line to the start of the line after it,
   * the sequence's dashes sit at column {@code indent} and its collection depth is {@code depth}.
   * Returns the sequence around that one item (spans relative to {@code text}) and adds the item's
   * nodes to {@code nodes}; null when the text is not one such item the fast path reads without
   * a problem. Whether the result matches a full parse of the whole text is the caller's to check
   * (the item must sit where a sequence item did, between unchanged text).
   */
  public static YSequence parseBlockItem(String text, int indent, int depth, List<YNode> nodes) {
    return FastYamlParser.tryParseItem(text, indent, depth, nodes);
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
    List<YamlProblem> problems = new ArrayList<>();
    return ComposerPath.parse(text, PyYamlTextChecks.maskNonPrintable(text, problems), problems);
  }
}
