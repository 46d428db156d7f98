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
  OFTEN_ASSOCIATED_WITH("often associated with", "häufig verbunden mit", true),
  LINKED_TO("linked to", "verknüpft mit", true),
  INTERSECTS_WITH("intersects with", "überschneidet sich mit", true),
  COUNTERPART_OF("counterpart of", "Gegenstück zu", true),
  IS_BASIS_FOR("is the basis for", "ist Grundlage für", false);

  private final String wording;
  private final String german;
  private final boolean symmetric;

  RelationKind(String wording, String german, boolean symmetric) {
    this.wording = wording;
    this.german = german;
    this.symmetric = symmetric;
  }

  public String wording() {
    return wording;
  }

  /**
   * The wording in a language: in German our own translation, with the paper's wording beside it, so that nobody
   * quotes the translation as the paper's.
   */
  public String wording(String language) {
    return language.equals(LocalizedText.GERMAN) ? german + " (" + wording + ")" : wording;
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
