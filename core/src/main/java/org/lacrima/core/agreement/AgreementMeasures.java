package org.lacrima.core.agreement;

import java.util.List;
import java.util.Optional;

/**
 * The coefficients by their snake_case names, as they appear in JSON output and in the reference file.
 * Several names may share one coefficient where the literature gave it several (Conger's = Hubert's kappa;
 * Bennett's S = Brennan–Prediger = Randolph).
 */
public final class AgreementMeasures {

  private static final List<AgreementMeasure> ALL = List.of(
      new PercentageAgreement(),
      new PairwisePercentageAgreement(),
      new AllCodersAgreement(),
      new CoincidenceAgreement(),
      new CohenKappa(),
      new CohenKappaMaximum(),
      new ScottPi(),
      new FleissKappa(),
      CongerKappa.conger(),
      CongerKappa.hubert(),
      new LightKappa(),
      FreeMarginalKappa.bennettS(),
      FreeMarginalKappa.randolph(),
      FreeMarginalKappa.brennanPrediger(),
      GwetAc.ac1(),
      GwetAc.ac2Linear(),
      GwetAc.ac2Quadratic(),
      WeightedKappa.linear(),
      WeightedKappa.quadratic(),
      KrippendorffAlpha.nominal(),
      KrippendorffAlpha.ordinal(),
      KrippendorffAlpha.interval(),
      KrippendorffAlpha.ratio(),
      SpecificAgreement.positive(),
      SpecificAgreement.negative());

  private static final List<CategoryMeasure> PER_CATEGORY = List.of(
      new CategoryMeasure("category_cohen_kappa_own_marginals", new CohenKappa()),
      new CategoryMeasure("fleiss_category_kappa", new FleissKappa()),
      new CategoryMeasure("category_krippendorff_alpha_nominal", KrippendorffAlpha.nominal()),
      new CategoryMeasure("category_percentage_agreement", new PairwisePercentageAgreement()),
      new CategoryMeasure("category_gwet_ac1", GwetAc.ac1()));

  private AgreementMeasures() {
  }

  public static List<AgreementMeasure> all() {
    return ALL;
  }

  public static Optional<AgreementMeasure> byName(String name) {
    return ALL.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The per-category coefficients (category against the rest). */
  public static List<CategoryMeasure> perCategory() {
    return PER_CATEGORY;
  }

  public static Optional<CategoryMeasure> categoryMeasure(String name) {
    return PER_CATEGORY.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
