package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/** Two coders: the share of the units both coded on which they gave the same value. */
public final class PercentageAgreement implements AgreementMeasure {

  public static final String NAME = "percentage_agreement";

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
    double agreement = table.observedAgreement();
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("Ao", agreement);
    parts.putAll(table.unitParts());
    return Estimate.of(NAME, agreement, parts);
  }
}
