package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cohen's (1960) kappa for two coders on the units both coded, chance agreement from each coder's own
 * marginals. The standard error is the large-sample one of Fleiss, Cohen and Everitt (1969); the part
 * "se_null" is their standard error under the hypothesis of chance agreement only, the one a z test uses.
 */
public final class CohenKappa implements AgreementMeasure {

  public static final String NAME = "cohen_kappa";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(int coders) {
    return coders == 2;
  }

  @Override
  public Estimate estimate(ReliabilityData data) {
    return of(AgreementTable.of(data));
  }

  static Estimate of(AgreementTable table) {
    Map<String, Double> parts = table.unitParts();
    if (!(table.total() > 0)) {
      return ChanceCorrected.undefined(NAME, AgreementTable.noPairs(), parts);
    }
    double observed = table.observedAgreement();
    double expected = table.ownMarginalsChance();
    Estimate kappa = ChanceCorrected.of(NAME, observed, expected, parts);
    if (!kappa.defined()) {
      return kappa;
    }
    double k = kappa.value().getAsDouble();
    double n = table.total();
    int q = table.size();
    double[] row = new double[q];
    double[] column = new double[q];
    for (int a = 0; a < q; a++) {
      row[a] = table.rowTotal(a) / n;
      column[a] = table.columnTotal(a) / n;
    }
    // [0] the diagonal's and [1] the off-diagonal's share of the variance, over the cells with weight only
    double[] shares = new double[2];
    table.forEachCell((a, b, w) -> {
      double p = w / n;
      if (a == b) {
        double t = 1 - (row[a] + column[a]) * (1 - k);
        shares[0] += p * t * t;
      } else {
        double t = column[a] + row[b];
        shares[1] += p * t * t;
      }
    });
    double diagonal = shares[0];
    double offDiagonal = shares[1];
    double marginalProducts = 0;
    for (int a = 0; a < q; a++) {
      marginalProducts += row[a] * column[a] * (row[a] + column[a]);
    }
    double scale = n * (1 - expected) * (1 - expected);
    double drift = k - expected * (1 - k);
    double drift2 = drift * drift;
    double numerator = cancelled(diagonal + (1 - k) * (1 - k) * offDiagonal - drift2,
        diagonal + (1 - k) * (1 - k) * offDiagonal + drift2);
    double nullNumerator = cancelled(expected + expected * expected - marginalProducts,
        expected + expected * expected + marginalProducts);
    Map<String, Double> withNull = new LinkedHashMap<>(kappa.parts());
    withNull.put("se_null", Math.sqrt(Math.max(0, nullNumerator / scale)));
    Estimate result = Estimate.of(NAME, k, withNull);
    // anything negative beyond rounding is not a variance
    return numerator >= 0 ? result.withStandardError(Math.sqrt(numerator / scale)) : result;
  }

  /**
   * A difference of terms whose exact value is 0 (perfect agreement; a coder who gave one value only) comes out
   * of floating point as a few ulps of the terms either side of 0, and its square root as 1e-7: snapped to 0.
   */
  private static double cancelled(double difference, double magnitude) {
    return Math.abs(difference) <= 1e-12 * magnitude ? 0 : difference;
  }
}
