package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's bounded draw must be uniform: a biased draw would tilt every interval. Lemire's method is
 * biased exactly when its rejection step is wrong, which shows most for bounds that leave a large remainder
 * of 2^32.
 */
class ResamplingDrawTest {

  @Test
  void everyIndexOfASmallBoundIsEquallyLikely() {
    SplittableRandom random = new SplittableRandom(7);
    int bound = 7;
    int draws = 700_000;
    long[] counts = new long[bound];
    for (int i = 0; i < draws; i++) {
      counts[Resampling.below(random, bound)]++;
    }
    // Pearson's chi-square with 6 degrees of freedom: 22.46 is its 0.999 quantile
    assertThat(chiSquare(counts, draws)).isLessThan(22.46);
  }

  @Test
  void aBoundThatLeavesALargeRemainderIsStillUniform() {
    // bound 3 * 2^29: multiply-and-shift maps each run of 8 consecutive 32-bit values onto 3 results as
    // 3, 3 and 2 values; without the rejection step results of residue 2 (mod 3) would come up a quarter of
    // the time instead of a third
    int bound = 3 << 29;
    SplittableRandom random = new SplittableRandom(11);
    int draws = 300_000;
    long[] residues = new long[3];
    for (int i = 0; i < draws; i++) {
      int x = Resampling.below(random, bound);
      assertThat(x).isBetween(0, bound - 1);
      residues[x % 3]++;
    }
    // 2 degrees of freedom: 13.82 is the 0.999 quantile
    assertThat(chiSquare(residues, draws)).isLessThan(13.82);
  }

  @Test
  void aBoundOfOneAlwaysGivesZero() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000; i++) {
      assertThat(Resampling.below(random, 1)).isZero();
    }
  }

  private static double chiSquare(long[] counts, int draws) {
    double expected = (double) draws / counts.length;
    double sum = 0;
    for (long c : counts) {
      sum += (c - expected) * (c - expected) / expected;
    }
    return sum;
  }
}
