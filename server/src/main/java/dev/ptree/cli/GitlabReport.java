package dev.ptree.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ptree.rules.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A GitLab Code Quality report (the CodeClimate subset GitLab reads): an array of issues with
 * description, check_name, fingerprint, severity and location.path / location.lines.begin.
 * Fingerprints are stable across runs and line moves (see {@link Fingerprints}).
 */
final class GitlabReport {
  private GitlabReport() {}

  static void write(List<CheckedFile> files, OutputStream out) throws IOException {
    Fingerprints fingerprints = new Fingerprints();
    try (JsonGenerator g = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (CheckedFile file : files) {
        for (Finding f : file.findings()) {
          g.writeStartObject();
          g.writeStringField("type", "issue");
          g.writeStringField("check_name", f.code());
          g.writeStringField("description", f.code() + " " + f.rule().name() + ": " + f.message());
          g.writeArrayFieldStart("categories");
          g.writeString(category(f));
          g.writeEndArray();
          g.writeStringField("fingerprint", fingerprints.of(file.path(), file.text(), f).replace(':', '-'));
          g.writeStringField("severity", severity(f));
          g.writeObjectFieldStart("location");
          g.writeStringField("path", Fingerprints.normalise(file.path()));
          g.writeObjectFieldStart("lines");
          g.writeNumberField("begin", file.text().lineOf(f.span().start()) + 1);
          g.writeNumberField("end", file.text().lineOf(Math.max(f.span().start(), f.span().end())) + 1);
          g.writeEndObject();
          g.writeEndObject();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
    }
    out.write('\n');
    out.flush();
  }

  /** GitLab's severities: info, minor, major, critical, blocker. */
  static String severity(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "major";
      case WARNING -> "minor";
      default -> "info";
    };
  }

  /** CodeClimate's categories: syntax and schema errors are bug risks, unsafe text is security. */
  private static String category(Finding f) {
    return switch (f.rule().category()) {
      case NEUTRALIZATION -> "Security";
      case SYNTAX -> "Compatibility";
      default -> "Bug Risk";
    };
  }
}
