package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One set of bootstrap replicates for every variable of a study: replicate r draws units (or whole
 * documents) with replacement once, and every category, group and pooled figure is computed on that same
 * resample, so the intervals of one report hang together. Replicate r's draw depends on the seed and r
 * alone (as in {@link Bootstrap}), which also lets replicates run in parallel and still give the same
 * figures.
 */
public final class JointBootstrap {

  /** What to bootstrap: one variable, or several of one domain pooled; and with which measures. */
  public record Target(int[] variables, List<AgreementMeasure> measures) {
    public Target {
      variables = variables.clone();
      measures = List.copyOf(measures);
      if (variables.length == 0) {
        throw new IllegalArgumentException("a target needs a variable");
      }
    }

    public static Target of(int variable, List<AgreementMeasure> measures) {
      return new Target(new int[] {variable}, measures);
    }

    ReliabilityData data(UnitProfiles.Patterns.Weighing weighing) {
      return variables.length == 1 ? weighing.data(variables[0]) : weighing.pooled(variables);
    }
  }

  private final long seed;
  private final int replicates;
  private final boolean byDocument;

  public JointBootstrap(long seed, int replicates, boolean byDocument) {
    if (replicates < 1) {
      throw new IllegalArgumentException("a bootstrap needs at least one replicate, not " + replicates);
    }
    this.seed = seed;
    this.replicates = replicates;
    this.byDocument = byDocument;
  }

  public long seed() {
    return seed;
  }

  public int replicates() {
    return replicates;
  }

  public boolean byDocument() {
    return byDocument;
  }

  /** For every target, one distribution per measure, in the order given. */
  public List<List<BootstrapDistribution>> run(UnitProfiles profiles, List<Target> targets) {
    int slots = targets.stream().mapToInt(t -> t.measures().size()).sum();
    double[][] values = new double[slots][replicates];
    IntStream.range(0, replicates).parallel().forEach(r -> {
      double[] w = profiles.profileWeights(byDocument, Bootstrap.generator(seed, r));
      UnitProfiles.Patterns.Weighing weighing = profiles.patterns().new Weighing(w);
      int slot = 0;
      for (Target t : targets) {
        ReliabilityData data = t.data(weighing);
        for (AgreementMeasure m : t.measures()) {
          Estimate e = m.estimate(data);
          values[slot++][r] = e.defined() ? e.value().getAsDouble() : Double.NaN;
        }
      }
    });
    List<List<BootstrapDistribution>> out = new ArrayList<>();
    UnitProfiles.Patterns.Weighing observedWeights = profiles.observed();
    int slot = 0;
    for (Target t : targets) {
      ReliabilityData observed = t.data(observedWeights);
      List<BootstrapDistribution> forTarget = new ArrayList<>();
      for (AgreementMeasure m : t.measures()) {
        double[] defined = Arrays.stream(values[slot++]).filter(x -> !Double.isNaN(x)).toArray();
        forTarget.add(new BootstrapDistribution(m.estimate(observed), defined, replicates));
      }
      out.add(forTarget);
    }
    return out;
  }
}
