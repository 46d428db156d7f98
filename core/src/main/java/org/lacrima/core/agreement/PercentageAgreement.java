package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/** Two coders: the share of the units both coded on which they gave the same value. */
public final class PercentageAgreement extends PairTableMeasure {

  public static final String NAME = "percentage_agreement";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  Estimate estimate(AgreementTable table, ReliabilityData data) {
    double agreement = table.observedAgreement();
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("Ao", agreement);
    parts.putAll(table.unitParts());
    return Estimate.of(NAME, agreement, parts);
  }
}
