package dev.ptree.lsp.features;

import dev.ptree.engine.Suppressions;
import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.ConfigFile;
import dev.ptree.model.TreeFile;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import dev.ptree.yaml.YNode;
import dev.ptree.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.DocumentLink;

/**
 * Document links: a tree's {@code provider_configs} path opens the config directory's first file
 * in nova's load order (the tooltip lists them all; go-to-definition offers each), or the
 * directory when the workspace holds none of its files; a rule code in a suppression comment
 * ({@code # ptree: disable=PT303}) opens the rule's page, the same page a diagnostic's code links to.
 */
public final class DocumentLinks {
  private DocumentLinks() {}

  /** At most this many files are named in a tooltip. */
  static final int MAX_NAMED = 10;

  /** {@code ruleLink}: a rule code to its page's URI, or null when there is none. */
  public static List<DocumentLink> links(Workspace ws, String path, Function<String, String> pathToUri,
      Function<String, String> ruleLink) {
    try {
      Workspace.Document d = ws == null || path == null ? null : ws.document(path);
      YNode root = Locate.root(d);
      if (root == null || d.tree() == null && d.kind() != Workspace.Kind.CONFIG) {
        return List.of();
      }
      SourceText text = d.source().text();
      List<DocumentLink> out = new ArrayList<>();
      if (d.tree() != null) {
        for (TreeFile.Binding b : d.tree().bindings()) {
          directory(ws, b, text, pathToUri, out);
        }
      }
      for (Suppressions.Entry e : Suppressions.parse(text, offset -> insideScalar(root, offset)).entries()) {
        String target = e.rule() == null ? null : ruleLink.apply(e.rule().code());
        if (target != null) {
          DocumentLink link = new DocumentLink(Positions.range(text, e.span()), target);
          link.setTooltip(e.rule().code() + " " + e.rule().info().name() + ": the rule's page");
          out.add(link);
        }
      }
      return out;
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static void directory(Workspace ws, TreeFile.Binding b, SourceText text, Function<String, String> pathToUri,
      List<DocumentLink> out) {
    YScalar node = b.node();
    if (node == null || b.directory() == null) {
      return;
    }
    Span s = node.span();
    Span inner = node.style().isQuoted() && s.length() >= 2 ? new Span(s.start() + 1, s.end() - 1) : s;
    var set = ws.context().configSets().get(b.directory());
    List<ConfigFile> files = set == null ? List.of() : set.files();
    DocumentLink link = new DocumentLink(Positions.range(text, inner),
        pathToUri.apply(files.isEmpty() ? b.directory() : files.get(0).path()));
    if (files.isEmpty()) {
      link.setTooltip("the config directory " + Escaper.escape(b.directory()) + " (no provider config in it is open or scanned)");
    } else {
      StringBuilder sb = new StringBuilder(files.size() == 1 ? "1 provider config: " : files.size() + " provider configs: ");
      for (int i = 0; i < files.size() && i < MAX_NAMED; i++) {
        sb.append(i == 0 ? "" : ", ").append(Escaper.escape(fileName(files.get(i).path())));
      }
      if (files.size() > MAX_NAMED) {
        sb.append(", …");
      }
      link.setTooltip(sb.toString());
    }
    out.add(link);
  }

  private static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** A "#" inside a quoted or block scalar is data, not a comment. */
  private static boolean insideScalar(YNode root, int offset) {
    List<Locate.Step> chain = Locate.chain(root, offset);
    if (chain.isEmpty()) {
      return false;
    }
    YNode inner = chain.get(chain.size() - 1).node();
    return inner instanceof YScalar s && Locate.inside(s.span(), offset) && s.span().start() < offset;
  }
}
