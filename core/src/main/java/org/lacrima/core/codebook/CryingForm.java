package org.lacrima.core.codebook;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The attributes the paper gives each form of emotional crying, as structured fields. */
public record CryingForm(
    List<LocalizedText> emotions,
    List<LocalizedText> triggers,
    List<LocalizedText> quality,
    InteractiveFunction interactiveFunction,
    List<LocalizedText> countertransference,
    Acceptance acceptance) {

  public CryingForm {
    emotions = List.copyOf(emotions);
    triggers = List.copyOf(triggers);
    quality = List.copyOf(quality);
    Objects.requireNonNull(interactiveFunction, "interactiveFunction");
    countertransference = List.copyOf(countertransference);
    Objects.requireNonNull(acceptance, "acceptance");
  }

  /** How strongly the crying is directed at, and asks something of, the other person. */
  public enum InteractiveFunction {
    STRONG, MODERATE, MINIMAL;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How far the loss or circumstance behind the crying is accepted. Ordered from least to most. */
  public enum AcceptanceLevel {
    NON_ACCEPTANCE, GROWING_AWARENESS, ACCEPTANCE, NOT_DESCRIBED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public record Acceptance(AcceptanceLevel level, LocalizedText text) {
    public Acceptance {
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(text, "text");
    }
  }
}
