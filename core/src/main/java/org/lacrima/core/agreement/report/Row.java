package org.lacrima.core.agreement.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One line of an agreement table: a category, a group of exclusive categories, the pooled or code-set
 * figures, or a category's frequency per document. {@code units} counts the units in scope,
 * {@code unitsPairable} those with values from at least two coders; {@code prevalence} is the share of
 * coders' judgements that found the category present; {@code valuesByCoder} how many units each coder
 * gave the category (or, for a group, any of its categories).
 */
public record Row(Kind kind, String label, String path, double units, double unitsPairable,
    OptionalDouble prevalence, Map<String, Double> valuesByCoder, List<Figure> figures, List<String> notes) {

  public enum Kind {
    CATEGORY, GROUP, POOLED, CODE_SET, FREQUENCY;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Row {
    Objects.requireNonNull(kind, "kind");
    valuesByCoder = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valuesByCoder));
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
  }

  public Optional<Figure> figure(String coefficient) {
    return figures.stream().filter(f -> f.name().equals(coefficient)).findFirst();
  }
}
