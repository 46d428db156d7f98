package org.lacrima.core.agreement;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Gwet's AC1 (2008) and its weighted form AC2, for any number of coders and missing values as in Gwet's
 * Handbook of Inter-Rater Reliability and irrCAC gwet.ac1.raw: observed agreement as in
 * {@link PooledCounts}, chance agreement T_w / (q (q − 1)) · Σ π_k (1 − π_k) with T_w the sum of the
 * agreement weights and q the size of the domain.
 *
 * <p>The standard error is the linearisation variance of the Handbook (Gwet 2008), conditional on the coders
 * (they are taken as given, the units as sampled, no finite-population correction): per unit the term
 * ac_i* = (n/n₂)(pa_i − pe·[r_i ≥ 2])/(1 − pe) − 2(1 − AC)(pe_i − pe)/(1 − pe), with
 * pe_i = T_w / (q (q − 1)) · Σ_k r_ik (1 − π_k) / r_i, and var = Σ (ac_i* − AC)² / (n (n − 1)).
 */
public final class GwetAc implements AgreementMeasure {

  private final String name;
  private final Function<ValueDomain, Optional<Distance>> distance;

  private GwetAc(String name, Function<ValueDomain, Optional<Distance>> distance) {
    this.name = name;
    this.distance = distance;
  }

  public static GwetAc ac1() {
    return new GwetAc("gwet_ac1", domain -> Optional.of(Distance.nominal()));
  }

  public static GwetAc ac2Linear() {
    return new GwetAc("gwet_ac2_linear", ScaleDistance.LINEAR::on);
  }

  public static GwetAc ac2Quadratic() {
    return new GwetAc("gwet_ac2_quadratic", ScaleDistance.QUADRATIC::on);
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
    int q = data.domain().size();
    Optional<Distance> metric = distance.apply(data.domain());
    if (q < 2 || metric.isEmpty()) {
      return Estimate.undefined(name, "the domain has a single value: chance agreement is 1");
    }
    double[][] weights = ScaleDistance.weights(metric.get(), q);
    PooledCounts counts = PooledCounts.of(data, weights);
    if (!counts.comparable()) {
      return ChanceCorrected.undefined(name, PooledCounts.noPairs(), counts.unitParts());
    }
    double totalWeight = 0;
    for (double[] row : weights) {
      for (double w : row) {
        totalWeight += w;
      }
    }
    double[] shares = counts.shares();
    double spread = 0;
    for (double share : shares) {
      spread += share * (1 - share);
    }
    double chanceFactor = totalWeight / ((double) q * (q - 1));
    double chance = chanceFactor * spread;
    Estimate ac = ChanceCorrected.of(name, counts.observedAgreement(), chance, counts.unitParts());
    if (!ac.defined()) {
      return ac;
    }
    double coefficient = ac.value().getAsDouble();
    OptionalDouble se = standardError(data, weights, counts, chance, chanceFactor, coefficient);
    return se.isPresent() ? ac.withStandardError(se.getAsDouble()) : ac;
  }

  private static OptionalDouble standardError(ReliabilityData data, double[][] weights, PooledCounts counts,
      double chance, double chanceFactor, double coefficient) {
    double n = counts.withValues();
    if (!(n > 1)) {
      return OptionalDouble.empty();
    }
    double[] shares = counts.shares();
    UnitTally tally = new UnitTally(data.domain().size());
    double sumOfSquares = 0;
    for (int u = 0; u < data.units(); u++) {
      tally.count(data, u);
      int r = tally.values();
      if (r == 0) {
        continue;
      }
      double unitAgreement = r >= 2 ? tally.pairAgreement(weights) - chance : 0;
      double unitTerm = n / counts.pairable() * unitAgreement / (1 - chance);
      double unitChance = 0;
      for (int i = 0; i < tally.distinct(); i++) {
        int k = tally.valueAt(i);
        unitChance += tally.count(k) * (1 - shares[k]);
      }
      unitChance *= chanceFactor / r;
      double linearised = unitTerm - 2 * (1 - coefficient) * (unitChance - chance) / (1 - chance);
      double deviation = linearised - coefficient;
      sumOfSquares += data.weight(u) * deviation * deviation;
    }
    return OptionalDouble.of(Math.sqrt(sumOfSquares / (n * (n - 1))));
  }
}
