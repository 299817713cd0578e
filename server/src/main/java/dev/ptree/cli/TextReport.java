package dev.ptree.cli;

import dev.ptree.rules.Finding;
import dev.ptree.rules.Severity;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import java.io.PrintStream;
import java.util.List;

/** {@code path:line:col: severity message [PT303]} with a caret snippet, like compilers print. */
final class TextReport {
  private TextReport() {}

  static void write(List<CheckedFile> files, PrintStream out, boolean snippets) {
    java.util.Map<String, SourceText> texts = new java.util.HashMap<>();
    files.forEach(f -> texts.put(f.path(), f.text()));
    write(files, texts, out, snippets);
  }

  /** {@code texts}: every document's text, for the positions of related locations in files not reported. */
  static void write(List<CheckedFile> files, java.util.Map<String, SourceText> texts, PrintStream out, boolean snippets) {
    for (CheckedFile file : files) {
      for (Finding f : file.findings()) {
        SourceText text = file.text();
        int line = text.lineOf(f.span().start());
        int column = text.codePointColumn(f.span().start());
        out.println(Escaper.escape(file.path()) + ":" + (line + 1) + ":" + column + ": "
            + f.severity().id() + " " + f.message() + " [" + f.code() + "]");
        if (snippets && text.length() > 0) {
          snippet(out, text, line, f);
        }
        for (dev.ptree.rules.Related r : f.related()) {
          SourceText other = texts.get(r.path());
          String where = other == null ? Escaper.escape(r.path()) : Escaper.escape(r.path()) + ":"
              + (other.lineOf(r.span().start()) + 1) + ":" + other.codePointColumn(r.span().start());
          out.println("    note: " + where + ": " + r.message());
        }
      }
    }
  }

  private static void snippet(PrintStream out, SourceText text, int line, Finding f) {
    if (text.lineEnd(line) - text.lineStart(line) > 300) {
      return; // measured before the line is copied: one long line can carry thousands of findings
    }
    String raw = text.lineText(line);
    int startInLine = f.span().start() - text.lineStart(line);
    int endInLine = Math.min(f.span().end(), text.lineEnd(line)) - text.lineStart(line);
    String before = Escaper.escape(raw.substring(0, Math.min(startInLine, raw.length())));
    String marked = Escaper.escape(raw.substring(Math.min(startInLine, raw.length()), Math.max(startInLine, Math.min(endInLine, raw.length()))));
    String gutter = String.format("%5d | ", line + 1);
    out.println(gutter + Escaper.escape(raw));
    int width = Math.max(1, marked.codePointCount(0, marked.length()));
    out.println(" ".repeat(gutter.length() - 2) + "| " + " ".repeat(before.codePointCount(0, before.length()))
        + "^" + "~".repeat(width - 1));
  }

  static String summary(int errors, int warnings, int files) {
    return errors + (errors == 1 ? " error, " : " errors, ") + warnings
        + (warnings == 1 ? " warning" : " warnings") + " in " + files + (files == 1 ? " file" : " files");
  }

  static long count(List<CheckedFile> files, Severity severity) {
    return files.stream().flatMap(f -> f.findings().stream()).filter(f -> f.severity() == severity).count();
  }
}
