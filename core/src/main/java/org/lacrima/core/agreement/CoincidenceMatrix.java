package org.lacrima.core.agreement;

/**
 * Krippendorff's coincidence matrix: o_ck sums, over the units with two or more values, the ordered pairs of
 * values (c, k) from different coders, each unit's pairs divided by m_u − 1 so that every pairable value
 * counts once. Units with a single value are not pairable and are left out entirely.
 */
public final class CoincidenceMatrix {

  private final double[][] coincidences;
  private final double[] totals;
  private final double pairableValues;
  private final double pairableUnits;
  private final double unpairableUnits;

  private CoincidenceMatrix(double[][] coincidences, double pairableUnits, double unpairableUnits) {
    int q = coincidences.length;
    this.coincidences = coincidences;
    this.totals = new double[q];
    double n = 0;
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        totals[c] += coincidences[c][k];
      }
      n += totals[c];
    }
    this.pairableValues = n;
    this.pairableUnits = pairableUnits;
    this.unpairableUnits = unpairableUnits;
  }

  public static CoincidenceMatrix of(ReliabilityData data) {
    int q = data.domain().size();
    double[][] o = new double[q][q];
    UnitTally tally = new UnitTally(q);
    double pairable = 0;
    double unpairable = 0;
    for (int u = 0; u < data.units(); u++) {
      tally.count(data, u);
      int m = tally.values();
      double w = data.weight(u);
      if (m < 2) {
        unpairable += w;
        continue;
      }
      pairable += w;
      double share = w / (m - 1);
      for (int i = 0; i < tally.distinct(); i++) {
        int c = tally.valueAt(i);
        int nc = tally.count(c);
        for (int j = 0; j < tally.distinct(); j++) {
          int k = tally.valueAt(j);
          o[c][k] += share * (c == k ? (double) nc * (nc - 1) : (double) nc * tally.count(k));
        }
      }
    }
    return new CoincidenceMatrix(o, pairable, unpairable);
  }

  public int size() {
    return coincidences.length;
  }

  public double coincidence(int value, int other) {
    return coincidences[value][other];
  }

  /** n_c: how often value c occurs among the pairable values. */
  public double total(int value) {
    return totals[value];
  }

  /** n: the number of pairable values. */
  public double pairableValues() {
    return pairableValues;
  }

  /** Weight of the units with two or more values. */
  public double pairableUnits() {
    return pairableUnits;
  }

  /** Weight of the units with fewer than two values. */
  public double unpairableUnits() {
    return unpairableUnits;
  }

  /** Do = Σ o_ck δ_ck / n; only meaningful when there are pairable values. */
  double observedDisagreement(Distance delta) {
    double sum = 0;
    for (int c = 0; c < coincidences.length; c++) {
      for (int k = 0; k < coincidences.length; k++) {
        if (coincidences[c][k] != 0) {
          sum += coincidences[c][k] * delta.between(c, k);
        }
      }
    }
    return sum / pairableValues;
  }

  /** De = Σ n_c n_k δ_ck / (n (n − 1)). */
  double expectedDisagreement(Distance delta) {
    double sum = 0;
    for (int c = 0; c < totals.length; c++) {
      if (totals[c] == 0) {
        continue;
      }
      for (int k = 0; k < totals.length; k++) {
        if (totals[k] != 0) {
          sum += totals[c] * totals[k] * delta.between(c, k);
        }
      }
    }
    return sum / (pairableValues * (pairableValues - 1));
  }
}
