package org.lacrima.core.agreement;

/** Scott's (1955) pi for two coders on the units both coded: chance agreement from the pooled marginals. */
public final class ScottPi extends PairTableMeasure {

  public static final String NAME = "scott_pi";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  Estimate estimate(AgreementTable table, ReliabilityData data) {
    return ChanceCorrected.of(NAME, table.observedAgreement(), table.pooledMarginalsChance(), table.unitParts());
  }
}
