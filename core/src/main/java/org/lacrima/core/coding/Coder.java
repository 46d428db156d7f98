package org.lacrima.core.coding;

import java.util.Objects;
import java.util.UUID;

/** A person (or, later, a model) whose codings form one layer of a project. */
public record Coder(UUID id, String name) {
  public Coder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a coder needs a name");
    }
  }
}
