package org.lacrima.core.consensus;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How a team settled one disagreement: take one coder's version, take both (the union of what the
 * coders coded), take neither, or a new span with a category; with the rationale, who and when. A taken
 * version records whether that coder had given the category ({@code takenPresent}; empty for decisions
 * recorded before Lacrima kept it), so that a coder who changes sides later does not turn the decision round.
 */
public record ConsensusDecision(String disagreement, UUID document, int unitStart, int unitEnd, UUID category,
    Kind kind, Optional<String> takenCoder, Optional<Boolean> takenPresent, Optional<Integer> spanStart,
    Optional<Integer> spanEnd, Optional<UUID> newCategory, String rationale, String decidedBy, Instant decidedAt) {

  public enum Kind {
    TAKE, BOTH, NEITHER, NEW;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String s) {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
  }

  public ConsensusDecision {
    Objects.requireNonNull(disagreement, "disagreement");
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.TAKE && takenCoder.isEmpty()) {
      throw new IllegalArgumentException("taking a version names the coder");
    }
    if (kind != Kind.TAKE && takenPresent.isPresent()) {
      throw new IllegalArgumentException("only a taken version has a side");
    }
    if (kind == Kind.NEW && (spanStart.isEmpty() || spanEnd.isEmpty() || newCategory.isEmpty())) {
      throw new IllegalArgumentException("a new version needs a span and a category");
    }
    if (rationale == null || rationale.isBlank()) {
      throw new org.lacrima.core.InputException("a consensus decision needs a rationale (--why)");
    }
  }
}
