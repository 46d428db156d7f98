package org.lacrima.core.transcript;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a document came from: the file name as given, its format, the encoding it was decoded from,
 * the SHA-256 of its bytes, and who imported it when.
 */
public record DocumentSource(String fileName, String format, String encoding, String sha256,
    Instant importedAt, String importedBy) {
  public DocumentSource {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(importedAt, "importedAt");
    Objects.requireNonNull(importedBy, "importedBy");
  }
}
