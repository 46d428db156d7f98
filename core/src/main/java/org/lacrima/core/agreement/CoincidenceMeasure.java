package org.lacrima.core.agreement;

import java.util.Map;

/**
 * A measure computed from the coincidence matrix of pairable values ({@link CoincidenceMatrix}): undefined,
 * with the same reason and unit parts for each, where no unit has two values to pair.
 */
abstract class CoincidenceMeasure implements AgreementMeasure {

  @Override
  public boolean accepts(int coders) {
    return coders >= 2;
  }

  @Override
  public final Estimate estimate(ReliabilityData data) {
    CoincidenceMatrix matrix = CoincidenceMatrix.of(data);
    Map<String, Double> parts = ChanceCorrected.units(matrix.pairableUnits(), matrix.unpairableUnits());
    if (!(matrix.pairableValues() > 0)) {
      return ChanceCorrected.undefined(name(), PooledCounts.noPairs(), parts);
    }
    return estimate(matrix, parts, data);
  }

  /** The estimate where some values pair; {@code parts} are the units used and dropped. */
  abstract Estimate estimate(CoincidenceMatrix matrix, Map<String, Double> parts, ReliabilityData data);
}
