package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The strictest percent agreement (irr::agree): the share of units on which every coder who coded the unit
 * gave the same value, over the units with two or more values.
 */
public final class AllCodersAgreement implements AgreementMeasure {

  public static final String NAME = "percentage_agreement_all_raters";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(int coders) {
    return coders >= 2;
  }

  @Override
  public Estimate estimate(ReliabilityData data) {
    UnitTally tally = new UnitTally(data.domain().size());
    double pairable = 0;
    double unpairable = 0;
    double unanimous = 0;
    for (int u = 0; u < data.units(); u++) {
      tally.count(data, u);
      double w = data.weight(u);
      if (tally.values() < 2) {
        unpairable += w;
      } else {
        pairable += w;
        if (tally.distinct() == 1) {
          unanimous += w;
        }
      }
    }
    Map<String, Double> parts = new LinkedHashMap<>(ChanceCorrected.units(pairable, unpairable));
    if (!(pairable > 0)) {
      return ChanceCorrected.undefined(NAME, PooledCounts.noPairs(), parts);
    }
    parts.put("Ao", unanimous / pairable);
    return Estimate.of(NAME, unanimous / pairable, parts);
  }
}
