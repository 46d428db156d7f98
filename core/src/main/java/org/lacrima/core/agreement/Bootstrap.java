package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded percentile bootstrap over unit weights. Replicate r is drawn from a generator seeded by
 * (seed, r) alone, so the same replicate has the same weights whoever asks: every measure and every data set
 * over the same units (the per-category data of one study) sees the same resamples, and the figures of one
 * report hang together. A replicate re-evaluates the measure with new weights; the data are never copied.
 */
public final class Bootstrap {

  public static final int DEFAULT_REPLICATES = 2_000;

  /** Krippendorff's (2004) thresholds: below .667 discard the variable, below .800 draw tentative conclusions. */
  public static final double TENTATIVE = 0.667;
  public static final double RELIABLE = 0.800;

  private final long seed;
  private final int replicates;

  public Bootstrap(long seed, int replicates) {
    if (replicates < 1) {
      throw new IllegalArgumentException("a bootstrap needs at least one replicate, not " + replicates);
    }
    this.seed = seed;
    this.replicates = replicates;
  }

  public Bootstrap(long seed) {
    this(seed, DEFAULT_REPLICATES);
  }

  public long seed() {
    return seed;
  }

  public int replicates() {
    return replicates;
  }

  /** The weights of replicate {@code replicate}: the same for every caller with the same seed and units. */
  public double[] weights(ReliabilityData data, Resampling resampling, int replicate) {
    return resampling.draw(data, generator(replicate));
  }

  public BootstrapDistribution distribution(ReliabilityData data, AgreementMeasure measure, Resampling resampling) {
    return distributions(data, List.of(measure), resampling).get(0);
  }

  /** Several measures from one pass of replicates: each replicate's weights are drawn once. */
  public List<BootstrapDistribution> distributions(ReliabilityData data, List<AgreementMeasure> measures,
      Resampling resampling) {
    double[][] values = new double[measures.size()][replicates];
    int[] defined = new int[measures.size()];
    for (int r = 0; r < replicates; r++) {
      ReliabilityData replicate = data.withWeights(weights(data, resampling, r));
      for (int m = 0; m < measures.size(); m++) {
        Estimate e = measures.get(m).estimate(replicate);
        if (e.defined()) {
          values[m][defined[m]++] = e.value().getAsDouble();
        }
      }
    }
    List<BootstrapDistribution> result = new ArrayList<>();
    for (int m = 0; m < measures.size(); m++) {
      result.add(new BootstrapDistribution(measures.get(m).estimate(data), Arrays.copyOf(values[m], defined[m]),
          replicates));
    }
    return result;
  }

  /** The 95 % percentile interval. */
  public Interval interval(ReliabilityData data, AgreementMeasure measure, Resampling resampling) {
    return distribution(data, measure, resampling).interval(0.95);
  }

  private SplittableRandom generator(int replicate) {
    return generator(seed, replicate);
  }

  /** Replicate {@code replicate}'s generator: a function of the seed and the replicate number alone. */
  static SplittableRandom generator(long seed, int replicate) {
    // mixing (seed, r) through one SplittableRandom step decorrelates neighbouring replicates; seeding with
    // seed + r directly would make replicate r + 1 the stream of replicate r shifted by one draw
    long mixed = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (replicate + 1L))).nextLong();
    return new SplittableRandom(mixed);
  }
}
