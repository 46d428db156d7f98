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
public final class KrippendorffAlpha extends CoincidenceMeasure {

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
    return new KrippendorffAlpha(name, (domain, matrix) -> AlphaMetric.Result.of(delta));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  Estimate estimate(CoincidenceMatrix matrix, Map<String, Double> parts, ReliabilityData data) {
    AlphaMetric.Result delta = metric.apply(data.domain(), matrix);
    if (delta.distance().isEmpty()) {
      return ChanceCorrected.undefined(name, delta.missingBecause(), parts);
    }
    double observed = matrix.observedDisagreement(delta.distance().get());
    // one value alone has no expected disagreement; asked of a fast sum (MASI's counting, the interval's
    // variance) it could come out as rounding just above 0 and make alpha 1 where it is undefined
    double expected = matrix.distinctValues() < 2 ? 0 : matrix.expectedDisagreement(delta.distance().get());
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
