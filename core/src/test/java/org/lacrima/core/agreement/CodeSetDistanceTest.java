package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link CodeSetDistance} sums MASI over every two code sets by counting shared codes; these tests hold it to
 * the sum taken pair by pair with {@link MasiDistance#between(Set, Set)}, on random sets and weights.
 */
class CodeSetDistanceTest {

  /** Distinct random sets of 0 to {@code largest} codes out of {@code codes}, {@code wanted} of them at most. */
  static List<Set<Integer>> randomSets(SplittableRandom random, int wanted, int codes, int largest) {
    Set<Set<Integer>> distinct = new LinkedHashSet<>();
    for (int i = 0; i < wanted * 4 && distinct.size() < wanted; i++) {
      Set<Integer> set = new TreeSet<>();
      int size = random.nextInt(largest + 1);
      while (set.size() < size) {
        set.add(random.nextInt(codes));
      }
      distinct.add(Set.copyOf(set));
    }
    return new ArrayList<>(distinct);
  }

  private static double pairByPair(MasiDistance masi, List<Set<Integer>> sets, double[] totals) {
    double sum = 0;
    for (int c = 0; c < sets.size(); c++) {
      for (int k = 0; k < sets.size(); k++) {
        sum += totals[c] * totals[k] * masi.between(sets.get(c), sets.get(k));
      }
    }
    return sum;
  }

  /** Weights as a bootstrap makes them: whole numbers, many 0; and some fractions, as m_u − 1 shares give. */
  private static double[] randomTotals(SplittableRandom random, int q) {
    double[] totals = new double[q];
    for (int v = 0; v < q; v++) {
      int kind = random.nextInt(4);
      totals[v] = kind == 0 ? 0 : kind == 1 ? random.nextInt(1, 6) / 2.0 : random.nextInt(1, 40);
    }
    return totals;
  }

  private static void assertSumsAgree(List<Set<Integer>> sets, long seed) {
    assertSumsAgree(sets, seed, 1e-12);
  }

  private static void assertSumsAgree(List<Set<Integer>> sets, long seed, double tolerance) {
    SplittableRandom random = new SplittableRandom(seed);
    for (MasiDistance masi : List.of(MasiDistance.passonneau(), MasiDistance.nltk())) {
      CodeSetDistance distance = CodeSetDistance.of(masi, sets);
      for (int round = 0; round < 3; round++) {
        double[] totals = randomTotals(random, sets.size());
        double expected = pairByPair(masi, sets, totals);
        assertThat(distance.pairSum(totals)).isCloseTo(expected, within(Math.abs(expected) * tolerance));
      }
    }
  }

  @Test
  void theSumOverSharedCodesIsTheSumPairByPair() {
    List<Set<Integer>> sets = randomSets(new SplittableRandom(7), 300, 12, 6);
    assertThat(sets).contains(Set.of()).hasSizeGreaterThan(250);
    assertSumsAgree(sets, 11);
  }

  /** Sets of up to 16 codes: 2^16 subsets each, where the alternating sums are longest. */
  @Test
  void setsOfManyCodesAreCountedToo() {
    List<Set<Integer>> sets = randomSets(new SplittableRandom(17), 40, 20, CodeSetDistance.LARGEST_SET);
    assertThat(sets.stream().mapToInt(Set::size).max().getAsInt()).isGreaterThanOrEqualTo(14);
    assertSumsAgree(sets, 14, 1e-9);
  }

  @Test
  void aDomainTooLargeToTabulateGivesTheSameDistancesAndSum() {
    List<Set<Integer>> sets = randomSets(new SplittableRandom(8), 1500, 40, 4);
    assertThat(sets).hasSizeGreaterThan(CodeSetDistance.TABLE_LIMIT);
    MasiDistance masi = MasiDistance.passonneau();
    CodeSetDistance distance = CodeSetDistance.of(masi, sets);
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      int c = random.nextInt(sets.size());
      int k = random.nextInt(sets.size());
      assertThat(distance.between(c, k)).isEqualTo(masi.between(sets.get(c), sets.get(k)));
    }
    assertSumsAgree(sets, 12);
  }

  @Test
  void setsTooLargeToEnumerateAreSummedPairByPair() {
    List<Set<Integer>> sets = new ArrayList<>(randomSets(new SplittableRandom(9), 60, 30, 5));
    Set<Integer> large = new TreeSet<>();
    for (int code = 0; code <= CodeSetDistance.LARGEST_SET; code++) {
      large.add(code);
    }
    sets.remove(large);
    sets.add(Set.copyOf(large));
    assertSumsAgree(sets, 13);
  }

  @Test
  void everyValueOnOneSetGivesNoExpectedDisagreement() {
    List<Set<Integer>> sets = List.of(Set.of(), Set.of(1), Set.of(1, 2));
    CodeSetDistance distance = CodeSetDistance.of(MasiDistance.passonneau(), sets);
    assertThat(distance.pairSum(new double[] {0, 5, 0})).isZero();
    // {1} against {1, 2}: a subset, J = 1/2, M = 2/3, δ = 2/3, counted both ways: 2 · 3 · 4 · 2/3 = 16
    assertThat(distance.pairSum(new double[] {0, 3, 4})).isCloseTo(16, within(1e-12));
    // {} against {1}: disjoint, δ = 1, both ways: 2 · 2 · 3 = 12
    assertThat(distance.pairSum(new double[] {2, 3, 0})).isCloseTo(12, within(1e-12));
  }
}
