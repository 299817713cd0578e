package dev.ptree.engine;

import dev.ptree.rules.Finding;
import dev.ptree.rules.Rule;
import dev.ptree.rules.registry.Rules;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code # ptree: disable=CODE[,CODE]} and {@code # ptree: disable-file=CODE} comments of one
 * document, and which of them a run used.
 */
public final class Suppressions {
  private static final Pattern COMMENT = Pattern.compile(
      "(?:^|[ \\t])#[ \\t]*ptree:[ \\t]*(disable|disable-file)[ \\t]*=[ \\t]*([A-Za-z0-9_\\-]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9_\\-]+)*)");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]+");

  /** One code in one comment. {@code line} is -1 for a file-wide suppression. */
  public record Entry(String code, Span span, int line, boolean standalone, Rule rule) {}

  private final List<Entry> entries;
  private final boolean[] used;

  private Suppressions(List<Entry> entries) {
    this.entries = entries;
    this.used = new boolean[entries.size()];
  }

  /** Whether the text may hold a suppression comment at all: without "ptree:" it holds none. */
  static boolean mayHold(SourceText text) {
    return text.contains("ptree:");
  }

  public static Suppressions parse(SourceText text) {
    return parse(text, offset -> false);
  }

  /**
   * {@code insideScalar} tells whether an offset lies in a scalar's text (a quoted string, a block
   * scalar): a "#" there is data, not a comment.
   */
  public static Suppressions parse(SourceText text, java.util.function.IntPredicate insideScalar) {
    List<Entry> entries = new ArrayList<>();
    if (!mayHold(text)) {
      return new Suppressions(entries);
    }
    for (int line = 0; line < text.lineCount(); line++) {
      String content = text.lineText(line);
      if (content.indexOf("ptree:") < 0) {
        continue;
      }
      Matcher m = COMMENT.matcher(content);
      if (!m.find()) {
        continue;
      }
      int hash = text.lineStart(line) + content.indexOf('#', m.start());
      if (insideScalar.test(hash)) {
        continue;
      }
      boolean fileWide = m.group(1).equals("disable-file");
      boolean standalone = content.substring(0, m.start()).isBlank();
      int base = text.lineStart(line) + m.start(2);
      Matcher codes = CODE.matcher(m.group(2));
      while (codes.find()) {
        Optional<Rule> rule = Rules.find(codes.group());
        entries.add(new Entry(codes.group(), new Span(base + codes.start(), base + codes.end()),
            fileWide ? -1 : line, standalone, rule.orElse(null)));
      }
    }
    return new Suppressions(entries);
  }

  /** Whether a finding is silenced; marks the suppression used. */
  public boolean suppresses(Finding f, SourceText text) {
    if (entries.isEmpty()) {
      return false;
    }
    int line = text.lineOf(f.span().start());
    boolean hit = false;
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.rule() == null || e.rule() != null && !e.rule().code().equals(f.code())) {
        continue;
      }
      if (e.line() == -1 || e.line() == line || (e.standalone() && e.line() + 1 == line)) {
        used[i] = true;
        hit = true;
      }
    }
    return hit;
  }

  /** Every code of every suppression comment, in document order. */
  public List<Entry> entries() {
    return java.util.Collections.unmodifiableList(entries);
  }

  public List<Entry> unused() {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      if (!used[i]) {
        out.add(entries.get(i));
      }
    }
    return out;
  }
}
