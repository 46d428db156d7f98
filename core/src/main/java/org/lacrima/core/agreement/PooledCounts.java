package org.lacrima.core.agreement;

import java.util.Map;

/**
 * What the multi-coder coefficients of Fleiss, Gwet and Randolph share, in the form of Gwet's Handbook of
 * Inter-Rater Reliability (and irrCAC) that allows missing values: observed agreement is the mean, over the
 * units with two or more values, of the share of agreeing pairs in the unit; the share of value k is the mean
 * of r_ik / r_i over the units with at least one value. Units with a single value thus inform the shares but
 * not the agreement; for complete data both reduce to Fleiss (1971).
 */
record PooledCounts(double withValues, double pairable, double unpairable, double singleValued,
    double observedAgreement, double[] shares, int pairedValues) {

  static PooledCounts of(ReliabilityData data) {
    return of(data, null);
  }

  /** With agreement weights (Gwet's AC2), or {@code null} for exact agreement only. */
  static PooledCounts of(ReliabilityData data, double[][] agreementWeights) {
    int q = data.domain().size();
    UnitTally tally = new UnitTally(q);
    double[] shares = new double[q];
    double withValues = 0;
    double pairable = 0;
    double unpairable = 0;
    double singleValued = 0;
    double agreement = 0;
    java.util.BitSet paired = new java.util.BitSet(q);
    for (int u = 0; u < data.units(); u++) {
      double w = data.weight(u);
      tally.count(data, u);
      int r = tally.values();
      if (r < 2) {
        unpairable += w;
      }
      if (r == 1) {
        singleValued += w;
      }
      if (r == 0) {
        continue;
      }
      withValues += w;
      for (int i = 0; i < tally.distinct(); i++) {
        int k = tally.valueAt(i);
        shares[k] += w * tally.count(k) / r;
      }
      if (r >= 2 && w > 0) {
        for (int i = 0; i < tally.distinct(); i++) {
          paired.set(tally.valueAt(i));
        }
      }
      if (r >= 2) {
        pairable += w;
        agreement += w * (agreementWeights == null ? tally.pairAgreement() : tally.pairAgreement(agreementWeights));
      }
    }
    if (withValues > 0) {
      for (int k = 0; k < q; k++) {
        shares[k] /= withValues;
      }
    }
    return new PooledCounts(withValues, pairable, unpairable, singleValued, pairable > 0 ? agreement / pairable : 0,
        shares, paired.cardinality());
  }

  boolean comparable() {
    return pairable > 0;
  }

  /**
   * The units of a coefficient whose chance agreement reads every value (Fleiss, Conger, Gwet): "units_used" are
   * those with two or more values; a unit with a single value is not dropped but enters chance agreement only
   * ("units_in_chance_only"); "units_dropped" are those without any value.
   */
  Map<String, Double> unitParts() {
    Map<String, Double> parts = ChanceCorrected.units(pairable, unpairable - singleValued);
    parts.put("units_in_chance_only", singleValued);
    return parts;
  }

  /** The units of a coefficient that reads only units with two or more values (Brennan–Prediger): the rest dropped. */
  Map<String, Double> pairableUnitParts() {
    return ChanceCorrected.units(pairable, unpairable);
  }

  /**
   * The kappa of this observed agreement against a chance agreement taken from all values. Where the units with two
   * or more values hold a single value, it is undefined: it would be 1 whatever the data, because units one coder
   * alone rated lowered chance agreement, and nothing was compared.
   */
  Estimate kappa(String name, double chance) {
    Estimate e = ChanceCorrected.of(name, observedAgreement, chance, unitParts());
    return e.defined() && pairedValues < 2 ? ChanceCorrected.undefined(name, "every pairable value is the same: the "
        + "kappa would be 1 only because units a single coder rated lower chance agreement", e.parts()) : e;
  }

  static String noPairs() {
    return "no unit has two values: there is nothing to compare";
  }
}
