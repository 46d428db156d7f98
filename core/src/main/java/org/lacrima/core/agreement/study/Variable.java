package org.lacrima.core.agreement.study;

import java.util.Objects;
import java.util.UUID;

/**
 * One variable coders judged on every unit, at position {@code index} of the study's
 * {@link org.lacrima.core.agreement.UnitProfiles}: a category (present or absent), a group of mutually
 * exclusive categories (which one), the set of codes a unit got (for MASI alpha), or, with documents as
 * units, how often a category was given. {@code conflicts} counts cells left missing because a coder gave
 * two categories of an exclusive group to one unit.
 */
public record Variable(Kind kind, int index, UUID id, String label, String path, int conflicts) {

  public enum Kind {
    CATEGORY, GROUP, CODE_SET, FREQUENCY
  }

  /** The id of the code-set variable, which belongs to no category. */
  public static final UUID CODE_SET = new UUID(0, 0);

  public Variable {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(path, "path");
  }
}
