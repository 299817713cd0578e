package dev.ptree.cli;

import dev.ptree.rules.Finding;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import java.io.PrintStream;
import java.util.List;

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * {@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=ptree PT303::message}.
 * Input text is neutralised first (control, bidi and invisible characters escaped), then escaped
 * as the runner parses commands: {@code %}, CR and LF in the message, and {@code :} and {@code ,}
 * too in properties.
 */
final class GithubReport {
  private GithubReport() {}

  static void write(List<CheckedFile> files, PrintStream out) {
    for (CheckedFile file : files) {
      SourceText text = file.text();
      for (Finding f : file.findings()) {
        int start = f.span().start();
        int end = Math.max(start, f.span().end());
        out.print("::" + command(f) + " file=" + property(file.path())
            + ",line=" + (text.lineOf(start) + 1) + ",col=" + text.codePointColumn(start)
            + ",endLine=" + (text.lineOf(end) + 1) + ",endColumn=" + text.codePointColumn(end)
            + ",title=" + property("ptree " + f.code())
            + "::" + data(f.message()) + "\n");
      }
    }
    out.flush();
  }

  private static String command(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "notice";
    };
  }

  static String data(String s) {
    return Escaper.escape(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
