package org.lacrima.core.agreement;

import java.util.Map;

/**
 * Two coders' agreement table: for every pair of values, the weight of the units on which the first coder
 * gave the one and the second the other. Only units both coders coded enter it; the others are counted as
 * dropped, which is what the two-coder coefficients report.
 */
public final class AgreementTable {

  private final ReliabilityData data;
  private final int first;
  private final int second;
  private final boolean keepsCells;
  private final double[] cells;
  private final double[] rows;
  private final double[] columns;
  private final double total;
  private final double agreeing;
  private final double dropped;

  /** Cells kept as a dense table up to {@link CoincidenceMatrix#DENSE_LIMIT} values, for the same reason. */
  private AgreementTable(ReliabilityData data, int first, int second) {
    int q = data.domain().size();
    this.data = data;
    this.first = first;
    this.second = second;
    this.keepsCells = q <= CoincidenceMatrix.DENSE_LIMIT;
    this.cells = new double[keepsCells ? q * q : 0];
    this.rows = new double[q];
    this.columns = new double[q];
    double[] sums = new double[2];
    this.dropped = walk((a, b, w) -> {
      if (keepsCells) {
        cells[a * q + b] += w;
      }
      rows[a] += w;
      columns[b] += w;
      sums[0] += w;
      if (a == b) {
        sums[1] += w;
      }
    });
    this.total = sums[0];
    this.agreeing = sums[1];
  }

  /** The table of data with exactly two coders. */
  public static AgreementTable of(ReliabilityData data) {
    if (data.coders() != 2) {
      throw new IllegalArgumentException("an agreement table compares two coders, not " + data.coders());
    }
    return of(data, 0, 1);
  }

  public static AgreementTable of(ReliabilityData data, int first, int second) {
    return new AgreementTable(data, first, second);
  }

  /** Hands {@code cell} each unit both coders coded; returns the weight of the others. */
  private double walk(TableCell cell) {
    double left = 0;
    for (int u = 0; u < data.units(); u++) {
      double w = data.weight(u);
      if (w == 0) {
        continue;
      }
      int a = data.value(u, first);
      int b = data.value(u, second);
      if (a == ReliabilityData.MISSING || b == ReliabilityData.MISSING) {
        left += w;
      } else {
        cell.accept(a, b, w);
      }
    }
    return left;
  }

  public int size() {
    return rows.length;
  }

  /**
   * Weight of the units the first coder gave {@code firstValue} and the second {@code secondValue}; for a
   * domain too large to keep its cells, summed from the units on every call.
   */
  public double cell(int firstValue, int secondValue) {
    if (keepsCells) {
      return cells[firstValue * rows.length + secondValue];
    }
    double[] sum = new double[1];
    walk((a, b, w) -> {
      if (a == firstValue && b == secondValue) {
        sum[0] += w;
      }
    });
    return sum[0];
  }

  /**
   * Every filled cell, or for a large domain every unit's share of one, in a fixed order: what a sum over the q²
   * cells needs when most are empty.
   */
  void forEachCell(TableCell cell) {
    if (!keepsCells) {
      walk(cell);
      return;
    }
    int q = rows.length;
    for (int a = 0; a < q; a++) {
      for (int b = 0; b < q; b++) {
        if (cells[a * q + b] != 0) {
          cell.accept(a, b, cells[a * q + b]);
        }
      }
    }
  }

  public double rowTotal(int value) {
    return rows[value];
  }

  public double columnTotal(int value) {
    return columns[value];
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
