package org.lacrima.core.agreement;

import java.util.Objects;

/**
 * A coefficient for one category: the category against the rest (present/absent per unit, see
 * {@link ReliabilityData#presenceOf(int)}), and an ordinary coefficient on those data. The names keep
 * apart what the literature mixes up: "category_cohen_kappa_own_marginals" is Cohen's kappa on the binarised
 * table; "fleiss_category_kappa" is Fleiss' category kappa with pooled marginals, the "category kappa" of
 * Agresti (1992) and DKPro.
 */
public record CategoryMeasure(String name, AgreementMeasure base) implements AgreementMeasure {

  public CategoryMeasure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
  }

  @Override
  public boolean accepts(int coders) {
    return base.accepts(coders);
  }

  /** The coefficient for value {@code category} of the data's domain. */
  public Estimate estimate(ReliabilityData data, int category) {
    return estimatePresence(data.presenceOf(category));
  }

  /**
   * The coefficient on data already binarised: for a bootstrap, which reweights the binarised data of every
   * category with the same weights instead of binarising anew for each replicate.
   */
  public Estimate estimatePresence(ReliabilityData presence) {
    Estimate e = base.estimate(presence);
    return e.renamed(name);
  }

  /** The coefficient on presence data ({@link #estimatePresence}): a category's own variable. */
  @Override
  public Estimate estimate(ReliabilityData presence) {
    return estimatePresence(presence);
  }
}
