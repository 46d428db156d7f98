package org.lacrima.core.agreement.report;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lacrima.core.agreement.Bootstrap;
import org.lacrima.core.agreement.BootstrapDistribution;
import org.lacrima.core.agreement.Estimate;
import org.lacrima.core.agreement.Interval;

/**
 * One coefficient as reported: the estimate (or why it is undefined), and where it was bootstrapped its
 * 95 % percentile interval and, for alpha, the share of replicates below Krippendorff's .667 and .800.
 */
public record Figure(Estimate estimate, Optional<Interval> interval, OptionalDouble belowTentative,
    OptionalDouble belowReliable) {

  public Figure {
    Objects.requireNonNull(estimate, "estimate");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(belowTentative, "belowTentative");
    Objects.requireNonNull(belowReliable, "belowReliable");
  }

  public static Figure of(Estimate estimate) {
    return new Figure(estimate, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty());
  }

  public static Figure of(BootstrapDistribution d) {
    OptionalDouble none = OptionalDouble.empty();
    // the thresholds are Krippendorff's, for alpha; beside a kappa they would read as a standard it never had
    boolean defined = d.estimate().defined() && d.estimate().coefficient().startsWith("krippendorff_alpha");
    return new Figure(d.estimate(), Optional.of(d.interval(0.95)),
        defined ? d.probabilityBelow(Bootstrap.TENTATIVE) : none, defined ? d.probabilityBelow(Bootstrap.RELIABLE) : none);
  }

  public String name() {
    return estimate.coefficient();
  }

  public boolean defined() {
    return estimate.defined();
  }
}
