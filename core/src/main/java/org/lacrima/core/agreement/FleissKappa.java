package org.lacrima.core.agreement;

/**
 * Fleiss' (1971) kappa for any number of coders: chance agreement Σ π_k² from the pooled shares. Missing
 * values are handled as in Gwet's Handbook and irrCAC (see {@link PooledCounts}) rather than by dropping
 * incomplete units: a unit two of three coders coded still says something about agreement. The parts count the
 * units with two or more values ("units_used"), those with one, which enter chance agreement only
 * ("units_in_chance_only"), and those with none ("units_dropped").
 */
public final class FleissKappa extends PooledMeasure {

  public static final String NAME = "fleiss_kappa";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  Estimate estimate(PooledCounts counts, ReliabilityData data) {
    double chance = 0;
    for (double share : counts.shares()) {
      chance += share * share;
    }
    return counts.kappa(NAME, chance);
  }
}
