package org.lacrima.core.agreement;

import java.util.Map;

/**
 * Kappa with chance agreement 1/q, q the number of values in the domain: Bennett, Alpert and Goldstein's
 * (1954) S, Brennan and Prediger's (1981) kappa_n, Randolph's (2005) free-marginal multirater kappa: one
 * coefficient with three names. The domain decides q, so a value no coder used still counts, as it should
 * when the coders could have chosen it; give the domain the values actually offered.
 */
public final class FreeMarginalKappa extends PooledMeasure {

  private final String name;
  private final boolean twoCodersOnly;

  private FreeMarginalKappa(String name, boolean twoCodersOnly) {
    this.name = name;
    this.twoCodersOnly = twoCodersOnly;
  }

  public static FreeMarginalKappa bennettS() {
    return new FreeMarginalKappa("bennett_s", true);
  }

  public static FreeMarginalKappa randolph() {
    return new FreeMarginalKappa("randolph_kappa", false);
  }

  public static FreeMarginalKappa brennanPrediger() {
    return new FreeMarginalKappa("brennan_prediger_kappa", false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean accepts(int coders) {
    return twoCodersOnly ? coders == 2 : coders >= 2;
  }

  @Override
  Estimate estimate(PooledCounts counts, ReliabilityData data) {
    return ChanceCorrected.of(name, counts.observedAgreement(), 1.0 / data.domain().size(), unitParts(counts));
  }

  /** Chance is 1/q whatever the data: a unit with a single value is not read at all. */
  @Override
  Map<String, Double> unitParts(PooledCounts counts) {
    return counts.pairableUnitParts();
  }
}
