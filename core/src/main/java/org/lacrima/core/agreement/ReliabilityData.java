package org.lacrima.core.agreement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reliability data in Krippendorff's sense: units (rows) by coders (columns), each cell the index of
 * the value a coder gave that unit, or {@link #MISSING} where the coder gave none. Every unit carries
 * a weight: 1 for data as observed, the multiplicity after {@link #compact()} merges identical
 * units, and resampling weights for the bootstrap. Every coefficient is a weighted sum over units,
 * which is what makes a bootstrap replicate a matter of new weights rather than new data.
 */
public final class ReliabilityData {

  public static final int MISSING = -1;

  private final ValueDomain domain;
  private final int coders;
  private final int[][] cells;
  private final double[] weights;

  public ReliabilityData(ValueDomain domain, int coders, int[][] cells, double[] weights) {
    this.domain = Objects.requireNonNull(domain, "domain");
    if (coders < 1) {
      throw new IllegalArgumentException("reliability data need at least one coder");
    }
    if (cells.length != weights.length) {
      throw new IllegalArgumentException(cells.length + " units but " + weights.length + " weights");
    }
    for (int u = 0; u < cells.length; u++) {
      if (cells[u].length != coders) {
        throw new IllegalArgumentException("unit " + u + " has " + cells[u].length + " cells for " + coders + " coders");
      }
      for (int v : cells[u]) {
        if (v != MISSING && (v < 0 || v >= domain.size())) {
          throw new IllegalArgumentException("unit " + u + " has value " + v + " outside the domain of " + domain.size());
        }
      }
    }
    checkWeights(weights);
    this.coders = coders;
    this.cells = cells;
    this.weights = weights;
  }

  /** Cells already checked: a bootstrap replicate must cost a weights array, not another pass over the cells. */
  private ReliabilityData(ReliabilityData checked, double[] weights) {
    this.domain = checked.domain;
    this.coders = checked.coders;
    this.cells = checked.cells;
    this.weights = weights;
  }

  /** Units of weight 1. */
  public static ReliabilityData of(ValueDomain domain, int coders, int[][] cells) {
    double[] w = new double[cells.length];
    Arrays.fill(w, 1.0);
    return new ReliabilityData(domain, coders, cells, w);
  }

  /** Two coders' agreement table (row: coder 1's value, column: coder 2's value) as units. */
  public static ReliabilityData fromContingency(ValueDomain domain, long[][] table) {
    int k = domain.size();
    List<int[]> rows = new java.util.ArrayList<>();
    List<Double> w = new java.util.ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (table[a][b] > 0) {
          rows.add(new int[] {a, b});
          w.add((double) table[a][b]);
        }
      }
    }
    return new ReliabilityData(domain, 2, rows.toArray(int[][]::new), w.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public ValueDomain domain() {
    return domain;
  }

  public int units() {
    return cells.length;
  }

  public int coders() {
    return coders;
  }

  public int value(int unit, int coder) {
    return cells[unit][coder];
  }

  public double weight(int unit) {
    return weights[unit];
  }

  /** The same units with other weights (a bootstrap replicate). */
  public ReliabilityData withWeights(double[] newWeights) {
    if (newWeights.length != cells.length) {
      throw new IllegalArgumentException(cells.length + " units but " + newWeights.length + " weights");
    }
    checkWeights(newWeights);
    return new ReliabilityData(this, newWeights);
  }

  private static void checkWeights(double[] weights) {
    for (int u = 0; u < weights.length; u++) {
      if (!(weights[u] >= 0) || Double.isInfinite(weights[u])) {
        throw new IllegalArgumentException("unit " + u + " has weight " + weights[u] + "; weights are counts, never negative");
      }
    }
  }

  /** The sum of the unit weights: the number of units as observed. */
  public double totalWeight() {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    return total;
  }

  /**
   * One value against the rest: the present/absent data of a category ({@link ValueDomain#presence()}), the
   * same units and weights, a missing cell staying missing. Per-category coefficients are the ordinary ones on
   * these data, and since the units are the same, one set of bootstrap weights serves every category.
   */
  public ReliabilityData presenceOf(int value) {
    if (value < 0 || value >= domain.size()) {
      throw new IllegalArgumentException("value " + value + " outside the domain of " + domain.size());
    }
    int[][] rows = new int[cells.length][coders];
    for (int u = 0; u < cells.length; u++) {
      for (int c = 0; c < coders; c++) {
        int v = cells[u][c];
        rows[u][c] = v == MISSING ? MISSING : (v == value ? 1 : 0);
      }
    }
    return new ReliabilityData(ValueDomain.presence(), coders, rows, weights);
  }

  /** Identical units merged into one, their weights summed. Coefficients are unchanged. */
  public ReliabilityData compact() {
    Map<List<Integer>, Double> merged = new LinkedHashMap<>();
    for (int u = 0; u < cells.length; u++) {
      merged.merge(Arrays.stream(cells[u]).boxed().toList(), weights[u], Double::sum);
    }
    int[][] rows = merged.keySet().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
        .toArray(int[][]::new);
    return new ReliabilityData(domain, coders, rows, merged.values().stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The data of two of the coders. */
  public ReliabilityData coders(int first, int second) {
    int[][] rows = new int[cells.length][];
    for (int u = 0; u < cells.length; u++) {
      rows[u] = new int[] {cells[u][first], cells[u][second]};
    }
    return new ReliabilityData(domain, 2, rows, weights);
  }
}
