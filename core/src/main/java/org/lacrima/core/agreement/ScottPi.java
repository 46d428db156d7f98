package org.lacrima.core.agreement;

/** Scott's (1955) pi for two coders on the units both coded: chance agreement from the pooled marginals. */
public final class ScottPi implements AgreementMeasure {

  public static final String NAME = "scott_pi";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(int coders) {
    return coders == 2;
  }

  @Override
  public Estimate estimate(ReliabilityData data) {
    AgreementTable table = AgreementTable.of(data);
    if (!(table.total() > 0)) {
      return ChanceCorrected.undefined(NAME, AgreementTable.noPairs(), table.unitParts());
    }
    return ChanceCorrected.of(NAME, table.observedAgreement(), table.pooledMarginalsChance(), table.unitParts());
  }
}
