package org.lacrima.core.agreement;

/**
 * The values one unit received, counted per value: the r_ik of Gwet's and Fleiss' formulas. One tally is
 * reused across the units of a pass, so that a pass allocates nothing per unit (a bootstrap makes thousands).
 */
final class UnitTally {

  private final int[] counts;
  private final int[] present;
  private int distinct;
  private int values;

  UnitTally(int domainSize) {
    counts = new int[domainSize];
    present = new int[domainSize];
  }

  void count(ReliabilityData data, int unit) {
    for (int i = 0; i < distinct; i++) {
      counts[present[i]] = 0;
    }
    distinct = 0;
    values = 0;
    for (int c = 0; c < data.coders(); c++) {
      int v = data.value(unit, c);
      if (v != ReliabilityData.MISSING) {
        if (counts[v]++ == 0) {
          present[distinct++] = v;
        }
        values++;
      }
    }
  }

  /** How many coders gave the unit a value. */
  int values() {
    return values;
  }

  /** How many different values the unit received. */
  int distinct() {
    return distinct;
  }

  /** The i-th different value of the unit, in no particular order. */
  int valueAt(int i) {
    return present[i];
  }

  int count(int value) {
    return counts[value];
  }

  /** Share of the unit's ordered pairs of values that agree, weighted by {@code weights} (1 on the diagonal). */
  double pairAgreement(double[][] weights) {
    double agreeing = 0;
    for (int i = 0; i < distinct; i++) {
      int k = present[i];
      double credited = 0;
      for (int j = 0; j < distinct; j++) {
        int l = present[j];
        credited += weights[k][l] * counts[l];
      }
      // the value itself is not its own partner: remove one self-pair of full weight
      agreeing += counts[k] * (credited - 1);
    }
    return agreeing / ((double) values * (values - 1));
  }

  /** Share of the unit's ordered pairs of values that are equal. */
  double pairAgreement() {
    double agreeing = 0;
    for (int i = 0; i < distinct; i++) {
      int n = counts[present[i]];
      agreeing += (double) n * (n - 1);
    }
    return agreeing / ((double) values * (values - 1));
  }
}
