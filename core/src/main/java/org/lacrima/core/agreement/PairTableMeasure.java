package org.lacrima.core.agreement;

/**
 * A measure of two coders computed from their agreement table ({@link AgreementTable}): undefined, with the
 * same reason and unit parts for each, where no unit has a value from both.
 */
abstract class PairTableMeasure implements AgreementMeasure {

  @Override
  public boolean accepts(int coders) {
    return coders == 2;
  }

  @Override
  public final Estimate estimate(ReliabilityData data) {
    AgreementTable table = AgreementTable.of(data);
    if (!(table.total() > 0)) {
      return ChanceCorrected.undefined(name(), AgreementTable.noPairs(), table.unitParts());
    }
    return estimate(table, data);
  }

  /** The estimate where some unit has a value from both coders. */
  abstract Estimate estimate(AgreementTable table, ReliabilityData data);
}
