package dev.ptree.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Severity;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The JSON shape of DESIGN §5: files, diagnostics with 0-based LSP ranges, a summary. */
final class JsonReport {
  private JsonReport() {}

  static void write(List<CheckedFile> files, OutputStream out) throws IOException {
    // every non-ASCII character escaped: no bidi or invisible character from a path reaches a terminal raw
    try (JsonGenerator g = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("files");
      for (CheckedFile file : files) {
        g.writeStartObject();
        g.writeStringField("path", file.path());
        g.writeArrayFieldStart("diagnostics");
        for (Finding f : file.findings()) {
          g.writeStartObject();
          g.writeStringField("rule", f.code());
          g.writeStringField("category", f.rule().category().id());
          g.writeStringField("severity", f.severity().id());
          g.writeStringField("message", f.message());
          g.writeFieldName("range");
          range(g, file.text(), f.span());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("errors", TextReport.count(files, Severity.ERROR));
      g.writeNumberField("warnings", TextReport.count(files, Severity.WARNING));
      g.writeEndObject();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  static void range(JsonGenerator g, SourceText text, Span span) throws IOException {
    g.writeStartObject();
    position(g, "start", text, span.start());
    position(g, "end", text, span.end());
    g.writeEndObject();
  }

  private static void position(JsonGenerator g, String name, SourceText text, int offset) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("line", text.lineOf(offset));
    g.writeNumberField("character", text.utf16Column(offset));
    g.writeEndObject();
  }
}
