package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Krippendorff's alpha, 1 − Do/De on the coincidence matrix (Krippendorff 2011), for any number of coders
 * and missing values; the parts are Do and De and the units with two or more values ("units_used") and
 * fewer ("units_dropped").
 */
public final class KrippendorffAlpha implements AgreementMeasure {

  private final String name;
  private final BiFunction<ValueDomain, CoincidenceMatrix, AlphaMetric.Result> metric;

  private KrippendorffAlpha(String name, BiFunction<ValueDomain, CoincidenceMatrix, AlphaMetric.Result> metric) {
    this.name = name;
    this.metric = metric;
  }

  public static KrippendorffAlpha of(AlphaMetric metric) {
    return new KrippendorffAlpha("krippendorff_alpha_" + metric.name().toLowerCase(Locale.ROOT), metric::on);
  }

  public static KrippendorffAlpha nominal() {
    return of(AlphaMetric.NOMINAL);
  }

  public static KrippendorffAlpha ordinal() {
    return of(AlphaMetric.ORDINAL);
  }

  public static KrippendorffAlpha interval() {
    return of(AlphaMetric.INTERVAL);
  }

  public static KrippendorffAlpha ratio() {
    return of(AlphaMetric.RATIO);
  }

  /** Alpha with a difference function of the caller's (δ², e.g. MASI between sets of codes). */
  public static KrippendorffAlpha withDistance(String name, Distance delta) {
    DistanceTable table = new DistanceTable(delta);
    return new KrippendorffAlpha(name, (domain, matrix) -> AlphaMetric.Result.of(table.on(domain)));
  }

  /** A distance between the values of a domain of size q, computed once for every pair. */
  private static final class Tabulated implements Distance {
    private final double[] values;
    private final int size;

    Tabulated(Distance delta, int q) {
      values = new double[q * q];
      size = q;
      for (int c = 0; c < q; c++) {
        for (int k = 0; k < q; k++) {
          values[c * q + k] = delta.between(c, k);
        }
      }
    }

    @Override
    public double between(int value, int other) {
      return values[value * size + other];
    }
  }

  /**
   * A caller's distance looked up rather than computed, once a domain is asked for a second time: a bootstrap
   * evaluates alpha on one domain thousands of times, and expected disagreement takes every pair of values
   * (MASI between sets of codes, a few hundred sets, was most of a bootstrap's time). The first estimate on a
   * domain uses the distance as given, so a single report pays for no table; domains too large to tabulate
   * always do.
   */
  private static final class DistanceTable {

    /** 1024² distances, 8 MiB: more would weigh on a small heap. */
    private static final int LARGEST = 1024;

    private record Memo(ValueDomain domain, Distance distance, boolean tabulated) {
    }

    private final Distance delta;
    private volatile Memo memo;

    DistanceTable(Distance delta) {
      this.delta = delta;
    }

    Distance on(ValueDomain domain) {
      Memo m = memo;
      int q = domain.size();
      if (m == null || m.domain != domain) {
        memo = new Memo(domain, delta, false);
        return delta;
      }
      if (m.tabulated || q > LARGEST) {
        return m.distance;
      }
      Distance lookup = new Tabulated(delta, q);
      memo = new Memo(domain, lookup, true);
      return lookup;
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean accepts(int coders) {
    return coders >= 2;
  }

  @Override
  public Estimate estimate(ReliabilityData data) {
    CoincidenceMatrix matrix = CoincidenceMatrix.of(data);
    Map<String, Double> parts = ChanceCorrected.units(matrix.pairableUnits(), matrix.unpairableUnits());
    if (!(matrix.pairableValues() > 0)) {
      return ChanceCorrected.undefined(name, PooledCounts.noPairs(), parts);
    }
    AlphaMetric.Result delta = metric.apply(data.domain(), matrix);
    if (delta.distance().isEmpty()) {
      return ChanceCorrected.undefined(name, delta.missingBecause(), parts);
    }
    double observed = matrix.observedDisagreement(delta.distance().get());
    double expected = matrix.expectedDisagreement(delta.distance().get());
    Map<String, Double> all = new LinkedHashMap<>();
    all.put("Do", observed);
    all.put("De", expected);
    all.putAll(parts);
    if (!(expected > 1e-15)) {
      return ChanceCorrected.undefined(name, "expected disagreement is 0: every pairable value is the same", all);
    }
    return Estimate.of(name, 1 - observed / expected, all);
  }
}
