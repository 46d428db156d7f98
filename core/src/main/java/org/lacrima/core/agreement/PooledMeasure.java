package org.lacrima.core.agreement;

import java.util.Map;

/**
 * A measure computed from the pooled counts of all coders' pairs of values in a unit ({@link PooledCounts}):
 * undefined, with the same reason and unit parts for each, where no unit has two values to compare.
 */
abstract class PooledMeasure implements AgreementMeasure {

  @Override
  public boolean accepts(int coders) {
    return coders >= 2;
  }

  @Override
  public final Estimate estimate(ReliabilityData data) {
    PooledCounts counts = PooledCounts.of(data);
    if (!counts.comparable()) {
      return ChanceCorrected.undefined(name(), PooledCounts.noPairs(), unitParts(counts));
    }
    return estimate(counts, data);
  }

  /** Which units the coefficient read: by default, chance agreement reads the units with a single value too. */
  Map<String, Double> unitParts(PooledCounts counts) {
    return counts.unitParts();
  }

  /** The estimate where some unit has two values to compare. */
  abstract Estimate estimate(PooledCounts counts, ReliabilityData data);
}
