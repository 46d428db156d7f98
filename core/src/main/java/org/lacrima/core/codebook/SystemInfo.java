package org.lacrima.core.codebook;

import java.util.Objects;

/**
 * What a category system is and where it comes from: an id and version (the built-in system's
 * version changes whenever a release revises it), a title, the citation of the publication it rests
 * on, a notice on authorship of its texts, and a note on translations.
 */
public record SystemInfo(
    String id,
    String version,
    LocalizedText title,
    String citation,
    String citationUrl,
    LocalizedText notice,
    LocalizedText translationNote) {

  public SystemInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(citationUrl, "citationUrl");
    Objects.requireNonNull(notice, "notice");
    Objects.requireNonNull(translationNote, "translationNote");
  }

  /** The system of a project started without categories. */
  public static SystemInfo empty(String title) {
    return new SystemInfo("empty", "0", LocalizedText.of(title), "", "", LocalizedText.empty(),
        LocalizedText.empty());
  }

  /** "crying-working-models 1.0.0" */
  public String versionLabel() {
    return id + " " + version;
  }
}
