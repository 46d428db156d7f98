package org.lacrima.core.agreement;

/**
 * Krippendorff's coincidence matrix: o_ck sums, over the units with two or more values, the ordered pairs of
 * values (c, k) from different coders, each unit's pairs divided by m_u − 1 so that every pairable value
 * counts once. Units with a single value are not pairable and are left out entirely.
 */
public final class CoincidenceMatrix {

  /**
   * Largest domain whose cells are kept, as a dense q × q array (512² doubles are 2 MB, made afresh in every
   * bootstrap replicate). A larger domain, the code sets of a project that applies many codes freely, reaches
   * tens of thousands of values, whose table would need gigabytes although each unit fills a few cells: there
   * the cells are not kept, and every sum over them walks the units again: no memory beyond the units, and
   * measured a little faster than keeping the filled cells in a hash map (hppc) on 47,000 code sets.
   */
  static final int DENSE_LIMIT = 512;

  private final ReliabilityData data;
  private final boolean keepsCells;
  private final double[] cells;
  private final double[] totals;
  private final double pairableValues;
  private final double pairableUnits;
  private final double unpairableUnits;

  private CoincidenceMatrix(ReliabilityData data, int denseLimit) {
    int q = data.domain().size();
    boolean dense = q <= denseLimit;
    this.data = data;
    this.keepsCells = dense;
    this.cells = new double[dense ? q * q : 0];
    this.totals = new double[q];
    Pairability units = walk(data, (c, k, o) -> {
      if (dense) {
        cells[c * q + k] += o;
      }
      totals[c] += o;
    });
    double n = 0;
    for (double t : totals) {
      n += t;
    }
    this.pairableValues = n;
    this.pairableUnits = units.pairable();
    this.unpairableUnits = units.unpairable();
  }

  public static CoincidenceMatrix of(ReliabilityData data) {
    return new CoincidenceMatrix(data, DENSE_LIMIT);
  }

  /** With the cells kept only up to {@code denseLimit} values: lets tests compare the two forms. */
  static CoincidenceMatrix of(ReliabilityData data, int denseLimit) {
    return new CoincidenceMatrix(data, denseLimit);
  }

  /** The weight of the units with two or more values, and of those with fewer. */
  private record Pairability(double pairable, double unpairable) {
  }

  /** Hands {@code cell} every pairable unit's share of each cell it fills. */
  private static Pairability walk(ReliabilityData data, TableCell cell) {
    UnitTally tally = new UnitTally(data.domain().size());
    double pairable = 0;
    double unpairable = 0;
    for (int u = 0; u < data.units(); u++) {
      double w = data.weight(u);
      if (w == 0) {
        continue;
      }
      tally.count(data, u);
      int m = tally.values();
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
            cell.accept(c, k, share * pairs);
          }
        }
      }
    }
    return new Pairability(pairable, unpairable);
  }

  /** Every filled cell, or for a large domain every unit's share of one, in a fixed order. */
  private void forEachCell(TableCell cell) {
    if (!keepsCells) {
      walk(data, cell);
      return;
    }
    int q = totals.length;
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        double o = cells[c * q + k];
        if (o != 0) {
          cell.accept(c, k, o);
        }
      }
    }
  }

  public int size() {
    return totals.length;
  }

  /** o_ck; for a domain too large to keep its cells, summed from the units on every call. */
  public double coincidence(int value, int other) {
    if (keepsCells) {
      return cells[value * totals.length + other];
    }
    double[] sum = new double[1];
    walk(data, (c, k, o) -> {
      if (c == value && k == other) {
        sum[0] += o;
      }
    });
    return sum[0];
  }

  /** n_c: how often value c occurs among the pairable values. */
  public double total(int value) {
    return totals[value];
  }

  /** How many different values occur among the pairable values. */
  public int distinctValues() {
    int distinct = 0;
    for (double t : totals) {
      if (t != 0) {
        distinct++;
      }
    }
    return distinct;
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
    forEachCell((c, k, o) -> sum[0] += o * delta.between(c, k));
    return sum[0] / pairableValues;
  }

  /** De = Σ n_c n_k δ_ck / (n (n − 1)). */
  double expectedDisagreement(Distance delta) {
    return delta.pairSum(totals) / (pairableValues * (pairableValues - 1));
  }
}
