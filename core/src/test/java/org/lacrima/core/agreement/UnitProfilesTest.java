package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link UnitProfiles} reduces units to distinct profiles and a variable to its distinct patterns with
 * counts. Every coefficient must come out as on the plain per-unit data built from the same cells without
 * it: same value, same undefined-ness and reason, same parts and standard error.
 */
class UnitProfilesTest {

  private static final int M = ReliabilityData.MISSING;

  /** Every registered measure, plus alpha with a distance of our own (as the MASI alpha of code sets is). */
  private static List<AgreementMeasure> measures() {
    List<AgreementMeasure> all = new ArrayList<>(AgreementMeasures.all());
    all.add(KrippendorffAlpha.withDistance("alpha_custom", (a, b) -> a == b ? 0 : 0.25 + 0.5 * Math.abs(a - b)));
    for (CategoryMeasure c : AgreementMeasures.perCategory()) {
      all.add(new AgreementMeasure() {
        @Override
        public String name() {
          return c.name();
        }

        @Override
        public boolean accepts(int coders) {
          return c.accepts(coders);
        }

        @Override
        public Estimate estimate(ReliabilityData data) {
          return c.estimate(data, data.domain().size() - 1);
        }
      });
    }
    return all;
  }

  static void assertSameEstimate(Estimate actual, Estimate expected, String what) {
    assertThat(actual.coefficient()).as(what).isEqualTo(expected.coefficient());
    assertThat(actual.undefinedBecause()).as(what).isEqualTo(expected.undefinedBecause());
    if (expected.defined()) {
      double e = expected.value().getAsDouble();
      assertThat(actual.value().getAsDouble()).as(what).isCloseTo(e, within(1e-12 * Math.max(1, Math.abs(e))));
    }
    assertThat(actual.standardError().isPresent()).as(what + " standard error").isEqualTo(
        expected.standardError().isPresent());
    if (expected.standardError().isPresent()) {
      assertThat(actual.standardError().getAsDouble()).as(what + " standard error")
          .isCloseTo(expected.standardError().getAsDouble(), within(1e-9));
    }
    assertThat(actual.parts().keySet()).as(what + " parts").isEqualTo(expected.parts().keySet());
    for (Map.Entry<String, Double> part : expected.parts().entrySet()) {
      double e = part.getValue();
      assertThat(actual.parts().get(part.getKey())).as(what + " part " + part.getKey())
          .isCloseTo(e, within(1e-9 * Math.max(1, Math.abs(e))));
    }
  }

  private static int distinctRows(int[][] rows) {
    Set<List<Integer>> distinct = new HashSet<>();
    for (int[] r : rows) {
      distinct.add(Arrays.stream(r).boxed().toList());
    }
    return distinct.size();
  }

  @Test
  void everyMeasureIsTheSameOnTheProfilesAsOnThePlainData() {
    Random random = new Random(20240611);
    List<AgreementMeasure> measures = measures();
    int compared = 0;
    int undefined = 0;
    for (int trial = 0; trial < 120; trial++) {
      // mostly moderate studies; now and then a tiny one, an empty one, or one past the builder's first 1,024
      int units = switch (trial % 10) {
        case 0 -> random.nextInt(4);
        case 1 -> 1_100 + random.nextInt(400);
        default -> 10 + random.nextInt(250);
      };
      ProfileStudy study = ProfileStudy.random(random, units);
      UnitProfiles profiles = study.profiles();
      String context = "trial " + trial + " (" + study.coders() + " coders, " + units + " units)";
      for (int v = 0; v < study.variables(); v++) {
        ReliabilityData packed = profiles.data(v);
        ReliabilityData plain = study.plain(v);
        assertThat(packed.coders()).isEqualTo(study.coders());
        assertThat(packed.domain()).isEqualTo(study.domains().get(v));
        assertThat(packed.totalWeight()).as(context).isEqualTo((double) units);
        // the patterns are distinct cell combinations, each from some profile and variable of the same domain
        assertThat((double) packed.units()).as(context).isLessThanOrEqualTo(Math.min(
            Math.pow(study.domains().get(v).size() + 1, study.coders()),
            (double) profiles.profiles() * study.sameDomain(v).length));
        for (AgreementMeasure m : measures) {
          if (!m.accepts(study.coders())) {
            continue;
          }
          Estimate expected = m.estimate(plain);
          assertSameEstimate(m.estimate(packed), expected, context + " variable " + v + " " + study.domains().get(v)
              .labels() + " " + m.name());
          compared++;
          undefined += expected.defined() ? 0 : 1;
        }
      }
    }
    // the comparison covered defined and undefined figures alike
    assertThat(compared).isGreaterThan(10_000);
    assertThat(undefined).isGreaterThan(500);
  }

