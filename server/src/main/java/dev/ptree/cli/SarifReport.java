package dev.ptree.cli;

import dev.ptree.rules.RuleDocs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ptree.rules.Finding;
import dev.ptree.rules.Related;
import dev.ptree.rules.Rule;
import dev.ptree.rules.RuleInfo;
import dev.ptree.rules.registry.Rules;
import dev.ptree.rules.Severity;
import dev.ptree.text.SourceText;
import dev.ptree.text.Span;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 with the full rule table, for code-scanning uploads: rules tagged with their
 * category's CWE, security rules with a security-severity, results with partialFingerprints, and
 * GitHub's upload limits kept (results over the cap are left out and the run says so).
 */
final class SarifReport {
  private SarifReport() {}

  /** GitHub code scanning rejects a run with more results than this. */
  static final int MAX_RESULTS = 25_000;
  /** ... and a result with more locations than this (relatedLocations are capped the same way). */
  static final int MAX_LOCATIONS = 1_000;
  /** ... and an upload larger than this, gzip-compressed. */
  static final long MAX_GZIP_BYTES = 10L * 1024 * 1024;

  /** What a write left out to stay within GitHub's limits, for the caller to report. */
  record Written(int omittedResults, long gzipBytes) {}

  static void write(List<CheckedFile> files, OutputStream out, String version) throws IOException {
    write(files, out, version, MAX_RESULTS);
  }

  static Written write(List<CheckedFile> files, OutputStream target, String version, int maxResults)
      throws IOException {
    return write(files, target, version, maxResults, Map.of());
  }

  /** {@code context}: texts of documents not reported, for the positions of related locations. */
  static Written write(List<CheckedFile> files, OutputStream target, String version, int maxResults,
      Map<String, SourceText> context) throws IOException {
    CountingGzip gzip = new CountingGzip(target);
    OutputStream out = gzip;
    List<Map.Entry<CheckedFile, Finding>> kept = new java.util.ArrayList<>();
    for (CheckedFile file : files) {
      for (Finding f : file.findings()) {
        kept.add(Map.entry(file, f));
      }
    }
    int total = kept.size();
    if (total > maxResults) {
      // the most severe first, so what is left out is the least important
      List<Map.Entry<CheckedFile, Finding>> ranked = new java.util.ArrayList<>(kept);
      ranked.sort(java.util.Comparator.comparingInt(e -> e.getValue().severity().ordinal()));
      java.util.Set<Finding> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      ranked.subList(0, maxResults).forEach(e -> keep.add(e.getValue()));
      kept.removeIf(e -> !keep.contains(e.getValue()));
    }
    int omitted = total - kept.size();
    Fingerprints fingerprints = new Fingerprints();
    Map<String, Integer> ruleIndex = new HashMap<>();
    Map<String, SourceText> texts = new HashMap<>(context);
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
      if (omitted > 0) {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", true);
        g.writeArrayFieldStart("toolExecutionNotifications");
        g.writeStartObject();
        g.writeStringField("level", "warning");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", omittedMessage(omitted, total, maxResults));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
      }
      g.writeStringField("columnKind", "utf16CodeUnits");
      g.writeArrayFieldStart("results");
      for (Map.Entry<CheckedFile, Finding> entry : kept) {
        CheckedFile file = entry.getKey();
        Finding f = entry.getValue();
        {
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
            for (Related r : f.related().subList(0, Math.min(f.related().size(), MAX_LOCATIONS))) {
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
          g.writeObjectFieldStart("partialFingerprints");
          String fingerprint = fingerprints.of(file.path(), file.text(), f);
          g.writeStringField("primaryLocationLineHash", fingerprint);
          g.writeStringField("ptree/v1", fingerprint);
          g.writeEndObject();
          g.writeObjectFieldStart("properties");
          g.writeStringField("category", f.rule().category().id());
          g.writeEndObject();
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      if (omitted > 0) {
        g.writeObjectFieldStart("properties");
        g.writeNumberField("omittedResults", omitted);
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
    return new Written(omitted, gzip.finish());
  }

  static String omittedMessage(int omitted, int total, int max) {
    return String.format(java.util.Locale.ROOT, "%,d of %,d results left out: GitHub code scanning rejects a run with"
        + " more than %,d; the most severe are kept. Narrow the check with ptree.toml (select, ignore) to see the rest.",
        omitted, total, max);
  }

  /** Passes bytes through and counts what they gzip to, to check the upload limit without a second pass. */
  private static final class CountingGzip extends java.io.FilterOutputStream {
    private long compressed;
    private final java.util.zip.GZIPOutputStream gzip = gzip();

    CountingGzip(OutputStream out) {
      super(out);
    }

    private java.util.zip.GZIPOutputStream gzip() {
      try {
        return new java.util.zip.GZIPOutputStream(new OutputStream() {
          @Override
          public void write(int b) {
            compressed++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            compressed += len;
          }
        });
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      gzip.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      gzip.write(b, off, len);
    }

    long finish() throws IOException {
      gzip.finish();
      return compressed;
    }
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
    if (info.category().cwe() > 0) {
      g.writeString("external/cwe/cwe-" + info.category().cwe());
    }
    String security = info.securitySeverity();
    if (security != null) {
      g.writeString("security");
    }
    g.writeEndArray();
    if (security != null) {
      g.writeStringField("security-severity", security);
    }
    g.writeStringField("precision", "high");
    g.writeStringField("problem.severity", info.defaultSeverity() == Severity.ERROR ? "error"
        : info.defaultSeverity() == Severity.WARNING ? "warning" : "recommendation");
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
