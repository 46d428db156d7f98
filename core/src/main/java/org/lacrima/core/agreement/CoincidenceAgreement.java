package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Observed agreement as alpha sees it, 1 − Do (nominal): the share of agreeing pairs among all pairable
 * values, so a unit coded by many coders weighs more than one coded by two. DKPro reports this as percentage
 * agreement for data with missing values; {@link PairwisePercentageAgreement} averages per unit instead.
 */
public final class CoincidenceAgreement implements AgreementMeasure {

  public static final String NAME = "observed_agreement_coincidence";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(int coders) {
    return coders >= 2;
  }

  @Override
  public Estimate estimate(ReliabilityData data) {
    CoincidenceMatrix matrix = CoincidenceMatrix.of(data);
    Map<String, Double> parts = ChanceCorrected.units(matrix.pairableUnits(), matrix.unpairableUnits());
    if (!(matrix.pairableValues() > 0)) {
      return ChanceCorrected.undefined(NAME, PooledCounts.noPairs(), parts);
    }
    double agreement = 1 - matrix.observedDisagreement(Distance.nominal());
    Map<String, Double> all = new LinkedHashMap<>(parts);
    all.put("Ao", agreement);
    return Estimate.of(NAME, agreement, all);
  }
}
