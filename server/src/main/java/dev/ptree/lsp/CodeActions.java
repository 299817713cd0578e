package dev.ptree.lsp;

import dev.ptree.engine.FixApplier;
import dev.ptree.rules.Finding;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Fix;
import dev.ptree.rules.FixSafety;
import dev.ptree.rules.TextEdit;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Code actions for one document: each fix of each finding in the range, "fix all safe problems in
 * this file", and suppression comments for the line and the file. Edits are the engine's own: they
 * touch only the text they fix, so comments and indentation stay.
 */
final class CodeActions {
  static final String FIX_ALL_KIND = CodeActionKind.SourceFixAll + ".ptree";

  private CodeActions() {}

  /** {@code version}: the editor's version of the text, or null for a file not open. */
  static List<CodeAction> actions(String uri, Integer version, SourceText text, List<Finding> findings, Span range,
      Function<Finding, Diagnostic> diagnostic) {
    List<CodeAction> out = new ArrayList<>();
    Set<String> suppressions = new LinkedHashSet<>();
    for (Finding f : findings) {
      if (!overlaps(f.span(), range)) {
        continue;
      }
      Diagnostic d = diagnostic.apply(f);
      for (Fix fix : f.fixes()) {
        CodeAction a = new CodeAction(fix.title() + (fix.safety() == FixSafety.UNSAFE ? " (changes what is loaded)" : ""));
        a.setKind(CodeActionKind.QuickFix);
        a.setDiagnostics(List.of(d));
        a.setIsPreferred(fix.safety() == FixSafety.SAFE);
        a.setEdit(fix.renameTo() != null ? rename(uri, fix.renameTo()) : edit(uri, version, text, fix.edits()));
        out.add(a);
      }
      if (suppressible(f) && suppressions.add(f.code() + "@" + text.lineOf(f.span().start()))) {
        out.add(suppress(uri, version, text, f, d, false));
      }
    }
    findings.stream().filter(f -> overlaps(f.span(), range) && suppressible(f)).map(Finding::code).distinct()
        .forEach(code -> {
          Finding first = findings.stream().filter(f -> f.code().equals(code) && overlaps(f.span(), range)).findFirst().get();
          out.add(suppress(uri, version, text, first, diagnostic.apply(first), true));
        });
    CodeAction all = fixAll(uri, version, text, findings);
    if (all != null) {
      out.add(all);
    }
    return out;
  }

  /** Every safe fix of the file at once; null when there is none. */
  static CodeAction fixAll(String uri, Integer version, SourceText text, List<Finding> findings) {
    List<TextEdit> edits = FixApplier.safeEdits(text.content(), findings);
    if (edits.isEmpty()) {
      return null;
    }
    CodeAction a = new CodeAction("Fix all safe problems in this file");
    a.setKind(FIX_ALL_KIND);
    a.setEdit(edit(uri, version, text, edits));
    return a;
  }

  /**
   * An edit of one document. For an open document it names the version it was computed on, so
   * a client never applies it to text that has changed since.
   */
  static WorkspaceEdit edit(String uri, Integer version, SourceText text, List<TextEdit> edits) {
    List<org.eclipse.lsp4j.TextEdit> lsp = new ArrayList<>();
    for (TextEdit e : edits) {
      lsp.add(new org.eclipse.lsp4j.TextEdit(Positions.range(text, e.span()), e.replacement()));
    }
    if (version == null) {
      return new WorkspaceEdit(Map.of(uri, lsp));
    }
    return new WorkspaceEdit(List.of(Either.forLeft(new TextDocumentEdit(versioned(uri, version), lsp))));
  }

  private static WorkspaceEdit rename(String uri, String newName) {
    int slash = uri.lastIndexOf('/');
    String target = uri.substring(0, slash + 1) + java.net.URLEncoder.encode(newName, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
    List<Either<TextDocumentEdit, ResourceOperation>> changes = List.of(Either.forRight(new RenameFile(uri, target)));
    return new WorkspaceEdit(changes);
  }

  /**
   * "Disable PTxxx for this line" appends the comment to the line (or to its existing comment);
   * "for this file" adds a comment line at the top, after a BOM.
   */
  private static CodeAction suppress(String uri, Integer version, SourceText text, Finding f, Diagnostic d, boolean file) {
    CodeAction a = new CodeAction("Disable " + f.code() + " for this " + (file ? "file" : "line"));
    a.setKind(CodeActionKind.QuickFix);
    a.setDiagnostics(List.of(d));
    TextEdit edit;
    String newline = text.content().contains("\r\n") ? "\r\n" : "\n";
    if (file) {
      int at = text.content().startsWith("\uFEFF") ? 1 : 0;
      edit = new TextEdit(Span.at(at), "# ptree: disable-file=" + f.code() + newline);
    } else {
      int line = text.lineOf(f.span().start());
      String content = text.lineText(line);
      boolean hasComment = content.matches(".*(^|[ \\t])#.*");
      int end = text.lineEnd(line);
      edit = new TextEdit(Span.at(end), (hasComment ? " " : "  # ") + "ptree: disable=" + f.code());
      if (hasComment && content.contains("ptree: disable=")) {
        edit = new TextEdit(Span.at(end), "," + f.code());
      }
    }
    a.setEdit(edit(uri, version, text, List.of(edit)));
    return a;
  }

  private static boolean overlaps(Span a, Span b) {
    return a.start() <= b.end() && b.start() <= a.end();
  }

  static VersionedTextDocumentIdentifier versioned(String uri, Integer version) {
    return new VersionedTextDocumentIdentifier(uri, version);
  }

  /** A finding about a suppression comment cannot itself be suppressed. */
  private static boolean suppressible(Finding f) {
    return !f.rule().tags().contains(RuleInfo.Tag.NOT_SUPPRESSIBLE);
  }
}
