package org.lacrima.core.agreement;

import java.util.Optional;

/**
 * Krippendorff's difference functions δ² for alpha. The ordinal one is Krippendorff's frequency-based
 * metric (δ_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²), which depends on how often each value was used, so a
 * metric is made for a coincidence matrix rather than once per domain; not irrCAC's rank-based "ordinal"
 * weights, a different coefficient.
 */
public enum AlphaMetric {
  NOMINAL, ORDINAL, INTERVAL, RATIO;

  /** The metric of a scale: what a difference between two of its values means. */
  public static AlphaMetric of(Scale scale) {
    return switch (scale) {
      case NOMINAL -> NOMINAL;
      case ORDINAL -> ORDINAL;
      case INTERVAL -> INTERVAL;
      case RATIO -> RATIO;
    };
  }

  /** δ² on the values of this domain and matrix; empty, with the reason, when the domain cannot carry it. */
  Result on(ValueDomain domain, CoincidenceMatrix matrix) {
    int q = domain.size();
    return switch (this) {
      case NOMINAL -> Result.of(Distance.nominal());
      case ORDINAL -> {
        double[] cumulative = new double[q + 1];
        for (int v = 0; v < q; v++) {
          cumulative[v + 1] = cumulative[v] + matrix.total(v);
        }
        yield Result.of((c, k) -> {
          if (c == k) {
            return 0.0;
          }
          int low = Math.min(c, k);
          int high = Math.max(c, k);
          double d = cumulative[high + 1] - cumulative[low] - (matrix.total(c) + matrix.total(k)) / 2;
          return d * d;
        });
      }
      case INTERVAL -> numbers(domain).map(x -> Result.of(squaredDifference(x)))
          .orElseGet(() -> Result.missing("interval alpha needs a number for every value"));
      case RATIO -> {
        Optional<double[]> numbers = numbers(domain);
        if (numbers.isEmpty()) {
          yield Result.missing("ratio alpha needs a number for every value");
        }
        double[] x = numbers.get();
        for (double v : x) {
          if (v < 0) {
            yield Result.missing("ratio alpha needs values of 0 or more, not " + v);
          }
        }
        // δ(0, 0) = 0: equal values do not differ, although the formula's denominator vanishes there
        yield Result.of((c, k) -> x[c] == x[k] ? 0.0 : Math.pow((x[c] - x[k]) / (x[c] + x[k]), 2));
      }
    };
  }

  /** (x_c − x_k)², whose sum over every two values is 2 n Σ n_c (x_c − mean)²: linear in the domain. */
  private static Distance squaredDifference(double[] x) {
    return new Distance() {
      @Override
      public double between(int c, int k) {
        return (x[c] - x[k]) * (x[c] - x[k]);
      }

      @Override
      public double pairSum(double[] totals) {
        double n = 0;
        double sum = 0;
        for (int v = 0; v < totals.length; v++) {
          n += totals[v];
          sum += totals[v] * x[v];
        }
        double mean = sum / n;
        double spread = 0;
        for (int v = 0; v < totals.length; v++) {
          spread += totals[v] * (x[v] - mean) * (x[v] - mean);
        }
        return 2 * n * spread;
      }
    };
  }

  private static Optional<double[]> numbers(ValueDomain domain) {
    if (domain.numbers().size() != domain.size()) {
      return Optional.empty();
    }
    double[] x = new double[domain.size()];
    for (int v = 0; v < x.length; v++) {
      x[v] = domain.number(v);
    }
    return Optional.of(x);
  }

  /** A metric, or why there is none. */
  record Result(Optional<Distance> distance, String missingBecause) {

    static Result of(Distance distance) {
      return new Result(Optional.of(distance), "");
    }

    static Result missing(String because) {
      return new Result(Optional.empty(), because);
    }
  }
}
