package dev.ptree.lsp.features;

import dev.ptree.engine.Workspace;
import dev.ptree.lsp.Positions;
import dev.ptree.model.Catalogue;
import dev.ptree.model.InventoryRecord;
import dev.ptree.model.NameUse;
import dev.ptree.model.TreeProvider;
import dev.ptree.rules.Finding;
import dev.ptree.rules.RuleInfo;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hover: the rule's documentation on a diagnostic; on an inventory record the effective record
 * (Placement's defaults, the capacity, the float32 ratio Placement stores, what bound configs
 * add); on a trait or resource class its catalogue entry or where the workspace uses it; on a
 * provider config's identification the tree providers it reaches; on a tree provider's name its
 * effective summary. Sections that apply at once are shown one after the other. This class finds
 * what is under the cursor; {@link RecordHover}, {@link NameHover}, {@link IdentificationHover}
 * and {@link TreeHover} write each kind of section.
 */
public final class Hovers {
  private Hovers() {}

  /** Between the sections of one hover: a horizontal rule. */
  static final String RULE = "\n\n---\n\n";

  /** null when there is nothing to say at the offset. Markdown content. */
  public static Hover hover(Workspace ws, String path, int offset, Catalogue catalogue) {
    try {
      return compute(ws, path, offset, catalogue == null ? Catalogue.EMPTY : catalogue);
    } catch (RuntimeException e) {
      return null; // a hover is never worth an error: the diagnostics say what is wrong
    }
  }

  private static Hover compute(Workspace ws, String path, int offset, Catalogue catalogue) {
    Workspace.Document d = ws == null || path == null ? null : ws.document(path);
    if (d == null || d.kind() == Workspace.Kind.IGNORED) {
      return null;
    }
    List<String> sections = new ArrayList<>();
    Span range = null;
    Set<String> documented = new LinkedHashSet<>();
    for (Finding f : ws.findings(path)) {
      if (f.span().contains(offset) || f.span().length() == 0 && f.span().start() == offset) {
        sections.add(finding(f, documented.add(f.code())));
        range = range == null ? f.span() : range;
      }
    }
    Locate.Hit hit = Locate.at(d, offset);
    if (hit != null) {
      Element element = element(ws, hit, catalogue);
      if (element != null) {
        sections.add(element.markdown());
        range = element.span();
      }
    }
    if (sections.isEmpty()) {
      return null;
    }
    Hover hover = new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join(RULE, sections)));
    hover.setRange(Positions.range(d.source().text(), range));
    return hover;
  }

  private record Element(String markdown, Span span) {}

  private static Element element(Workspace ws, Locate.Hit hit, Catalogue catalogue) {
    TreeProvider p = hit.provider();
    if (p != null && hit.onName()) {
      return new Element(TreeHover.summary(ws, hit.document(), p), p.nameNode().span());
    }
    if (p != null && hit.onUuid()) {
      return new Element(TreeHover.summary(ws, hit.document(), p), p.uuidNode().span());
    }
    if (hit.reference() != null) {
      return new Element(TreeHover.reference(ws, hit.document().tree(), hit.reference()),
          hit.reference().node().span());
    }
    if (hit.binding() != null) {
      return new Element(TreeHover.binding(ws, hit.binding()), hit.binding().node().span());
    }
    if (hit.identification() != null) {
      return new Element(IdentificationHover.markdown(ws, hit.document(), hit.entry()),
          hit.identification().entry().value().span());
    }
    if (hit.trait() != null) {
      return new Element(NameHover.markdown(ws, hit, NameUse.Kind.TRAIT, hit.trait().name(), catalogue),
          hit.trait().node().span());
    }
    InventoryRecord r = hit.record();
    if (r != null) {
      String record = hit.isTree() ? RecordHover.tree(ws, hit.document(), p, r)
          : RecordHover.config(ws, hit.document(), hit.entry(), r);
      if (hit.onRecordKey() && r.resourceClass() != null) {
        String name = NameHover.markdown(ws, hit, NameUse.Kind.RESOURCE_CLASS, r.resourceClass(), catalogue);
        return new Element(name + RULE + record, r.entry().keySpan());
      }
      return new Element(record, Locate.span(r.entry()));
    }
    return null;
  }

  // ---------------------------------------------------------------- diagnostics

  private static String finding(Finding f, boolean withDoc) {
    RuleInfo info = f.rule();
    StringBuilder sb = new StringBuilder();
    sb.append("**").append(f.severity().id()).append("** ").append(info.code()).append(' ')
        .append(info.name()).append(": ").append(Md.text(f.message()));
    if (withDoc) {
      sb.append("\n\n").append(ruleDoc(info));
    }
    return sb.toString();
  }

  /** A rule's documentation as markdown; the text is ours, written for it. */
  static String ruleDoc(RuleInfo info) {
    StringBuilder sb = new StringBuilder();
    sb.append("#### ").append(info.code()).append(' ').append(info.name()).append("\n\n")
        .append('*').append(info.category().id()).append(", default ").append(info.defaultSeverity().id())
        .append("* — ").append(info.summary());
    if (info.doc() != null) {
      sb.append("\n\n**What it does.** ").append(info.doc().what())
          .append("\n\n**Why it matters.** ").append(info.doc().why());
      if (info.doc().example() != null && !info.doc().example().isBlank()) {
        sb.append("\n\n**Example.**\n\n```yaml\n").append(info.doc().example()).append("\n```");
      }
      sb.append("\n\n**Fix.** ").append(info.doc().fix());
    }
    return sb.toString();
  }
}
