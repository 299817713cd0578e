package dev.ptree.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ptree serve` as a child process, spoken to over its real stdin/stdout with hand-made frames:
 * malformed JSON-RPC, wrong parameter types, unknown methods and URIs, stale and out-of-range
 * edits, lifecycle misuse, cancel storms and concurrent requests during edits. After each the
 * server answers an error where a response is due and keeps serving; at the end it still answers
 * a hover, shuts down cleanly and has printed no stack trace.
 */
class ProtocolAbuseTest {
  private static final long WAIT_MS = 20_000;

  @TempDir
  Path dir;

  static final String CONFIG = ServerRoundTripTest.CONFIG;

  /** The server process and a framed JSON-RPC reader on its stdout. */
  static final class Peer implements AutoCloseable {
    final Process process;
    final OutputStream stdin;
    final Path stderr;
    /** Responses by id (as text), in arrival order; more than one for an id is a bug. */
    final Map<String, List<JsonObject>> responses = new ConcurrentHashMap<>();
    final List<JsonObject> notifications = new CopyOnWriteArrayList<>();
    final List<String> readerProblems = new CopyOnWriteArrayList<>();
    private final Thread reader;

    Peer(Path stderr) throws IOException {
      this.stderr = stderr;
      String java = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
          "dev.ptree.cli.Main", "serve");
      pb.redirectError(stderr.toFile());
      process = pb.start();
      stdin = process.getOutputStream();
      reader = new Thread(() -> read(process.getInputStream()), "abuse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(InputStream raw) {
      InputStream in = new BufferedInputStream(raw);
      try {
        while (true) {
          int length = -1;
          String line;
          boolean any = false;
          while ((line = readLine(in)) != null) {
            if (line.isEmpty()) {
              if (any) {
                break;
              }
              continue;
            }
            any = true;
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
              length = Integer.parseInt(line.substring(colon + 1).trim());
            }
          }
          if (line == null) {
            return;
          }
          if (length < 0) {
            readerProblems.add("a frame without Content-Length");
            continue;
          }
          byte[] body = in.readNBytes(length);
          if (body.length < length) {
            readerProblems.add("a truncated frame");
            return;
          }
          JsonObject msg = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
          if (msg.has("method")) {
            notifications.add(msg); // notifications and server->client requests alike
            if (msg.has("id")) {
              // a request of the server's (progress tokens, registrations): accepted, as an editor does
              send("{\"jsonrpc\":\"2.0\",\"id\":" + msg.get("id") + ",\"result\":null}");
            }
          } else {
            String id = msg.has("id") && !msg.get("id").isJsonNull() ? msg.get("id").getAsString() : "null";
            responses.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(msg);
          }
          synchronized (this) {
            notifyAll();
          }
        }
      } catch (IOException | RuntimeException e) {
        readerProblems.add(String.valueOf(e));
      } finally {
        synchronized (this) {
          notifyAll();
        }
      }
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          String s = b.toString(StandardCharsets.US_ASCII);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        b.write(c);
      }
      return null;
    }

    synchronized void raw(String bytes) throws IOException {
      stdin.write(bytes.getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }

    /** One message framed with the right Content-Length. */
    synchronized void send(String json) throws IOException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      stdin.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      stdin.write(body);
      stdin.flush();
    }

    void request(Object id, String method, String params) throws IOException {
      String idText = id instanceof String s ? "\"" + s + "\"" : String.valueOf(id);
      send("{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    void notify(String method, String params) throws IOException {
      send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    /** The one response to an id, waiting at most {@link #WAIT_MS}. */
    JsonObject await(Object id) throws InterruptedException {
      String key = String.valueOf(id);
      long deadline = System.currentTimeMillis() + WAIT_MS;
      synchronized (this) {
        // the reader makes the id's list, then adds the response: wait for the response itself
        while (responses.getOrDefault(key, List.of()).isEmpty()) {
          long left = deadline - System.currentTimeMillis();
          if (left <= 0 || !process.isAlive()) {
            throw new AssertionError("no response to id " + key + (process.isAlive() ? " in time" : "; the server exited")
                + "; stderr:\n" + stderrText());
          }
          wait(Math.min(left, 200));
        }
      }
      return responses.get(key).get(0);
    }

    JsonObject call(Object id, String method, String params) throws Exception {
      request(id, method, params);
      return await(id);
    }

    /** Waits for a publishDiagnostics for the URI that satisfies the condition. */
    JsonObject awaitDiagnostics(String uri, Predicate<JsonObject> ok) throws InterruptedException {
      long deadline = System.currentTimeMillis() + WAIT_MS;
      synchronized (this) {
        while (true) {
          for (int i = notifications.size() - 1; i >= 0; i--) {
            JsonObject n = notifications.get(i);
            if (n.get("method").getAsString().equals("textDocument/publishDiagnostics")
                && n.getAsJsonObject("params").get("uri").getAsString().equals(uri) && ok.test(n.getAsJsonObject("params"))) {
              return n.getAsJsonObject("params");
            }
          }
          long left = deadline - System.currentTimeMillis();
          if (left <= 0 || !process.isAlive()) {
            throw new AssertionError("no diagnostics as expected for " + uri + "; stderr:\n" + stderrText());
          }
          wait(Math.min(left, 200));
        }
      }
    }

    String stderrText() {
      try {
        return Files.readString(stderr);
      } catch (IOException e) {
        return "(stderr unreadable: " + e + ")";
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private static int errorCode(JsonObject response) {
    assertThat(response.has("error")).as("an error response: %s", response).isTrue();
    return response.getAsJsonObject("error").get("code").getAsInt();
  }

  private static JsonElement result(JsonObject response) {
    assertThat(response.has("error")).as("a result, not an error: %s", response).isFalse();
    return response.get("result");
  }

  private static String hoverParams(String uri, int line, int character) {
    return "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":" + character + "}}";
  }

  private static String change(String uri, int version, int l1, int c1, int l2, int c2, String text) {
    return "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version + "},\"contentChanges\":[{\"range\":{"
        + "\"start\":{\"line\":" + l1 + ",\"character\":" + c1 + "},\"end\":{\"line\":" + l2 + ",\"character\":" + c2
        + "}},\"text\":\"" + text + "\"}]}";
  }

  private static String fullChange(String uri, int version, String text) {
    return "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version + "},\"contentChanges\":[{\"text\":"
        + new com.google.gson.Gson().toJson(text) + "}]}";
  }

  /** The server answers the hover on the inventory record (line 8, on `total`) with its capacity. */
  private static void assertServing(Peer p, Object id, String uri) throws Exception {
    JsonElement hover = result(p.call(id, "textDocument/hover", hoverParams(uri, 8, 14)));
    assertThat(hover.isJsonObject()).as("a hover: %s", hover).isTrue();
    assertThat(hover.getAsJsonObject().getAsJsonObject("contents").get("value").getAsString()).contains("capacity");
  }

  /** The publishDiagnostics params for a URI, in arrival order. */
  private static List<JsonObject> publishes(Peer p, String uri) {
    return p.notifications.stream().filter(n -> n.get("method").getAsString().equals("textDocument/publishDiagnostics"))
        .map(n -> n.getAsJsonObject("params")).filter(d -> d.get("uri").getAsString().equals(uri)).toList();
  }

  /** No error response carries a stack trace or a `data` beyond a short note, and no logged line a stack trace. */
  private static void assertNoStackTraceOnTheWire(Peer p) {
    p.responses.values().stream().flatMap(List::stream).filter(r -> r.has("error")).forEach(r -> {
      assertThat(r.getAsJsonObject("error").toString()).as("%s", r).doesNotContain("\\tat ").doesNotContain("\tat ")
          .doesNotContain(".java:");
    });
    p.notifications.stream().filter(n -> n.get("method").getAsString().equals("window/logMessage")
        || n.get("method").getAsString().equals("window/showMessage")).forEach(n -> {
          assertThat(n.toString()).as("%s", n).doesNotContain("\\tat ").doesNotContain("\tat ").doesNotContain(".java:");
        });
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void anOpenDocumentIsPublishedWithItsVersionWhileTheScanReadsItAndCleanFilesAreNeverPublished() throws Exception {
    Path root = dir.resolve("repo");
    Path file = Files.createDirectories(root.resolve("provider_config")).resolve("a.yaml");
    Files.writeString(file, CONFIG);
    String clean = CONFIG.replace("$COMPUTE_NODE", "cn%d").replace("reserved: 4", "reserved: 1");
    for (int host = 0; host < 300; host++) {
      Files.writeString(Files.createDirectories(root.resolve("host" + host + "/provider_config")).resolve("c.yaml"),
          String.format(clean, host));
    }
    String uri = file.toUri().toString();
    try (Peer p = new Peer(dir.resolve("stderr.txt"))) {
      p.call(1, "initialize", "{\"processId\":null,\"rootUri\":\"" + root.toUri() + "\","
          + "\"capabilities\":{\"window\":{\"workDoneProgress\":true}}}");
      p.notify("initialized", "{}");
      // opened and edited while the scan reads the same file from disk
      p.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"yaml\",\"version\":1,"
          + "\"text\":" + new com.google.gson.Gson().toJson(CONFIG) + "}}");
      for (int v = 2; v <= 6; v++) {
        p.notify("textDocument/didChange", change(uri, v, 0, 0, 0, 0, "#\\n"));
      }
      awaitProgress(p, "end");
      p.awaitDiagnostics(uri, d -> d.get("version").getAsInt() == 6);

      assertThat(publishes(p, uri)).isNotEmpty().allMatch(d -> d.has("version") && !d.get("version").isJsonNull());
      assertThat(p.notifications).filteredOn(n -> n.get("method").getAsString().equals("textDocument/publishDiagnostics"))
          .as("clean files that are not open are never published").allMatch(n -> n.toString().contains(uri));
      List<String> kinds = p.notifications.stream().filter(n -> n.get("method").getAsString().equals("$/progress"))
          .map(n -> n.getAsJsonObject("params").getAsJsonObject("value").get("kind").getAsString()).toList();
      assertThat(kinds).startsWith("begin").endsWith("end");
      assertThat(p.stderrText()).doesNotContain("\tat ");
      assertNoStackTraceOnTheWire(p);
    }
  }

  private static void awaitProgress(Peer p, String kind) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MS;
    synchronized (p) {
      while (p.notifications.stream().noneMatch(n -> n.get("method").getAsString().equals("$/progress")
          && n.getAsJsonObject("params").getAsJsonObject("value").get("kind").getAsString().equals(kind))) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0 || !p.process.isAlive()) {
          throw new AssertionError("no $/progress " + kind + "; stderr:\n" + p.stderrText());
        }
        p.wait(Math.min(left, 200));
      }
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void theServerAnswersAnErrorAndKeepsServingThroughProtocolAbuse() throws Exception {
    Path file = dir.resolve("provider_config/a.yaml");
    Files.createDirectories(file.getParent());
    String uri = file.toUri().toString();
    try (Peer p = new Peer(dir.resolve("stderr.txt"))) {
      // before initialize: an error, not a crash
      assertThat(errorCode(p.call(1, "textDocument/hover", hoverParams(uri, 0, 0)))).isEqualTo(-32002);

      JsonObject init = p.call(2, "initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
      assertThat(result(init).getAsJsonObject().has("capabilities")).isTrue();
      p.notify("initialized", "{}");
      p.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"yaml\",\"version\":1,"
          + "\"text\":" + new com.google.gson.Gson().toJson(CONFIG) + "}}");
      p.awaitDiagnostics(uri, d -> d.get("version").getAsInt() == 1);
      assertServing(p, 3, uri);

      // malformed JSON: a framed body that is not JSON (no id to answer), then a good request
      p.raw("Content-Length: 16\r\n\r\nthis is not json");
      assertServing(p, 4, uri);
      // a request cut off mid-body: answered with a parse error, for its id
      String cut = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":";
      p.raw("Content-Length: " + cut.length() + "\r\n\r\n" + cut);
      assertThat(errorCode(p.await(5))).isEqualTo(-32700);
      assertServing(p, 6, uri);
      // truncated headers: no value, a non-number, a header line without a colon
      p.raw("Content-Length:\r\n\r\n");
      p.raw("Content-Length: abc\r\n\r\n");
      p.raw("Content-Len\r\n\r\n");
      assertServing(p, 7, uri);
      // a Content-Length too short: the rest of the body runs into the next header; the good message after it is read
      String good = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/hover\",\"params\":" + hoverParams(uri, 8, 14) + "}";
      p.raw("Content-Length: " + (good.length() - 7) + "\r\n\r\n" + good.replace("\"id\":8", "\"id\":9"));
      assertServing(p, 10, uri);
      assertThat(p.responses.getOrDefault("9", List.of())).hasSizeLessThanOrEqualTo(1);
      // a Content-Length too long: it swallows the start of the next message; the one after that is answered
      p.raw("Content-Length: " + (good.length() + 30) + "\r\n\r\n" + good.replace("\"id\":8", "\"id\":11"));
      p.request(12, "textDocument/hover", hoverParams(uri, 8, 14));
      assertServing(p, 13, uri);
      assertThat(p.responses.getOrDefault("11", List.of())).hasSizeLessThanOrEqualTo(1);
      assertThat(p.responses.getOrDefault("12", List.of())).hasSizeLessThanOrEqualTo(1);

      // wrong parameter types: an error each
      assertThat(errorCode(p.call(20, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":\"x\"}")))
          .isIn(-32602, -32700, -32600);
      assertThat(errorCode(p.call(21, "textDocument/hover", "{\"textDocument\":5,\"position\":{\"line\":\"a\"}}")))
          .isIn(-32602, -32700, -32600);
      assertThat(errorCode(p.call(22, "textDocument/completion", "[1,2,3]"))).isIn(-32602, -32700, -32600);
      p.notify("textDocument/didChange", "{\"textDocument\":\"x\",\"contentChanges\":7}");
      assertServing(p, 23, uri);

      // unknown methods: a request gets MethodNotFound, a notification is ignored
      assertThat(errorCode(p.call(30, "ptree/noSuchMethod", "{}"))).isEqualTo(-32601);
      p.notify("ptree/noSuchNotification", "{}");
      p.notify("$/noSuchNotification", "{}");
      assertServing(p, 31, uri);

      // methods the server does not implement, LSP's and unknown ones alike: MethodNotFound, a short
      // message and no data (LSP4J's default is -32603 with the stack trace in data)
      String doc = "{\"textDocument\":{\"uri\":\"" + uri + "\"}";
      String range = ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":9,\"character\":0}}";
      Map<String, String> unimplemented = new java.util.LinkedHashMap<>();
      unimplemented.put("textDocument/semanticTokens/full", doc + "}");
      unimplemented.put("textDocument/formatting", doc + ",\"options\":{\"tabSize\":2,\"insertSpaces\":true}}");
      unimplemented.put("textDocument/colorPresentation", doc + range + ",\"color\":{\"red\":0,\"green\":0,\"blue\":0,\"alpha\":1}}");
      unimplemented.put("workspace/willRenameFiles", "{\"files\":[]}");
      unimplemented.put("foo/bar", "{}");
      unimplemented.put("$/noSuchRequest", "{}");
      int unimplementedId = 50;
      for (var m : unimplemented.entrySet()) {
        JsonObject r = p.call(unimplementedId++, m.getKey(), m.getValue());
        assertThat(errorCode(r)).as("%s: %s", m.getKey(), r).isEqualTo(-32601);
        JsonObject error = r.getAsJsonObject("error");
        assertThat(error.has("data")).as("%s: %s", m.getKey(), r).isFalse();
        assertThat(error.get("message").getAsString()).contains(m.getKey()).hasSizeLessThan(120);
      }
      // notifications the server does not implement (LSP's and unknown ones): ignored without a word
      p.notify("window/workDoneProgress/cancel", "{\"token\":\"none\"}");
      p.notify("$/setTrace", "{\"value\":\"verbose\"}");
      p.notify("foo/bar", "{}");
      assertServing(p, 59, uri);

      // unknown URIs: null, not a crash
      JsonObject unknown = p.call(32, "textDocument/hover", hoverParams("file:///never/opened.yaml", 3, 3));
      assertThat(unknown.has("error") || unknown.get("result").isJsonNull()).as("%s", unknown).isTrue();
      p.call(33, "textDocument/completion", hoverParams("untitled:never", 0, 0));
      p.call(34, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"file:///never/opened.yaml\"},"
          + "\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":9,\"character\":0}},\"context\":{\"diagnostics\":[]}}");
      p.notify("textDocument/didChange", change("file:///never/opened.yaml", 2, 0, 0, 0, 0, "x"));
      p.notify("textDocument/didClose", "{\"textDocument\":{\"uri\":\"file:///never/opened.yaml\"}}");

      // stale and duplicate versions: ignored, the text stays the editor's
      p.notify("textDocument/didChange", change(uri, 1, 0, 0, 0, 0, "stale: 1\\n"));
      p.notify("textDocument/didChange", change(uri, 2, 9, 22, 9, 23, "2"));  // reserved: 2
      p.notify("textDocument/didChange", change(uri, 2, 8, 19, 8, 20, "1"));  // duplicate v2: ignored
      p.notify("textDocument/didChange", change(uri, 0, 0, 0, 0, 0, "stale: 0\\n"));
      p.awaitDiagnostics(uri, d -> d.get("version").getAsInt() == 2);
      JsonElement v2 = result(p.call(40, "textDocument/hover", hoverParams(uri, 8, 14)));
      String md = v2.getAsJsonObject().getAsJsonObject("contents").get("value").getAsString();
      assertThat(md).contains("capacity").contains("4").doesNotContain("stale");

      // out-of-range edits: lines past the end, negative numbers, start after end
      p.notify("textDocument/didChange", change(uri, 3, 900, 0, 901, 5, "# past the end\\n"));
      p.notify("textDocument/didChange", change(uri, 4, -3, -7, -1, -1, ""));
      p.notify("textDocument/didChange", change(uri, 5, 0, 5, 0, 0, "meta:"));
      p.notify("textDocument/didChange", change(uri, 6, 2147483647, 2147483647, -2147483648, -2147483648, ""));
      // (clamped into the text, a reversed range read forwards: the last edit empties the document)
      p.awaitDiagnostics(uri, d -> d.get("version").getAsInt() == 6);
      p.notify("textDocument/didChange", fullChange(uri, 7, CONFIG));
      p.awaitDiagnostics(uri, d -> d.get("version").getAsInt() == 7);
      assertServing(p, 41, uri);

      // a storm of $/cancelRequest: for requests in flight, for ids never sent, for odd ids
      List<Integer> cancelled = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int id = 100 + i;
        p.request(id, "textDocument/hover", hoverParams(uri, 8, 14));
        p.notify("$/cancelRequest", "{\"id\":" + id + "}");
        p.notify("$/cancelRequest", "{\"id\":" + (90_000 + i) + "}");
        p.notify("$/cancelRequest", "{\"id\":\"no-such-" + i + "\"}");
        cancelled.add(id);
      }
      p.notify("$/cancelRequest", "{}");
      p.notify("$/cancelRequest", "{\"id\":null}");
      p.notify("$/cancelRequest", "{\"id\":{\"nested\":true}}");
      for (int id : cancelled) {
        JsonObject r = p.await(id);
        assertThat(r.has("result") || errorCode(r) == -32800).as("%s", r).isTrue();
      }
      assertServing(p, 150, uri);

      // 50 hovers, completions and code actions sent while edits stream in: one response each
      int version = 10;
      List<Integer> concurrent = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        int id = 200 + i;
        switch (i % 3) {
          case 0 -> p.request(id, "textDocument/hover", hoverParams(uri, 8, 14));
          case 1 -> p.request(id, "textDocument/completion", hoverParams(uri, 8, 12));
          default -> p.request(id, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + uri + "\"},"
              + "\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":12,\"character\":0}},"
              + "\"context\":{\"diagnostics\":[]}}");
        }
        concurrent.add(id);
        for (int k = 0; k < 4; k++) {
          p.notify("textDocument/didChange", change(uri, version++, 0, 0, 0, 0, k % 2 == 0 ? "#\\n" : ""));
        }
      }
      long deadline = System.currentTimeMillis() + WAIT_MS;
      for (int id : concurrent) {
        JsonObject r = p.await(id);
        assertThat(r.has("result") || r.has("error")).isTrue();
      }
      assertThat(System.currentTimeMillis()).isLessThanOrEqualTo(deadline);

      // the server still answers a hover on the inventory record after all of it
      p.notify("textDocument/didChange", fullChange(uri, version++, CONFIG));
      p.awaitDiagnostics(uri, d -> d.get("version").getAsInt() == 10 + 200);
      assertServing(p, 300, uri);

      // every response came once
      p.responses.forEach((id, list) -> assertThat(list).as("responses to id %s", id).hasSize(1));

      // shutdown; requests after it get an error; exit ends the process with 0
      assertThat(result(p.call(400, "shutdown", "null")).isJsonNull()).isTrue();
      assertThat(errorCode(p.call(401, "textDocument/hover", hoverParams(uri, 8, 14)))).isEqualTo(-32600);
      p.notify("textDocument/didChange", change(uri, version++, 0, 0, 0, 0, "#\\n"));
      p.notify("exit", "null");
      assertThat(p.process.waitFor(20, TimeUnit.SECONDS)).as("the server exits after exit").isTrue();
      assertThat(p.process.exitValue()).isZero();
      String err = p.stderrText();
      assertThat(err).doesNotContain("\tat ").doesNotContain("Exception in thread");
      assertThat(err).as("unimplemented methods are not logged").doesNotContain("noSuch").doesNotContain("foo/bar")
          .doesNotContain("Unsupported");
      assertThat(p.readerProblems).isEmpty();
      assertNoStackTraceOnTheWire(p);
      // every publish for the open document carries the version it was computed on
      assertThat(publishes(p, uri)).isNotEmpty().allMatch(d -> d.has("version") && !d.get("version").isJsonNull());
    }
  }
}
