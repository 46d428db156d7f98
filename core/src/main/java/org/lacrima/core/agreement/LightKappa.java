package org.lacrima.core.agreement;

import java.util.Map;

/**
 * Light's (1971) kappa: the mean of Cohen's kappa over all pairs of coders, each pair on the units both
 * coded. Undefined when any pair's kappa is: a mean over the pairs that happen to be defined would be a
 * different coefficient for each data set.
 */
public final class LightKappa implements AgreementMeasure {

  public static final String NAME = "light_kappa_mean_pairwise_cohen";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(int coders) {
    return coders >= 2;
  }

  @Override
  public Estimate estimate(ReliabilityData data) {
    double sum = 0;
    int pairs = 0;
    for (int g = 0; g < data.coders(); g++) {
      for (int h = g + 1; h < data.coders(); h++) {
        Estimate pair = CohenKappa.of(AgreementTable.of(data, g, h));
        if (!pair.defined()) {
          return Estimate.undefined(NAME, "Cohen's kappa of coders " + (g + 1) + " and " + (h + 1)
              + " is undefined: " + pair.undefinedBecause().orElseThrow());
        }
        sum += pair.value().getAsDouble();
        pairs++;
      }
    }
    if (pairs == 0) {
      return Estimate.undefined(NAME, "a single coder has no pairs");
    }
    return Estimate.of(NAME, sum / pairs, Map.of("pairs", (double) pairs));
  }
}
