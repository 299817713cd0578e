package dev.ptree.lsp;

import com.google.gson.JsonObject;
import dev.ptree.rules.Finding;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Related;
import dev.ptree.text.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;

/** Findings as LSP diagnostics: code, a link to the rule's page, category as data, related places. */
final class DiagnosticMapper {
  private DiagnosticMapper() {}

  /**
   * {@code textOf} gives the text of another document for related locations (null when unknown:
   * the location then points at the start of that file); {@code uriOf} the URI for a path;
   * {@code docLink} the page of a rule.
   */
  static Diagnostic toDiagnostic(Finding f, SourceText text, Function<String, SourceText> textOf,
      Function<String, String> uriOf, Function<String, String> docLink) {
    Diagnostic d = new Diagnostic(Positions.range(text, f.span()), f.message(), severity(f), "ptree",
        f.code());
    String link = docLink.apply(f.code());
    if (link != null) {
      d.setCodeDescription(new DiagnosticCodeDescription(link));
    }
    JsonObject data = new JsonObject();
    data.addProperty("category", f.rule().category().id());
    data.addProperty("rule", f.rule().name());
    d.setData(data);
    if (f.rule().tags().contains(RuleInfo.Tag.UNNECESSARY)) {
      d.setTags(List.of(DiagnosticTag.Unnecessary));
    }
    if (!f.related().isEmpty()) {
      List<DiagnosticRelatedInformation> related = new ArrayList<>();
      for (Related r : f.related()) {
        SourceText other = textOf.apply(r.path());
        Range range = other == null ? new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0))
            : Positions.range(other, r.span());
        related.add(new DiagnosticRelatedInformation(new Location(uriOf.apply(r.path()), range), r.message()));
      }
      d.setRelatedInformation(related);
    }
    return d;
  }

  static DiagnosticSeverity severity(Finding f) {
    return switch (f.severity()) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFORMATION -> DiagnosticSeverity.Information;
      case HINT -> DiagnosticSeverity.Hint;
    };
  }
}
