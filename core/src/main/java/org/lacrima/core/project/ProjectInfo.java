package org.lacrima.core.project;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A project: one study's documents, category system, coders and codings. {@code baseSystem} and
 * {@code baseVersion} name the category system it was seeded from ("empty" for a project begun
 * without one).
 */
public record ProjectInfo(UUID id, String name, Instant created, String createdBy, String baseSystem,
    String baseVersion) {
  public ProjectInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(baseSystem, "baseSystem");
    Objects.requireNonNull(baseVersion, "baseVersion");
  }
}
