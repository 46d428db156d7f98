package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
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
    int[][] cells = {{0, 1, 2}, {1, 1, M}, {2, 2, 2}, {0, M, M}, {3, 0, 3}, {1, 2, 3}};
    ReliabilityData data = ReliabilityData.of(ValueDomain.nominal(labels(4)), 3, cells);
    CoincidenceMatrix dense = CoincidenceMatrix.of(data);
    CoincidenceMatrix sparse = CoincidenceMatrix.of(data, 0);
    for (int c = 0; c < 4; c++) {
      assertThat(sparse.total(c)).isEqualTo(dense.total(c));
      for (int k = 0; k < 4; k++) {
        assertThat(sparse.coincidence(c, k)).isEqualTo(dense.coincidence(c, k));
      }
    }
    assertThat(sparse.pairableValues()).isEqualTo(dense.pairableValues());
    assertThat(sparse.observedDisagreement(Distance.nominal())).isEqualTo(dense.observedDisagreement(Distance.nominal()));
    assertThat(dense.observedDisagreement(Distance.nominal())).isPositive();
  }

  private static List<String> labels(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("v" + i);
    }
    return out;
  }
}