  @Test
  void pooledIsTheMeasureOnTheStackedRows() {
    Random random = new Random(77);
    List<AgreementMeasure> measures = measures();
    for (int trial = 0; trial < 60; trial++) {
      int units = trial % 10 == 0 ? random.nextInt(3) : 10 + random.nextInt(200);
      ProfileStudy study = ProfileStudy.random(random, units);
      UnitProfiles profiles = study.profiles();
      List<int[]> pools = new ArrayList<>();
      int presence = study.domains().indexOf(ValueDomain.presence());
      int[] allPresence = study.sameDomain(presence);
      pools.add(allPresence);
      // a random non-empty subset of the presence variables, in random order
      List<Integer> subset = new ArrayList<>(Arrays.stream(allPresence).boxed().toList());
      java.util.Collections.shuffle(subset, random);
      pools.add(subset.subList(0, 1 + random.nextInt(subset.size())).stream().mapToInt(Integer::intValue).toArray());
      pools.add(study.sameDomain(study.domains().indexOf(ProfileStudy.ABC)));
      pools.add(new int[] {study.domains().indexOf(ProfileStudy.ORDINAL)});
      for (int[] pool : pools) {
        ReliabilityData packed = profiles.pooled(pool);
        ReliabilityData plain = study.plainPooled(pool);
        assertThat(packed.totalWeight()).isEqualTo((double) units * pool.length);
        for (AgreementMeasure m : measures) {
          if (m.accepts(study.coders())) {
            assertSameEstimate(m.estimate(packed), m.estimate(plain), "trial " + trial + " pool "
                + Arrays.toString(pool) + " " + m.name());
          }
        }
      }
      // asking for the pooled data leaves the per-variable data as they were
      for (int v = 0; v < study.variables(); v++) {
        assertSameEstimate(KrippendorffAlpha.nominal().estimate(profiles.data(v)),
            KrippendorffAlpha.nominal().estimate(study.plain(v)), "after pooling, variable " + v);
      }
    }
  }

