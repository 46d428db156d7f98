package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Domains of more values than a dense q × q table should hold ({@link CoincidenceMatrix#DENSE_LIMIT}): the code sets
 * of a project that applies many codes freely, or a column of many distinct values. The figures must be those
 * the same data give by the definition, or on a domain cut down to the values used.
 */
class LargeDomainTest {

  private static final int M = ReliabilityData.MISSING;

  /** Alpha from its definition over every two pairable values, without a coincidence matrix. */
  private static double alphaOverValuePairs(int[][] cells, Distance delta) {
    List<Integer> pairable = new ArrayList<>();
    double observed = 0;
    double pairableValues = 0;
    for (int[] unit : cells) {
      List<Integer> values = new ArrayList<>();
      for (int v : unit) {
        if (v != M) {
          values.add(v);
        }
      }
      if (values.size() < 2) {
        continue;
      }
      pairable.addAll(values);
      pairableValues += values.size();
      double within = 0;
      for (int i = 0; i < values.size(); i++) {
        for (int j = 0; j < values.size(); j++) {
          if (i != j) {
            within += delta.between(values.get(i), values.get(j));
          }
        }
      }
      observed += within / (values.size() - 1);
    }
    // ten million terms: summed with Kahan's compensation, so that the reference is not the rounder of the two
    double expected = 0;
    double lost = 0;
    for (int a : pairable) {
      for (int b : pairable) {
        double term = delta.between(a, b) - lost;
        double next = expected + term;
        lost = (next - expected) - term;
        expected = next;
      }
    }
    return 1 - (observed / pairableValues) / (expected / (pairableValues * (pairableValues - 1)));
  }

  @Test
  void masiAlphaOverThousandsOfCodeSetsIsAlphaByDefinition() {
    SplittableRandom random = new SplittableRandom(21);
    int codes = 40;
    int units = 1200;
    List<List<Optional<Set<Integer>>>> cells = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      Set<Integer> shared = CodeSetDistanceTest.randomSets(random, 1, codes, 4).get(0);
      List<Optional<Set<Integer>>> unit = new ArrayList<>();
      for (int coder = 0; coder < 3; coder++) {
        int draw = random.nextInt(10);
        unit.add(draw == 0 ? Optional.empty()
            : draw < 5 ? Optional.of(shared) : Optional.of(CodeSetDistanceTest.randomSets(random, 1, codes, 4).get(0)));
      }
      cells.add(unit);
    }
    SetReliabilityData sets = SetReliabilityData.of(ValueDomain.nominal(labels(codes)), 3, cells);
    assertThat(sets.sets()).hasSizeGreaterThan(CodeSetDistance.TABLE_LIMIT);

    ReliabilityData data = sets.asReliabilityData();
    int[][] asValues = new int[units][];
    for (int u = 0; u < units; u++) {
      asValues[u] = new int[] {data.value(u, 0), data.value(u, 1), data.value(u, 2)};
    }
    MasiDistance masi = MasiDistance.passonneau();
    double expected = alphaOverValuePairs(asValues, (a, b) -> masi.between(sets.sets().get(a), sets.sets().get(b)));
    assertThat(sets.estimateMasiAlpha().value().getAsDouble()).isCloseTo(expected, within(1e-12));
  }

  /** Not AC1 or Brennan–Prediger: their chance agreement counts the values of the domain, used or not. */
  @Test
  void unusedValuesOfALargeDomainChangeNoFigure() {
    SplittableRandom random = new SplittableRandom(5);
    int used = 6;
    int[][] compact = new int[400][2];
    for (int[] unit : compact) {
      unit[0] = random.nextInt(used);
      unit[1] = random.nextInt(3) == 0 ? random.nextInt(used) : unit[0];
    }
    // the same judgements, the used values scattered over a domain of 2,000
    int[] spread = {3, 517, 900, 1203, 1650, 1999};
    int[][] wide = new int[compact.length][2];
    for (int u = 0; u < compact.length; u++) {
      wide[u] = new int[] {spread[compact[u][0]], spread[compact[u][1]]};
    }
    ReliabilityData small = ReliabilityData.of(ValueDomain.nominal(labels(used)), 2, compact);
    ReliabilityData large = ReliabilityData.of(ValueDomain.nominal(labels(2000)), 2, wide);
    for (String name : List.of("percentage_agreement", "cohen_kappa", "scott_pi", "krippendorff_alpha_nominal",
        "fleiss_kappa")) {
      AgreementMeasure measure = AgreementMeasures.byName(name).orElseThrow();
      assertThat(measure.estimate(large).value().getAsDouble()).as(name)
          .isCloseTo(measure.estimate(small).value().getAsDouble(), within(1e-12));
    }
    Estimate kappaSmall = new CohenKappa().estimate(small);
    Estimate kappaLarge = new CohenKappa().estimate(large);
    assertThat(kappaLarge.standardError().getAsDouble())
        .isCloseTo(kappaSmall.standardError().getAsDouble(), within(1e-12));
  }

  @Test
  void aMatrixThatKeepsNoCellsHoldsWhatTheDenseOneHolds() {
    int[][] cells = {{0, 1, 2}, {1, 1, M}, {2, 2, 2}, {0, M, M}, {3, 0, 3}, {1, 2, 3}, {3, 3, M}};
    double[] weights = {1, 2.5, 0, 3, 0.5, 1, 4};
    ReliabilityData data = new ReliabilityData(ValueDomain.nominal(labels(4)), 3, cells, weights);
    CoincidenceMatrix dense = CoincidenceMatrix.of(data);
    CoincidenceMatrix walking = CoincidenceMatrix.of(data, 0);
    // n_c by hand: each pairable unit's weight times how often it holds c (the weight-0 unit and {0} drop out)
    double[] totals = {1 + 0.5, 1 + 2 * 2.5 + 1, 1 + 1, 2 * 0.5 + 1 + 2 * 4};
    for (CoincidenceMatrix matrix : List.of(dense, walking)) {
      for (int c = 0; c < 4; c++) {
        assertThat(matrix.total(c)).isCloseTo(totals[c], within(1e-12));
      }
      assertThat(matrix.pairableUnits()).isEqualTo(1 + 2.5 + 0.5 + 1 + 4);
      assertThat(matrix.unpairableUnits()).isEqualTo(3.0);
      assertThat(matrix.distinctValues()).isEqualTo(4);
    }
    for (int c = 0; c < 4; c++) {
      for (int k = 0; k < 4; k++) {
        assertThat(walking.coincidence(c, k)).isCloseTo(dense.coincidence(c, k), within(1e-12));
      }
    }
    // o_01 by hand: unit 1 (one 0, one 1, m = 3) gives 1/2, unit 5 ({3, 0, 3}) none, unit 6 ({1, 2, 3}) none
    assertThat(dense.coincidence(0, 1)).isCloseTo(0.5, within(1e-12));
    assertThat(walking.observedDisagreement(Distance.nominal()))
        .isCloseTo(dense.observedDisagreement(Distance.nominal()), within(1e-12));
    assertThat(dense.observedDisagreement(Distance.nominal())).isPositive();
  }

  /** One value alone: alpha is undefined, also where a fast sum of the expected disagreement rounds. */
  @Test
  void oneValueAloneLeavesAlphaUndefinedWhateverTheWeights() {
    Set<Integer> sixteen = new TreeSet<>();
    for (int code = 0; code < 16; code++) {
      sixteen.add(code);
    }
    List<List<Optional<Set<Integer>>>> cells = new ArrayList<>();
    double[] weights = new double[12];
    for (int u = 0; u < weights.length; u++) {
      cells.add(List.of(Optional.of(sixteen), Optional.of(sixteen), Optional.of(sixteen)));
      weights[u] = 1.0 / 3 + u * 0.1;
    }
    SetReliabilityData sets = new SetReliabilityData(ValueDomain.nominal(labels(16)), 3, cells, weights);
    Estimate masi = sets.estimateMasiAlpha();
    assertThat(masi.defined()).isFalse();
    assertThat(masi.undefinedBecause()).hasValueSatisfying(r -> assertThat(r).contains("every pairable value is the same"));

    ValueDomain numbers = new ValueDomain(List.of("a", "b"), Scale.INTERVAL, List.of(1.0e9 + 0.1, 3.0));
    int[][] same = new int[30][];
    double[] w = new double[30];
    for (int u = 0; u < same.length; u++) {
      same[u] = new int[] {0, 0};
      w[u] = 0.7 + u / 7.0;
    }
    Estimate interval = KrippendorffAlpha.interval().estimate(new ReliabilityData(numbers, 2, same, w));
    assertThat(interval.defined()).isFalse();
  }

  private static List<String> labels(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("v" + i);
    }
    return out;
  }
}
