package dev.ptree.io;

import dev.ptree.model.SourceDocument;
import dev.ptree.model.SourceDocument.ReadProblem;
import dev.ptree.text.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Reads a file the way nova opens it: UTF-8 text, strictly; problems become a ReadProblem. */
public final class SourceReader {
  /**
   * Larger files are not analysed: 64 MiB. A 64 MB provider config is already far beyond any real
   * one (nova would need minutes and gigabytes for it); the limit bounds the memory one file costs.
   */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private SourceReader() {}

  public static SourceDocument read(Path file, String displayPath) {
    String name = file.getFileName() == null ? displayPath : file.getFileName().toString();
    try {
      BasicFileAttributes attributes = attributes(file);
      if (attributes != null && attributes.isDirectory()) {
        return problem(displayPath, name, "this is a directory, but its name matches *.yaml: nova"
            + " fails with \"Unable to read yaml config file\"", false);
      }
      if (attributes == null || !attributes.isRegularFile()) {
        // a FIFO or a device would block the reader or never end
        return problem(displayPath, name, "not a regular file (a pipe, socket or device); it was not read", false);
      }
      long size = attributes.size();
      if (size > MAX_BYTES) {
        return tooLarge(displayPath, name, size);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        // one buffer of the size the file has; if it grew while it was read, the rest up to the limit
        bytes = in.readNBytes((int) size);
        int next = in.read();
        if (next >= 0) {
          byte[] rest = in.readNBytes((int) (MAX_BYTES - bytes.length));
          byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + 1 + rest.length);
          all[bytes.length] = (byte) next;
          System.arraycopy(rest, 0, all, bytes.length + 1, rest.length);
          bytes = all;
        }
      }
      if (bytes.length > MAX_BYTES) {
        return tooLarge(displayPath, name, -1);
      }
      return decode(displayPath, name, bytes);
    } catch (IOException | SecurityException e) {
      return problem(displayPath, name, "cannot read the file (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): nova fails with \"Unable to"
          + " read yaml config file\"", false);
    }
  }

  /** The file's attributes, following a symlink; null when there is nothing to stat (a dangling link). */
  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static SourceDocument tooLarge(String path, String name, long size) {
    return problem(path, name, "file is " + (size < 0 ? "more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_BYTES)
        : String.format(java.util.Locale.ROOT, "%,d", size)) + " bytes, over the size limit of " + MAX_BYTES / (1024 * 1024)
        + " MiB (" + String.format(java.util.Locale.ROOT, "%,d", MAX_BYTES) + " bytes); it was not analysed", false);
  }

  private static SourceDocument problem(String path, String name, String message, boolean crash) {
    return new SourceDocument(path, name, new SourceText(""), new ReadProblem(message, 0, crash));
  }

  public static SourceDocument decode(String path, String name, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return new SourceDocument(path, name, new SourceText(text), null); // valid: no replacement made
    }
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = strict.decode(in, out, true);
    if (!result.isError()) {
      strict.flush(out);
      out.flip();
      return new SourceDocument(path, name, new SourceText(out.toString()), null);
    }
    int badByte = in.position();
    int charOffset = out.position();
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    String hint = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) ? " (the file looks like UTF-16)" : "";
    String message = String.format("byte 0x%02x at offset %d is not valid UTF-8%s: nova crashes"
        + " reading the file with UnicodeDecodeError", bytes[badByte] & 0xFF, badByte, hint);
    return new SourceDocument(path, name, new SourceText(lenient), new ReadProblem(message, charOffset, true));
  }
}
