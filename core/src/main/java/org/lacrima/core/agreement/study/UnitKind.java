package org.lacrima.core.agreement.study;

import java.util.Locale;
import org.lacrima.core.InputException;

/** What agreement is counted over. */
public enum UnitKind {
  /** Speaker turns, else meaning units, else sentences: the default. */
  AUTO,
  TURN, MEANING_UNIT, SENTENCE, PARAGRAPH,
  /** Every character: Krippendorff's unitizing alpha and NVivo-style character kappa. */
  CHARACTER,
  /** MAXQDA-compatible segment matching (a compatibility mode). */
  MAXQDA,
  /** Whole documents: presence of a code, and how often it was given. */
  DOCUMENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static UnitKind parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InputException("--unit " + s + ": choose auto, turn, meaning-unit, sentence, paragraph, character, maxqda or document");
    }
  }
}
