package dev.ptree.cli;

import dev.ptree.rules.Severity;
import dev.ptree.text.Escaper;
import dev.ptree.text.SourceText;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The report formats of `ptree check`, and writing one. */
final class Reports {
  private Reports() {}

  enum Format {
    TEXT("text"), JSON("json"), SARIF("sarif"), GITHUB("github"), GITLAB("gitlab"), JUNIT("junit"),
    JSON_LINES("json-lines");

    final String id;

    Format(String id) {
      this.id = id;
    }

    @Override
    public String toString() {
      return id;
    }

    static Format parse(String s) {
      for (Format f : values()) {
        if (f.id.equals(s)) {
          return f;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("unknown format " + Escaper.quote(s)
          + "; expected one of text, json, sarif, github, gitlab, junit, json-lines");
    }
  }

  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      return Format.parse(value);
    }
  }

  /**
   * Writes the findings in a format; {@code texts} holds every checked document's text, for
   * related locations in files that are not reported. Notes about GitHub's limits go to {@code err}.
   */
  static void write(Format format, List<CheckedFile> results, Map<String, SourceText> texts, PrintStream report,
      PrintStream err, boolean snippets) throws IOException {
    switch (format) {
      case JSON -> JsonReport.write(results, report);
      case SARIF -> {
        SarifReport.Written w = SarifReport.write(results, report, Main.VERSION, SarifReport.MAX_RESULTS, texts);
        if (w.omittedResults() > 0) {
          err.println("ptree: " + SarifReport.omittedMessage(w.omittedResults(),
              (int) results.stream().mapToLong(f -> f.findings().size()).sum(), SarifReport.MAX_RESULTS));
        }
        if (w.gzipBytes() > SarifReport.MAX_GZIP_BYTES) {
          err.printf(java.util.Locale.ROOT, "ptree: the SARIF report is %,d bytes gzip-compressed, over GitHub's upload"
              + " limit of %,d; narrow the check with ptree.toml (select, ignore, exclude)%n", w.gzipBytes(), SarifReport.MAX_GZIP_BYTES);
        }
      }
      case GITHUB -> GithubReport.write(results, report);
      case GITLAB -> GitlabReport.write(results, report);
      case JSON_LINES -> JsonLinesReport.write(results, report);
      case JUNIT -> {
        try {
          JunitReport.write(results, report);
        } catch (javax.xml.stream.XMLStreamException e) {
          throw new IOException(e);
        }
      }
      default -> {
        TextReport.write(results, texts, report, snippets);
        long errors = TextReport.count(results, Severity.ERROR);
        long warnings = TextReport.count(results, Severity.WARNING);
        report.println(TextReport.summary((int) errors, (int) warnings, results.size()));
      }
    }
  }
}
