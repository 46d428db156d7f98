package org.lacrima.core.codebook;

import java.util.Objects;
import java.util.UUID;

/** A relation between two categories that the paper states, with the section it rests on. */
public record Relation(UUID id, RelationKind kind, UUID from, UUID to, String paperSection, LocalizedText note) {

  public Relation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(paperSection, "paperSection");
    Objects.requireNonNull(note, "note");
  }

  public boolean touches(UUID category) {
    return from.equals(category) || to.equals(category);
  }

  /** The other end, seen from one end. */
  public UUID other(UUID category) {
    return from.equals(category) ? to : from;
  }

  /** Same kind between the same two categories (in either order where the kind is symmetric). */
  public boolean sameAs(Relation o) {
    if (kind != o.kind) {
      return false;
    }
    if (from.equals(o.from) && to.equals(o.to)) {
      return true;
    }
    return kind.symmetric() && from.equals(o.to) && to.equals(o.from);
  }
}
