package org.lacrima.io.codebook;

import org.lacrima.core.InputException;
import org.lacrima.core.codebook.CryingForm.AcceptanceLevel;
import org.lacrima.core.codebook.CryingForm.InteractiveFunction;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.core.codebook.Orientation;
import org.lacrima.core.codebook.RelationKind;

/**
 * The languages a codebook document can be read in: the paper's English and the project's own
 * German translation. Only these two, because the document's own wording exists only in them.
 */
enum CodebookLanguage {
  ENGLISH(LocalizedText.ENGLISH),
  GERMAN(LocalizedText.GERMAN);

  private final String code;

  CodebookLanguage(String code) {
    this.code = code;
  }

  static CodebookLanguage of(String code) {
    String c = code == null ? "" : code.strip();
    for (CodebookLanguage l : values()) {
      if (l.code.equalsIgnoreCase(c)) {
        return l;
      }
    }
    throw new InputException("a codebook cannot be written in language \"" + c + "\"; choose en or de");
  }

  String code() {
    return code;
  }

  CodebookLanguage other() {
    return this == ENGLISH ? GERMAN : ENGLISH;
  }

  String term(CodebookTerm term) {
    return term.in(this);
  }

  /**
   * How this language's reader is told which language a text is in. German is always named as our
   * own translation, so that nobody quotes it as the paper's wording.
   */
  String nameOf(CodebookLanguage text) {
    if (text == GERMAN) {
      return "Deutsch (eigene Übersetzung)";
    }
    return this == GERMAN ? "Englisch (Original)" : "English (original)";
  }

  /** German readers get a translation, but the paper's wording stays beside it. */
  String wording(RelationKind kind) {
    return kind.wording(code);
  }

  String wording(InteractiveFunction function) {
    return switch (function) {
      case STRONG -> this == GERMAN ? "stark" : "strong";
      case MODERATE -> this == GERMAN ? "mittel" : "moderate";
      case MINIMAL -> this == GERMAN ? "gering" : "minimal";
    };
  }

  String wording(AcceptanceLevel level) {
    return switch (level) {
      case NON_ACCEPTANCE -> this == GERMAN ? "keine Akzeptanz" : "non-acceptance";
      case GROWING_AWARENESS -> this == GERMAN ? "wachsende Bewusstheit" : "growing awareness";
      case ACCEPTANCE -> this == GERMAN ? "Akzeptanz" : "acceptance";
      case NOT_DESCRIBED -> this == GERMAN ? "nicht beschrieben" : "not described";
    };
  }

  String wording(Orientation orientation) {
    String description = this == ENGLISH ? orientation.description() : switch (orientation) {
      case PDT -> "psychodynamisch";
      case CBT -> "kognitiv-verhaltenstherapeutisch";
      case ST -> "systemisch";
      case OTHER -> "andere";
    };
    return orientation == Orientation.OTHER ? description : orientation.code() + " (" + description + ")";
  }
}
