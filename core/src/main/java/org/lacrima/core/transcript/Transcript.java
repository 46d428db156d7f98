package org.lacrima.core.transcript;

import java.util.Objects;

/**
 * A transcript as read from a file, before it becomes a document: its name (the file name without
 * extension), the file it came from, its format and the encoding its bytes were decoded from, the
 * SHA-256 of those bytes, and the decoded text, not yet normalized.
 */
public record Transcript(String name, String fileName, String format, String encoding, String sha256, String rawText) {
  public Transcript {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(rawText, "rawText");
  }
}
