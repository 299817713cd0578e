package dev.ptree.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ptree.rules.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** One JSON object per line and finding: the JSON report's diagnostic with its path, for streaming tools. */
final class JsonLinesReport {
  private JsonLinesReport() {}

  static void write(List<CheckedFile> files, OutputStream out) throws IOException {
    JsonFactory factory = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    for (CheckedFile file : files) {
      for (Finding f : file.findings()) {
        try (JsonGenerator g = factory.createGenerator(out)) {
          g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
          g.writeStartObject();
          g.writeStringField("path", file.path());
          g.writeStringField("rule", f.code());
          g.writeStringField("name", f.rule().name());
          g.writeStringField("category", f.rule().category().id());
          g.writeStringField("severity", f.severity().id());
          g.writeStringField("message", f.message());
          g.writeFieldName("range");
          JsonReport.range(g, file.text(), f.span());
          g.writeEndObject();
        }
        out.write('\n');
      }
    }
    out.flush();
  }
}