  @Test
  void poolingRefusesMixedDomainsAndNothing() {
    ProfileStudy study = ProfileStudy.random(new Random(5), 40);
    UnitProfiles profiles = study.profiles();
    int presence = study.domains().indexOf(ValueDomain.presence());
    int abc = study.domains().indexOf(ProfileStudy.ABC);
    assertThatThrownBy(() -> profiles.pooled(new int[] {presence, abc})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> profiles.pooled(new int[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProfilesKeepEveryUnitsValuesAndDocument() {
    Random random = new Random(3);
    for (int trial = 0; trial < 40; trial++) {
      int units = trial == 0 ? 0 : trial == 1 ? 1_500 : 1 + random.nextInt(300);
      ProfileStudy study = ProfileStudy.random(random, units);
      UnitProfiles profiles = study.profiles();
      assertThat(profiles.units()).isEqualTo(units);
      assertThat(profiles.coders()).isEqualTo(study.coders());
      assertThat(profiles.variables()).isEqualTo(study.variables());
      int lastDocument = Arrays.stream(study.documentOf()).max().orElse(-1);
      assertThat(profiles.documents()).isEqualTo(lastDocument + 1);
      assertThat(profiles.profiles()).isEqualTo(distinctRows(study.rows())).isLessThanOrEqualTo(units);
      for (int v = 0; v < study.variables(); v++) {
        assertThat(profiles.domain(v)).isEqualTo(study.domains().get(v));
      }
      for (int u = 0; u < units; u++) {
        assertThat(profiles.documentOf(u)).isEqualTo(study.documentOf()[u]);
        for (int v = 0; v < study.variables(); v++) {
          for (int k = 0; k < study.coders(); k++) {
            assertThat(profiles.value(u, v, k)).isEqualTo(study.value(u, v, k));
          }
        }
      }
    }
  }

  /** Duplicates share a profile; a study of one repeated unit is one profile, whatever the documents. */
  @Test
  void duplicateUnitsShareOneProfile() {
    int[] row = {1, 0, 1, 2, M, 0};
    UnitProfiles.Builder b = UnitProfiles.builder(2, 3);
    for (int u = 0; u < 2_000; u++) {
      b.add(u % 7, row);
    }
    UnitProfiles profiles = b.build(List.of(ValueDomain.presence(), ProfileStudy.ABC));
    assertThat(profiles.units()).isEqualTo(2_000);
    assertThat(profiles.profiles()).isEqualTo(1);
    assertThat(profiles.documents()).isEqualTo(7);
    assertThat(profiles.value(1_999, 1, 1)).isEqualTo(M);
    assertThat(profiles.data(0).totalWeight()).isEqualTo(2_000.0);
  }

  /** The study collector fills one array and adds it for every unit: the builder must not keep it. */
  @Test
  void theBuilderCopiesTheArrayItIsGiven() {
    int[] row = {1, 0, 0, 0};
    UnitProfiles.Builder b = UnitProfiles.builder(2, 2);
    b.add(0, row);
    row[0] = 0;
    row[3] = 1;
    b.add(0, row);
    row[1] = 1;
    b.add(1, row);
    row[0] = 1;
    row[1] = 0;
    row[3] = 0;
    b.add(1, row);
    UnitProfiles profiles = b.build(List.of(ValueDomain.presence(), ValueDomain.presence()));
    assertThat(profiles.profiles()).isEqualTo(3);
    int[][] expected = {{1, 0, 0, 0}, {0, 0, 0, 1}, {0, 1, 0, 1}, {1, 0, 0, 0}};
    for (int u = 0; u < 4; u++) {
      for (int i = 0; i < 4; i++) {
        assertThat(profiles.value(u, i / 2, i % 2)).as("unit %d cell %d", u, i).isEqualTo(expected[u][i]);
      }
    }
  }

  @Test
  void invalidInputIsRefused() {
    List<ValueDomain> domains = List.of(ValueDomain.presence(), ProfileStudy.ABC);
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(0, new int[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(0, new int[5]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(-1, new int[4]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitProfiles.builder(2, 0)).isInstanceOf(IllegalArgumentException.class);
    // a presence variable takes 0 and 1 only; the nominal one 0, 1, 2; −1 is missing, −2 is nothing
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(0, new int[] {2, 0, 0, 0}).build(domains))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(0, new int[] {0, 0, 0, 3}).build(domains))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(0, new int[] {0, -2, 0, 0}).build(domains))
        .isInstanceOf(IllegalArgumentException.class);
    // a bad value in a later unit, after a valid one
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(0, new int[] {0, 1, 2, 2}).add(1, new int[] {0, 1, 2, 9})
        .build(domains)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitProfiles.builder(2, 2).add(0, new int[4]).build(List.of(ValueDomain.presence())))
        .isInstanceOf(IllegalArgumentException.class);
    // the boundaries themselves are accepted
    UnitProfiles ok = UnitProfiles.builder(2, 2).add(0, new int[] {1, M, 2, M}).add(0, new int[] {M, M, M, M})
        .build(domains);
    assertThat(ok.units()).isEqualTo(2);
    assertThat(ok.value(0, 1, 0)).isEqualTo(2);
  }

  /** No units at all: every figure undefined as on empty plain data, not an exception. */
  @Test
  void anEmptyStudyGivesTheSameUndefinedFigures() {
    ProfileStudy empty = new ProfileStudy(2, List.of(ValueDomain.presence(), ProfileStudy.ABC), new int[0],
        new int[0][]);
    UnitProfiles profiles = empty.profiles();
    assertThat(profiles.units()).isZero();
    assertThat(profiles.documents()).isZero();
    assertThat(profiles.profiles()).isZero();
    for (int v = 0; v < 2; v++) {
      for (AgreementMeasure m : measures()) {
        if (m.accepts(2)) {
          assertSameEstimate(m.estimate(profiles.data(v)), m.estimate(empty.plain(v)), "empty " + m.name());
        }
      }
    }
  }
}
