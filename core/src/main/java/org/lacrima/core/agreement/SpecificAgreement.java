package org.lacrima.core.agreement;

import java.util.Map;

/**
 * Positive and negative specific agreement for two coders and a present/absent variable (value 1 present,
 * 0 absent, as in {@link ValueDomain#presence()}): with a = both present, b and c = one only, d = both
 * absent, positive = 2a / (2a + b + c) and negative = 2d / (2d + b + c). Unlike kappa they do not depend
 * on prevalence, which is why they are reported beside it for rare codes.
 */
public final class SpecificAgreement implements AgreementMeasure {

  private final boolean positive;

  private SpecificAgreement(boolean positive) {
    this.positive = positive;
  }

  public static SpecificAgreement positive() {
    return new SpecificAgreement(true);
  }

  public static SpecificAgreement negative() {
    return new SpecificAgreement(false);
  }

  @Override
  public String name() {
    return positive ? "positive_specific_agreement" : "negative_specific_agreement";
  }

  @Override
  public boolean accepts(int coders) {
    return coders == 2;
  }

  @Override
  public Estimate estimate(ReliabilityData data) {
    if (data.domain().size() != 2) {
      return Estimate.undefined(name(), "specific agreement needs a present/absent variable, not "
          + data.domain().size() + " values");
    }
    AgreementTable table = AgreementTable.of(data);
    Map<String, Double> parts = table.unitParts();
    int side = positive ? 1 : 0;
    double both = table.cell(side, side);
    double oneOnly = table.cell(0, 1) + table.cell(1, 0);
    if (!(2 * both + oneOnly > 0)) {
      return ChanceCorrected.undefined(name(), positive
          ? "neither coder marked the category present in a unit both coded"
          : "neither coder marked the category absent in a unit both coded", parts);
    }
    return Estimate.of(name(), 2 * both / (2 * both + oneOnly), parts);
  }
}
