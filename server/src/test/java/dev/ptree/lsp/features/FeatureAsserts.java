package dev.ptree.lsp.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ptree.lsp.Positions;
import dev.ptree.text.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.Range;

/**
 * Assertions for the editor features beyond navigation (highlight, folding, inlay hints, code
 * lens, rename, links), in the language of {@link FeatureDsl}: a range is compared by the text it
 * covers, or by the part of a snippet between « and ».
 */
final class FeatureAsserts {
  private FeatureAsserts() {}

  /** The text with CRLF line ends and a comment holding astral characters on the first line. */
  static String hostile(String text) {
    return "# \uD83D\uDE80 rack \uD83D\uDE80\n".concat(text).replace("\r\n", "\n").replace("\n", "\r\n");
  }

  /** A range in a file, with what it stands for (a label, a new text). */
  record At(String path, Range range, String label) {}

  /** Ranges in the workspace's files. */
  static final class Ranges {
    final FeatureDsl.Files files;
    final List<At> ranges;

    Ranges(FeatureDsl.Files files, List<At> ranges) {
      this.files = files;
      this.ranges = ranges;
    }

    private String text(At at) {
      SourceText t = new SourceText(files.texts.get(at.path()));
      return t.slice(Positions.span(t, at.range()));
    }

    /** Each range as {@code path:covered text}, in order. */
    List<String> covered() {
      return ranges.stream().map(a -> a.path() + ":" + text(a)).toList();
    }

    /** Each range as {@code path:covered text -> label}, in order. */
    List<String> labelled() {
      return ranges.stream().map(a -> a.path() + ":" + text(a) + " -> " + a.label()).toList();
    }

    Ranges count(int n) {
      assertThat(covered()).hasSize(n);
      return this;
    }

    /** Some range covers exactly the part of the snippet between « and » (found once in the file). */
    Ranges at(String path, String marked) {
      assertThat(spans()).contains(path + "@" + marked(path, marked));
      return this;
    }

    Ranges notAt(String path, String marked) {
      assertThat(spans()).doesNotContain(path + "@" + marked(path, marked));
      return this;
    }

    /** Some range covers the marked part and carries this label. */
    Ranges at(String path, String marked, String label) {
      String want = path + "@" + marked(path, marked);
      List<String> spans = spans();
      assertThat(spans).contains(want);
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < ranges.size(); i++) {
        if (spans.get(i).equals(want)) {
          labels.add(ranges.get(i).label());
        }
      }
      assertThat(labels).as("labels at %s", want).contains(label);
      return this;
    }

    Ranges labels(String... expected) {
      assertThat(ranges.stream().map(At::label).toList()).containsExactly(expected);
      return this;
    }

    Ranges isEmpty() {
      return count(0);
    }

    private List<String> spans() {
      return ranges.stream().map(a -> {
        var span = Positions.span(new SourceText(files.texts.get(a.path())), a.range());
        return a.path() + "@" + span.start() + "-" + span.end();
      }).toList();
    }

    private String marked(String path, String marked) {
      int open = marked.indexOf('\u00AB');
      int close = marked.indexOf('\u00BB');
      assertThat(open).as("« and » mark the range").isGreaterThanOrEqualTo(0).isLessThan(close);
      String plain = marked.substring(0, open) + marked.substring(open + 1, close) + marked.substring(close + 1);
      String text = files.texts.get(path);
      assertThat(text).as("file %s", path).isNotNull();
      int at = text.indexOf(plain);
      assertThat(at).as("snippet %s in %s", plain, path).isGreaterThanOrEqualTo(0);
      assertThat(text.indexOf(plain, at + 1)).as("snippet %s found once", plain).isLessThan(0);
      return (at + open) + "-" + (at + close - 1);
    }
  }

  /** Folding ranges as {@code first line .. last line}, each line trimmed. */
  static List<String> folds(FeatureDsl.Files files, String path) {
    SourceText t = new SourceText(files.texts.get(path));
    return Folding.ranges(files.workspace(), path).stream()
        .map(r -> t.lineText(r.getStartLine()).strip() + " .. " + t.lineText(r.getEndLine()).strip()).toList();
  }

  /** The outcome of a rename: each file's text after its edits, or the refusal. */
  static final class Renamed {
    final Map<String, String> after;
    final String refusal;
    final int edits;

    private Renamed(Map<String, String> after, String refusal, int edits) {
      this.after = after;
      this.refusal = refusal;
      this.edits = edits;
    }

    static Renamed of(FeatureDsl.Files files, java.util.function.Supplier<WorkspaceEdit> rename) {
      WorkspaceEdit edit;
      try {
        edit = rename.get();
      } catch (ResponseErrorException e) {
        return new Renamed(Map.of(), e.getResponseError().getMessage(), 0);
      }
      Map<String, String> after = new LinkedHashMap<>();
      int count = 0;
      for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
        String path = e.getKey().substring(FeatureDsl.URI_PREFIX.length());
        SourceText t = new SourceText(files.texts.get(path));
        List<TextEdit> edits = new ArrayList<>(e.getValue());
        edits.sort((a, b) -> Integer.compare(Positions.span(t, b.getRange()).start(), Positions.span(t, a.getRange()).start()));
        String s = t.content();
        for (TextEdit te : edits) {
          var span = Positions.span(t, te.getRange());
          s = s.substring(0, span.start()) + te.getNewText() + s.substring(span.end());
        }
        after.put(path, s);
        count += edits.size();
      }
      return new Renamed(after, null, count);
    }

    /** The text of a file after the rename; a file the rename does not touch keeps its text. */
    String file(String path) {
      assertThat(refusal).as("refused").isNull();
      assertThat(after).as("files edited").containsKey(path);
      return after.get(path);
    }

    Renamed edits(int n) {
      assertThat(refusal).as("refused").isNull();
      assertThat(edits).isEqualTo(n);
      return this;
    }

    Renamed files(String... paths) {
      assertThat(refusal).as("refused").isNull();
      assertThat(after.keySet()).containsExactlyInAnyOrder(paths);
      return this;
    }

    Renamed refusedWith(String... parts) {
      assertThat(refusal).as("refused").isNotNull().contains(parts);
      return this;
    }

    /** Read again after the rename, no file has a finding of a rule it had none of (the edits kept the files valid). */
    Renamed keepsTheWorkspaceValid(FeatureDsl.Files before) {
      Map<String, String> all = new LinkedHashMap<>(before.texts);
      all.putAll(after);
      var ws = FeatureDsl.files(all).workspace();
      for (String path : all.keySet()) {
        var was = before.workspace().findings(path).stream().map(f -> f.rule().code()).toList();
        var now = ws.findings(path).stream().map(f -> f.rule().code()).toList();
        assertThat(was).as("rules reported in %s after the rename: %s", path, ws.findings(path)).containsAll(now);
      }
      return this;
    }
  }
}
