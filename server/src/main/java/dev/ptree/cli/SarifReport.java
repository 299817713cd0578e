package dev.ptree.cli;

import dev.ptree.rules.RuleDocs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Related;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.Rules;
import dev.ptree.rules.Severity;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0 with the full rule table, for code-scanning uploads. */
final class SarifReport {
  private SarifReport() {}

  static void write(List<CheckedFile> files, OutputStream out, String version) throws IOException {
    Map<String, Integer> ruleIndex = new HashMap<>();
    Map<String, SourceText> texts = new HashMap<>();
    for (CheckedFile f : files) {
      texts.put(f.path(), f.text());
    }
    // every non-ASCII character escaped: no bidi or invisible character from a path reaches a terminal raw
    try (JsonGenerator g = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "ptree");
      g.writeStringField("version", version);
      g.writeStringField("informationUri", "https://docs.openstack.org/nova/latest/admin/managing-resource-providers.html");
      g.writeArrayFieldStart("rules");
      int index = 0;
      for (Rule rule : Rules.all()) {
        ruleIndex.put(rule.code(), index++);
        writeRule(g, rule.info());
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("columnKind", "utf16CodeUnits");
      g.writeArrayFieldStart("results");
      for (CheckedFile file : files) {
        for (Finding f : file.findings()) {
          g.writeStartObject();
          g.writeStringField("ruleId", f.code());
          g.writeNumberField("ruleIndex", ruleIndex.getOrDefault(f.code(), -1));
          g.writeStringField("level", level(f.severity()));
          g.writeObjectFieldStart("message");
          g.writeStringField("text", f.message());
          g.writeEndObject();
          g.writeArrayFieldStart("locations");
          location(g, file.path(), file.text(), f.span(), null);
          g.writeEndArray();
          if (!f.related().isEmpty()) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 1;
            for (Related r : f.related()) {
              SourceText text = texts.getOrDefault(r.path(), file.text());
              g.writeStartObject();
              g.writeNumberField("id", id++);
              writePhysical(g, r.path(), text, r.span());
              g.writeObjectFieldStart("message");
              g.writeStringField("text", r.message());
              g.writeEndObject();
              g.writeEndObject();
            }
            g.writeEndArray();
          }
          g.writeObjectFieldStart("properties");
          g.writeStringField("category", f.rule().category().id());
          g.writeEndObject();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeRule(JsonGenerator g, RuleInfo info) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", info.code());
    g.writeStringField("name", info.name());
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", info.summary());
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", info.doc().what());
    g.writeEndObject();
    g.writeObjectFieldStart("help");
    g.writeStringField("text", RuleDocs.plain(info));
    g.writeStringField("markdown", RuleDocs.markdown(info));
    g.writeEndObject();
    g.writeObjectFieldStart("defaultConfiguration");
    g.writeStringField("level", level(info.defaultSeverity()));
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("category", info.category().id());
    g.writeArrayFieldStart("tags");
    g.writeString(info.category().id());
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void location(JsonGenerator g, String path, SourceText text, Span span, String note)
      throws IOException {
    g.writeStartObject();
    writePhysical(g, path, text, span);
    g.writeEndObject();
  }

  private static void writePhysical(JsonGenerator g, String path, SourceText text, Span span) throws IOException {
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri(path));
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", text.lineOf(span.start()) + 1);
    g.writeNumberField("startColumn", text.utf16Column(span.start()) + 1);
    g.writeNumberField("endLine", text.lineOf(span.end()) + 1);
    g.writeNumberField("endColumn", text.utf16Column(span.end()) + 1);
    g.writeEndObject();
    g.writeEndObject();
  }

  static String uri(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    StringBuilder sb = new StringBuilder();
    for (byte b : p.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append(String.format("%%%02X", c));
      }
    }
    return sb.toString();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      default -> "note";
    };
  }
}
