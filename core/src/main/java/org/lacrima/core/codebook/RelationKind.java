package org.lacrima.core.codebook;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of relation the paper states between categories, named in the paper's wording. The
 * first four are symmetric: one record per pair, the order of its ends carries no meaning (for
 * "counterpart of", {@code from} is the patient's side and {@code to} the therapist's). "Is the
 * basis for" is directed.
 */
public enum RelationKind {
  OFTEN_ASSOCIATED_WITH("often associated with", true),
  LINKED_TO("linked to", true),
  INTERSECTS_WITH("intersects with", true),
  COUNTERPART_OF("counterpart of", true),
  IS_BASIS_FOR("is the basis for", false);

  private final String wording;
  private final boolean symmetric;

  RelationKind(String wording, boolean symmetric) {
    this.wording = wording;
    this.symmetric = symmetric;
  }

  public String wording() {
    return wording;
  }

  public boolean symmetric() {
    return symmetric;
  }

  /** The snake_case code used in files: often_associated_with, …, is_basis_for. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RelationKind> parse(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (RelationKind k : values()) {
      if (k.code().equals(c) || k.wording.replace(' ', '_').equals(c)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
