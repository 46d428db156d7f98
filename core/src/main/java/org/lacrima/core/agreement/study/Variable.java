package org.lacrima.core.agreement.study;

import java.util.Objects;
import java.util.UUID;
import org.lacrima.core.agreement.ReliabilityData;

/**
 * One variable coders judged on every unit: a category (present or absent) or a group of mutually
 * exclusive categories (which one), with its reliability data over the study's units.
 */
public record Variable(Kind kind, UUID id, String label, String path, ReliabilityData data, int conflicts) {

  public enum Kind {
    CATEGORY, GROUP
  }

  public Variable {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(data, "data");
  }
}
