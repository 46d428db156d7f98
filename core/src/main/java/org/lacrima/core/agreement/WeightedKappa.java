package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Cohen's (1968) weighted kappa for two coders, written as 1 − Do/De: observed against expected
 * disagreement, the expected one from each coder's own marginals. With the normalised linear or quadratic
 * distances this is irr::kappa2's "equal" and "squared" kappa; not DKPro 2.2.1's WeightedKappaAgreement
 * with the interval distance, which divides Do and De by different maxima (see the reference file's
 * known issues).
 */
public final class WeightedKappa extends PairTableMeasure {

  private final String name;
  private final Function<ValueDomain, Optional<Distance>> distance;

  private WeightedKappa(String name, Function<ValueDomain, Optional<Distance>> distance) {
    this.name = name;
    this.distance = distance;
  }

  public static WeightedKappa linear() {
    return new WeightedKappa("weighted_kappa_linear", ScaleDistance.LINEAR::on);
  }

  public static WeightedKappa quadratic() {
    return new WeightedKappa("weighted_kappa_quadratic", ScaleDistance.QUADRATIC::on);
  }

  /** Weighted kappa with a distance of the caller's, e.g. one that counts some confusions half. */
  public static WeightedKappa withDistance(String name, Distance distance) {
    return new WeightedKappa(name, domain -> Optional.of(distance));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  Estimate estimate(AgreementTable table, ReliabilityData data) {
    Map<String, Double> parts = table.unitParts();
    Optional<Distance> metric = distance.apply(data.domain());
    if (metric.isEmpty()) {
      return ChanceCorrected.undefined(name, "the domain has a single value: there is no distance to weight", parts);
    }
    Distance d = metric.get();
    double n = table.total();
    double[] disagreeing = new double[1];
    table.forEachCell((a, b, w) -> disagreeing[0] += w / n * d.between(a, b));
    double observed = disagreeing[0];
    int[] rows = IntStream.range(0, table.size()).filter(a -> table.rowTotal(a) != 0).toArray();
    int[] columns = IntStream.range(0, table.size()).filter(b -> table.columnTotal(b) != 0).toArray();
    double expected = 0;
    for (int a : rows) {
      for (int b : columns) {
        expected += table.rowTotal(a) / n * (table.columnTotal(b) / n) * d.between(a, b);
      }
    }
    Map<String, Double> all = new LinkedHashMap<>();
    all.put("Do", observed);
    all.put("De", expected);
    all.putAll(parts);
    if (!(expected > 1e-15)) {
      return ChanceCorrected.undefined(name, "expected disagreement is 0: every value is the same", all);
    }
    return Estimate.of(name, 1 - observed / expected, all);
  }
}
