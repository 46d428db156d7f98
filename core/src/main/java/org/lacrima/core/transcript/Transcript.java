package org.lacrima.core.transcript;

import java.util.Objects;
import org.lacrima.core.text.Names;

/**
 * A transcript as read from a file, before it becomes a document: its name (the file name without
 * extension, as {@link Names#normalize} gives it, so that "Interview 3 .txt" is the document
 * "Interview 3" that a CSV file names), the file it came from, its format and the encoding its bytes were decoded from, the
 * SHA-256 of those bytes, the decoded text, not yet normalized, and the path it was read from as the user gave it
 * (for messages: two files of one name in different folders must be told apart).
 */
public record Transcript(String name, String fileName, String format, String encoding, String sha256, String rawText,
    String path) {

  /** A transcript that did not come from a file the user named (the demo, tests): its path is its file name. */
  public Transcript(String name, String fileName, String format, String encoding, String sha256, String rawText) {
    this(name, fileName, format, encoding, sha256, rawText, fileName);
  }

  public Transcript {
    Objects.requireNonNull(path, "path");
    name = Names.normalize(Objects.requireNonNull(name, "name"));
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(rawText, "rawText");
  }
}
