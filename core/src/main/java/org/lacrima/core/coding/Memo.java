package org.lacrima.core.coding;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A note on anything in a project: the project, a document, a category, a coding, a unit. */
public record Memo(UUID id, Target target, UUID targetId, String author, Instant written, String text) {

  public Memo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(text, "text");
  }

  public enum Target {
    PROJECT, DOCUMENT, CATEGORY, CODING, MEANING_UNIT, CODER;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Target parse(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }
}
