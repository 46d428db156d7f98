package org.lacrima.core.codebook;

import java.util.Locale;
import java.util.Optional;

/**
 * Therapeutic orientation, as the paper groups its interviewees: psychodynamic (PDT),
 * cognitive-behavioural (CBT), systemic (ST); anything else is OTHER.
 */
public enum Orientation {
  PDT("psychodynamic"),
  CBT("cognitive-behavioural"),
  ST("systemic"),
  OTHER("other");

  private final String description;

  Orientation(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The code as written in data files: PDT, CBT, ST, other. */
  public String code() {
    return this == OTHER ? "other" : name();
  }

  /**
   * Reads the usual spellings, English and German: PDT, PD, TP, AP, psychodynamic; CBT, VT, KVT;
   * ST, SYS, systemic; other. Empty for anything unknown.
   */
  public static Optional<Orientation> parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return Optional.ofNullable(switch (v) {
      case "pdt", "pd", "tp", "ap", "psychodynamic", "psychodynamisch", "tiefenpsychologisch",
          "analytisch", "psychoanalytic", "psychoanalytisch" -> PDT;
      case "cbt", "vt", "kvt", "cognitive-behavioral", "cognitive-behavioural",
          "verhaltenstherapie", "verhaltenstherapeutisch" -> CBT;
      case "st", "sys", "systemic", "systemisch", "systemische therapie" -> ST;
      case "other", "andere", "sonstige" -> OTHER;
      default -> null;
    });
  }
}
