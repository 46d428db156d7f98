package org.lacrima.core.agreement;

/** One agreement coefficient on reliability data. Implementations are registered in {@link AgreementMeasures}. */
public interface AgreementMeasure {

  /** The snake_case name used in JSON output and the reference file ("fleiss_kappa", "cohen_kappa"). */
  String name();

  /** Whether the measure is defined for this many coders (e.g. Cohen's kappa needs exactly two). */
  boolean accepts(int coders);

  Estimate estimate(ReliabilityData data);
}
