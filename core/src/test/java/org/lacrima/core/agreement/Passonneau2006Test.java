package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Passonneau (2006) "Measuring agreement on set-valued items (MASI) for semantic and pragmatic annotation":
 * alpha with the MASI distance for units that carry several codes. The reference file has no value, so the
 * figures come from NLTK 3.8 of Debian (python3-nltk), with the data below as (coder, unit, frozenset) triples
 * and missing cells left out:
 *
 * <pre>
 * from nltk.metrics.agreement import AnnotationTask
 * from nltk.metrics.distance import masi_distance
 * def exact(a, b):   # Passonneau's weights 2/3 and 1/3; NLTK's masi_distance rounds them to 0.67 and 0.33
 *     i = len(a &amp; b); u = len(a | b)
 *     m = 1 if a == b else 2/3 if i == min(len(a), len(b)) else 1/3 if i &gt; 0 else 0
 *     return 1 - i / u * m
 * triples = [(str(c), str(u), frozenset(v)) for u, row in enumerate(rows) for c, v in enumerate(row) if v is not None]
 * AnnotationTask(data=triples, distance=exact).alpha(); AnnotationTask(data=triples, distance=masi_distance).alpha()
 * </pre>
 */
class Passonneau2006Test {

  private static final ValueDomain CODES = ValueDomain.nominal(List.of("a", "b", "c", "d"));

  /** Rows of cells written as strings of code letters, null for a missing cell. */
  private static SetReliabilityData data(String[][] rows) {
    List<List<Optional<Set<Integer>>>> cells = new ArrayList<>();
    for (String[] row : rows) {
      List<Optional<Set<Integer>>> unit = new ArrayList<>();
      for (String cell : row) {
        if (cell == null) {
          unit.add(Optional.empty());
        } else {
          Set<Integer> codes = new java.util.TreeSet<>();
          cell.chars().forEach(ch -> codes.add(ch - 'a'));
          unit.add(Optional.of(codes));
        }
      }
      cells.add(unit);
    }
    return SetReliabilityData.of(CODES, rows[0].length, cells);
  }

  private static void assertAlphas(String[][] rows, double exactThirds, double nltkRounded) {
    SetReliabilityData data = data(rows);
    assertThat(data.estimateMasiAlpha().value().getAsDouble()).isCloseTo(exactThirds, within(1e-12));
    Estimate rounded = KrippendorffAlpha.withDistance("masi_nltk", data.masiDistance(MasiDistance.nltk()))
        .estimate(data.asReliabilityData());
    assertThat(rounded.value().getAsDouble()).isCloseTo(nltkRounded, within(1e-12));
  }

  @Test
  void twoCoders() {
    assertAlphas(new String[][] {
        {"ab", "ab"}, {"a", "ab"}, {"abc", "b"}, {"c", "d"}, {"bd", "bc"}, {"d", "d"}, {"ac", "a"}},
        0.29331823329558304, 0.2935951326180305);
  }

  @Test
  void threeCodersWithMissingCells() {
    assertAlphas(new String[][] {
        {"ab", "a", "ab"}, {"c", "c", null}, {"a", "b", "ab"}, {null, "bc", "bcd"}, {"d", null, null},
        {"ad", "ad", "a"}, {"b", "b", "b"}, {"abcd", "ab", "cd"}},
        0.4196011879507846, 0.42045671637989235);
  }

  @Test
  void fourCoders() {
    assertAlphas(new String[][] {
        {"a", "a", "a", "ab"}, {"bc", "bc", "b", "c"}, {"d", "cd", "d", "d"}, {"ab", "ac", "ad", "a"},
        {"c", "c", "c", "c"}, {"bd", "b", "d", null}},
        0.4372644049542276, 0.4378939202947735);
  }

  @Test
  void masiDistanceFollowsPassonneau() {
    MasiDistance masi = MasiDistance.passonneau();
    assertThat(masi.between(Set.of(1, 2), Set.of(1, 2))).isZero();
    assertThat(masi.between(Set.of(), Set.of())).isZero();
    // subset: J = 1/2, M = 2/3
    assertThat(masi.between(Set.of(1), Set.of(1, 2))).isCloseTo(1 - 0.5 * 2 / 3, within(1e-15));
    // overlap: J = 1/3, M = 1/3
    assertThat(masi.between(Set.of(1, 2), Set.of(2, 3))).isCloseTo(1 - 1.0 / 9, within(1e-15));
    assertThat(masi.between(Set.of(1), Set.of(2))).isEqualTo(1.0);
    assertThat(masi.between(Set.of(), Set.of(2))).isEqualTo(1.0);
  }

  /** Units with one code each make MASI the nominal distance, so MASI alpha is nominal alpha. */
  @Test
  void singleCodesGiveNominalAlpha() {
    SetReliabilityData data = data(new String[][] {{"a", "a"}, {"b", "a"}, {"c", "c"}, {"d", "d"}, {"b", "b"}});
    ReliabilityData plain = ReliabilityData.of(CODES, 2, new int[][] {{0, 0}, {1, 0}, {2, 2}, {3, 3}, {1, 1}});
    assertThat(data.estimateMasiAlpha().value().getAsDouble())
        .isCloseTo(KrippendorffAlpha.nominal().estimate(plain).value().getAsDouble(), within(1e-12));
  }
}
