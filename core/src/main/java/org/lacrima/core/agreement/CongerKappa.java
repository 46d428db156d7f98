package org.lacrima.core.agreement;

/**
 * Conger's (1980) kappa, the multi-coder kappa that keeps each coder's own marginals: chance agreement is
 * the mean over ordered pairs of coders of Σ_k p_gk p_hk. Hubert's (1977) kappa is the same coefficient
 * (Warrens 2010/2012; irr::kappam.fleiss(exact = TRUE), NLTK multi_kappa), so it is registered under both
 * names. Missing values as in irrCAC conger.kappa.raw: observed agreement as in {@link PooledCounts}, a
 * coder's marginals over the units that coder coded.
 */
public final class CongerKappa extends PooledMeasure {

  private final String name;

  private CongerKappa(String name) {
    this.name = name;
  }

  public static CongerKappa conger() {
    return new CongerKappa("conger_kappa");
  }

  public static CongerKappa hubert() {
    return new CongerKappa("hubert_kappa");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  Estimate estimate(PooledCounts counts, ReliabilityData data) {
    int coders = data.coders();
    int q = data.domain().size();
    double[][] marginals = new double[coders][q];
    double[] coded = new double[coders];
    for (int u = 0; u < data.units(); u++) {
      for (int g = 0; g < coders; g++) {
        int v = data.value(u, g);
        if (v != ReliabilityData.MISSING) {
          marginals[g][v] += data.weight(u);
          coded[g] += data.weight(u);
        }
      }
    }
    for (int g = 0; g < coders; g++) {
      if (!(coded[g] > 0)) {
        // a coder without marginals has no chance model; averaging without them would describe other coders
        return ChanceCorrected.undefined(name, "coder " + (g + 1) + " coded no unit", counts.unitParts());
      }
    }
    double chance = 0;
    for (int k = 0; k < q; k++) {
      double sum = 0;
      double sumOfSquares = 0;
      for (int g = 0; g < coders; g++) {
        double p = marginals[g][k] / coded[g];
        sum += p;
        sumOfSquares += p * p;
      }
      chance += (sum * sum - sumOfSquares) / ((double) coders * (coders - 1));
    }
    return counts.kappa(name, chance);
  }
}
