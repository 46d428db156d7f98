package org.lacrima.core.codebook;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a project's codebook log: who changed the category system, when, why, and exactly
 * what ({@code details}, a JSON document whose shape depends on the kind). The log replays: applied
 * in order to the base version, it reproduces the current system.
 */
public record CodebookChange(long sequence, UUID id, Instant at, String who, String why, Kind kind, String details) {

  public CodebookChange {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(details, "details");
  }

  public enum Kind {
    /** The project's system was seeded from a built-in system: the base version. */
    SEED,
    /** The project started with no categories. */
    SEED_EMPTY,
    ADD, EDIT, RENAME, MOVE, RETIRE, REACTIVATE, EXCLUSIVE, MERGE, SPLIT, PLACE, UNDO, IMPORT, UPGRADE, TAG;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }
}
