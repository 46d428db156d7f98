package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Observed agreement as alpha sees it, 1 − Do (nominal): the share of agreeing pairs among all pairable
 * values, so a unit coded by many coders weighs more than one coded by two. DKPro reports this as percentage
 * agreement for data with missing values; {@link PairwisePercentageAgreement} averages per unit instead.
 */
public final class CoincidenceAgreement extends CoincidenceMeasure {

  public static final String NAME = "observed_agreement_coincidence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  Estimate estimate(CoincidenceMatrix matrix, Map<String, Double> parts, ReliabilityData data) {
    double agreement = 1 - matrix.observedDisagreement(Distance.nominal());
    Map<String, Double> all = new LinkedHashMap<>(parts);
    all.put("Ao", agreement);
    return Estimate.of(NAME, agreement, all);
  }
}
