package org.lacrima.core.agreement;

import java.util.Map;

/**
 * Two coders' agreement table: for every pair of values, the weight of the units on which the first coder
 * gave the one and the second the other. Only units both coders coded enter it; the others are counted as
 * dropped, which is what the two-coder coefficients report.
 */
public final class AgreementTable {

  private final PairWeights cells;
  private final double[] rows;
  private final double[] columns;
  private final double total;
  private final double dropped;

  private AgreementTable(PairWeights cells, double dropped) {
    int q = cells.size();
    this.cells = cells;
    this.rows = new double[q];
    this.columns = new double[q];
    double[] sum = new double[1];
    cells.forEach((a, b, w) -> {
      rows[a] += w;
      columns[b] += w;
      sum[0] += w;
    });
    this.total = sum[0];
    this.dropped = dropped;
  }

  /** The table of data with exactly two coders. */
  public static AgreementTable of(ReliabilityData data) {
    if (data.coders() != 2) {
      throw new IllegalArgumentException("an agreement table compares two coders, not " + data.coders());
    }
    return of(data, 0, 1);
  }

  public static AgreementTable of(ReliabilityData data, int first, int second) {
    PairWeights cells = PairWeights.of(data.domain().size());
    double dropped = 0;
    for (int u = 0; u < data.units(); u++) {
      int a = data.value(u, first);
      int b = data.value(u, second);
      if (a == ReliabilityData.MISSING || b == ReliabilityData.MISSING) {
        dropped += data.weight(u);
      } else {
        cells.add(a, b, data.weight(u));
      }
    }
    return new AgreementTable(cells, dropped);
  }

  public int size() {
    return rows.length;
  }

  /** Weight of the units the first coder gave {@code first} and the second {@code second}. */
  public double cell(int first, int second) {
    return cells.get(first, second);
  }

  /** Every cell with weight, in a fixed order: what a sum over all q² cells needs when most are empty. */
  void forEachCell(PairWeights.Cell cell) {
    cells.forEach(cell);
  }

  public double rowTotal(int first) {
    return rows[first];
  }

  public double columnTotal(int second) {
    return columns[second];
  }

  /** Weight of the units both coders coded. */
  public double total() {
    return total;
  }

  /** Weight of the units at least one of the two coders left uncoded. */
  public double unitsDropped() {
    return dropped;
  }

  /** Share of the compared units on which the coders agree; call only when {@link #total()} is positive. */
  double observedAgreement() {
    double agreeing = 0;
    for (int a = 0; a < rows.length; a++) {
      agreeing += cells.get(a, a);
    }
    return agreeing / total;
  }

  /** Chance agreement from each coder's own marginals (Cohen). */
  double ownMarginalsChance() {
    double chance = 0;
    for (int a = 0; a < rows.length; a++) {
      chance += rows[a] * columns[a];
    }
    return chance / (total * total);
  }

  /** Chance agreement from the pooled marginals (Scott). */
  double pooledMarginalsChance() {
    double chance = 0;
    for (int a = 0; a < rows.length; a++) {
      double pooled = (rows[a] + columns[a]) / (2 * total);
      chance += pooled * pooled;
    }
    return chance;
  }

  Map<String, Double> unitParts() {
    return ChanceCorrected.units(total, dropped);
  }

  static String noPairs() {
    return "no unit was coded by both coders";
  }
}
