package org.lacrima.core.agreement;

/**
 * Krippendorff's coincidence matrix: o_ck sums, over the units with two or more values, the ordered pairs of
 * values (c, k) from different coders, each unit's pairs divided by m_u − 1 so that every pairable value
 * counts once. Units with a single value are not pairable and are left out entirely.
 */
public final class CoincidenceMatrix {

  private final PairWeights coincidences;
  private final double[] totals;
  private final double pairableValues;
  private final double pairableUnits;
  private final double unpairableUnits;

  private CoincidenceMatrix(PairWeights coincidences, double pairableUnits, double unpairableUnits) {
    this.coincidences = coincidences;
    this.totals = new double[coincidences.size()];
    coincidences.forEach((c, k, w) -> totals[c] += w);
    double n = 0;
    for (double t : totals) {
      n += t;
    }
    this.pairableValues = n;
    this.pairableUnits = pairableUnits;
    this.unpairableUnits = unpairableUnits;
  }

  public static CoincidenceMatrix of(ReliabilityData data) {
    return of(data, PairWeights.of(data.domain().size()));
  }

  static CoincidenceMatrix of(ReliabilityData data, PairWeights o) {
    int q = data.domain().size();
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
          double pairs = c == k ? (double) nc * (nc - 1) : (double) nc * tally.count(k);
          if (pairs > 0) {
            o.add(c, k, share * pairs);
          }
        }
      }
    }
    return new CoincidenceMatrix(o, pairable, unpairable);
  }

  public int size() {
    return totals.length;
  }

  public double coincidence(int value, int other) {
    return coincidences.get(value, other);
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
    double[] sum = new double[1];
    coincidences.forEach((c, k, o) -> sum[0] += o * delta.between(c, k));
    return sum[0] / pairableValues;
  }

  /** De = Σ n_c n_k δ_ck / (n (n − 1)). */
  double expectedDisagreement(Distance delta) {
    return delta.pairSum(totals) / (pairableValues * (pairableValues - 1));
  }
}
