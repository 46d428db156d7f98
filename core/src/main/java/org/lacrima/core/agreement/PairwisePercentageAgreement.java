package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Percent agreement for any number of coders (Gwet's pa, irrCAC pa.coeff.raw): per unit the share of its
 * pairs of values that agree, averaged over the units with two or more values. Unlike 1 − Do of Krippendorff
 * it gives every unit the same say, however many coders coded it.
 */
public final class PairwisePercentageAgreement extends PooledMeasure {

  public static final String NAME = "percentage_agreement_pairwise";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  Estimate estimate(PooledCounts counts, ReliabilityData data) {
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("Ao", counts.observedAgreement());
    parts.putAll(unitParts(counts));
    return Estimate.of(NAME, counts.observedAgreement(), parts);
  }

  /** It has no chance term: a unit with a single value is not read at all, so it counts as dropped. */
  @Override
  Map<String, Double> unitParts(PooledCounts counts) {
    return counts.pairableUnitParts();
  }

  /** The share of agreeing pairs of values in one unit; empty when the unit has fewer than two values. */
  public static OptionalDouble ofUnit(ReliabilityData data, int unit) {
    UnitTally tally = new UnitTally(data.domain().size());
    tally.count(data, unit);
    return tally.values() < 2 ? OptionalDouble.empty() : OptionalDouble.of(tally.pairAgreement());
  }
}
