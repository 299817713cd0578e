package dev.ptree.yaml;

import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Checks anchors as PyYAML does, between SnakeYAML's parser and its composer: PyYAML allows
 * only ASCII letters, digits, '-' and '_' in a name, and refuses a second anchor of the same
 * name, which SnakeYAML silently rebinds. Also counts aliases, so a document without any needs
 * no identity checks when walked.
 */
final class AnchorCheckingParser implements Parser {
  private final Parser delegate;
  private final ToIntFunction<Mark> offset;
  private final Set<String> anchors = new HashSet<>();
  final List<YamlProblem> problems = new ArrayList<>();
  int aliases;

  AnchorCheckingParser(Parser delegate, ToIntFunction<Mark> offset) {
    this.delegate = delegate;
    this.offset = offset;
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
      problems.add(new YamlProblem(YamlProblem.Code.INVALID_ANCHOR, "while scanning an "
          + (event instanceof AliasEvent ? "alias" : "anchor") + ", expected alphabetic or numeric"
          + " character in '" + named.getAnchor() + "'", Span.at(offset.applyAsInt(event.getStartMark()))));
    }
    if (event instanceof NodeEvent node && !(event instanceof AliasEvent)
        && node.getAnchor() != null && !anchors.add(node.getAnchor())) {
      int at = offset.applyAsInt(event.getStartMark());
      problems.add(new YamlProblem(YamlProblem.Code.DUPLICATE_ANCHOR,
          "found duplicate anchor '" + node.getAnchor() + "'", Span.at(at)));
    }
    return event;
  }
}
