package org.lacrima.core.transcript;

import java.util.Objects;
import org.lacrima.core.text.Names;

/**
 * A transcript as read from a file, before it becomes a document: its name (the file name without
 * extension, as {@link Names#normalize} gives it, so that "Interview 3 .txt" is the document
 * "Interview 3" that a CSV file names), the file it came from, its format and the encoding its bytes were decoded from, the
 * SHA-256 of those bytes, and the decoded text, not yet normalized.
 */
public record Transcript(String name, String fileName, String format, String encoding, String sha256, String rawText) {
  public Transcript {
    name = Names.normalize(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(rawText, "rawText");
  }
}
