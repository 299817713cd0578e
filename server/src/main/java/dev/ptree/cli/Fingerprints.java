package dev.ptree.cli;

import dev.ptree.rules.Finding;
import dev.ptree.text.SourceText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stable identities for findings, for code scanning (SARIF partialFingerprints) and GitLab Code
 * Quality: a hash of the rule, the file, the trimmed text of the finding's line and the flagged
 * text, plus which occurrence of that hash in the file it is. No line number goes in, so a
 * finding keeps its identity when lines are inserted above it, and the same input gives the same
 * fingerprints on every run.
 */
final class Fingerprints {
  private static final int MAX_PART = 1000;
  private final Map<String, Integer> seen = new HashMap<>();

  /** {@code hash:occurrence}; call once per finding, in report order, with a fresh instance per run. */
  String of(String path, SourceText text, Finding f) {
    String hash = hash(f.code(), normalise(path), lineText(text, f), flagged(text, f));
    int occurrence = seen.merge(normalise(path) + "\0" + hash, 1, Integer::sum);
    return hash + ":" + occurrence;
  }

  static String normalise(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  private static String lineText(SourceText text, Finding f) {
    if (text.length() == 0) {
      return "";
    }
    int line = text.lineOf(f.span().start());
    int start = text.lineStart(line);
    int end = Math.min(text.lineEnd(line), start + MAX_PART);
    return text.content().substring(start, end).strip();
  }

  private static String flagged(SourceText text, Finding f) {
    int start = Math.min(f.span().start(), text.length());
    int end = Math.min(Math.min(f.span().end(), text.length()), start + MAX_PART);
    return text.content().substring(start, Math.max(start, end));
  }

  private static String hash(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }
}
