package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The properties the issue asks of the joint bootstrap, on studies from seeded generating processes. */
class JointBootstrapTest {

  private static final int M = ReliabilityData.MISSING;

  private static final List<AgreementMeasure> MEASURES = List.of(KrippendorffAlpha.nominal(), new FleissKappa(),
      GwetAc.ac1(), new PairwisePercentageAgreement());

  /** Every variable alone and every domain's variables pooled, with the measures that accept the coders. */
  private static List<JointBootstrap.Target> targets(ProfileStudy study) {
    List<AgreementMeasure> accepted = new ArrayList<>();
    for (AgreementMeasure m : AgreementMeasures.all()) {
      if (m.accepts(study.coders())) {
        accepted.add(m);
      }
    }
    List<JointBootstrap.Target> targets = new ArrayList<>();
    for (int v = 0; v < study.variables(); v++) {
      targets.add(JointBootstrap.Target.of(v, accepted));
    }
    targets.add(new JointBootstrap.Target(study.sameDomain(study.domains().indexOf(ValueDomain.presence())), accepted));
    targets.add(new JointBootstrap.Target(study.sameDomain(study.domains().indexOf(ProfileStudy.ABC)), MEASURES));
    return targets;
  }

  /**
   * One present/absent variable, two coders; each document has its own accuracy (chance of reporting the
   * truth, else a coin toss), so agreement can differ between documents.
   */
  private static ProfileStudy binaryStudy(Random random, int units, int documents, IntToDoubleFunction accuracyOfDocument,
      double prevalence) {
    int[][] rows = new int[units][];
    int[] documentOf = new int[units];
    for (int u = 0; u < units; u++) {
      int d = (int) ((long) u * documents / units);
      documentOf[u] = d;
      int truth = random.nextDouble() < prevalence ? 1 : 0;
      int[] row = new int[2];
      for (int k = 0; k < 2; k++) {
        row[k] = random.nextDouble() < accuracyOfDocument.applyAsDouble(d) ? truth : random.nextInt(2);
      }
      rows[u] = row;
    }
    return new ProfileStudy(2, List.of(ValueDomain.presence()), documentOf, rows);
  }

  private static void assertSameDistributions(List<List<BootstrapDistribution>> a, List<List<BootstrapDistribution>> b) {
    assertThat(b).hasSameSizeAs(a);
    for (int t = 0; t < a.size(); t++) {
      assertThat(b.get(t)).hasSameSizeAs(a.get(t));
      for (int m = 0; m < a.get(t).size(); m++) {
        BootstrapDistribution x = a.get(t).get(m);
        BootstrapDistribution y = b.get(t).get(m);
        String what = "target " + t + " " + x.estimate().coefficient();
        assertThat(y.values()).as(what).containsExactly(x.values());
        assertThat(y.replicatesDefined()).as(what).isEqualTo(x.replicatesDefined());
        assertThat(y.interval(0.95)).as(what).isEqualTo(x.interval(0.95));
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameIntervalsWhateverTheThreads() throws Exception {
    Random random = new Random(1);
    for (int trial = 0; trial < 4; trial++) {
      ProfileStudy study = ProfileStudy.random(random, 150 + random.nextInt(150));
      UnitProfiles profiles = study.profiles();
      List<JointBootstrap.Target> targets = targets(study);
      long seed = random.nextLong();
      boolean byDocument = trial % 2 == 1;
      List<List<BootstrapDistribution>> first = new JointBootstrap(seed, 200, byDocument).run(profiles, targets);
      List<List<BootstrapDistribution>> second = new JointBootstrap(seed, 200, byDocument).run(profiles, targets);
      assertSameDistributions(first, second);
      // a parallel stream started inside a pool runs in that pool: one thread, then several
      for (int threads : new int[] {1, 7}) {
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
          List<List<BootstrapDistribution>> inPool = pool.submit(
              () -> new JointBootstrap(seed, 200, byDocument).run(study.profiles(), targets)).get();
          assertSameDistributions(first, inPool);
        }
      }
    }
  }

  @Test
  void aDifferentSeedGivesDifferentReplicates() {
    ProfileStudy study = ProfileStudy.random(new Random(2), 200);
    UnitProfiles profiles = study.profiles();
    List<JointBootstrap.Target> targets = List.of(new JointBootstrap.Target(
        study.sameDomain(study.domains().indexOf(ValueDomain.presence())), MEASURES));
    for (boolean byDocument : new boolean[] {false, true}) {
      List<BootstrapDistribution> a = new JointBootstrap(10, 200, byDocument).run(profiles, targets).get(0);
      List<BootstrapDistribution> b = new JointBootstrap(11, 200, byDocument).run(profiles, targets).get(0);
      for (int m = 0; m < MEASURES.size(); m++) {
        // the estimate is the same, the replicates are not
        assertThat(b.get(m).estimate()).isEqualTo(a.get(m).estimate());
        assertThat(b.get(m).values()).as(MEASURES.get(m).name()).isNotEqualTo(a.get(m).values());
      }
    }
  }

  @Test
  void theEstimatesAreThoseOfTheObservedData() {
    ProfileStudy study = ProfileStudy.random(new Random(21), 180);
    UnitProfiles profiles = study.profiles();
    List<JointBootstrap.Target> targets = targets(study);
    List<List<BootstrapDistribution>> result = new JointBootstrap(3, 20, false).run(profiles, targets);
    assertThat(result).hasSameSizeAs(targets);
    for (int t = 0; t < targets.size(); t++) {
      JointBootstrap.Target target = targets.get(t);
      ReliabilityData observed = target.variables().length == 1 ? study.plain(target.variables()[0])
          : study.plainPooled(target.variables());
      assertThat(result.get(t)).hasSameSizeAs(target.measures());
      for (int m = 0; m < target.measures().size(); m++) {
        BootstrapDistribution d = result.get(t).get(m);
        assertThat(d.replicates()).isEqualTo(20);
        UnitProfilesTest.assertSameEstimate(d.estimate(), target.measures().get(m).estimate(observed),
            "target " + t + " " + target.measures().get(m).name());
      }
    }
  }

  @Test
  void theIntervalContainsTheEstimateForOrdinaryData() {
    Random random = new Random(4);
    int checked = 0;
    for (int trial = 0; trial < 12; trial++) {
      // ordinary data: a few hundred units, coders neither perfect nor guessing, no degenerate variable
      ProfileStudy study = ProfileStudy.random(random, 200 + random.nextInt(300));
      List<JointBootstrap.Target> targets = new ArrayList<>();
      for (int v = 0; v < study.variables(); v++) {
        if (study.domains().get(v).size() > 1) {
          targets.add(JointBootstrap.Target.of(v, MEASURES));
        }
      }
      targets.add(new JointBootstrap.Target(study.sameDomain(study.domains().indexOf(ValueDomain.presence())),
          MEASURES));
      List<List<BootstrapDistribution>> result = new JointBootstrap(random.nextLong(), 400, trial % 3 == 0)
          .run(study.profiles(), targets);
      for (List<BootstrapDistribution> forTarget : result) {
        for (BootstrapDistribution d : forTarget) {
          if (!d.estimate().defined() || d.replicatesDefined() < 390) {
            continue; // a degenerate study (perfect coders, nothing present): nothing ordinary to check
          }
          Interval interval = d.interval(0.95);
          double estimate = d.estimate().value().getAsDouble();
          assertThat(interval.lower().getAsDouble()).as(d.estimate().coefficient()).isLessThanOrEqualTo(estimate);
          assertThat(interval.upper().getAsDouble()).as(d.estimate().coefficient()).isGreaterThanOrEqualTo(estimate);
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void theIntervalNarrowsAsUnitsGrow() {
    Random random = new Random(5);
    // the same generating model at 100 and 1,600 units: the width should shrink about as 1/sqrt(n), to a quarter
    IntToDoubleFunction accuracy = d -> 0.75;
    ProfileStudy small = binaryStudy(random, 100, 5, accuracy, 0.3);
    ProfileStudy large = binaryStudy(random, 1_600, 5, accuracy, 0.3);
    List<JointBootstrap.Target> targets = List.of(JointBootstrap.Target.of(0, List.of(KrippendorffAlpha.nominal(),
        new CohenKappa(), new FleissKappa(), GwetAc.ac1(), new PercentageAgreement())));
    JointBootstrap bootstrap = new JointBootstrap(6, 1_000, false);
    List<BootstrapDistribution> a = bootstrap.run(small.profiles(), targets).get(0);
    List<BootstrapDistribution> b = bootstrap.run(large.profiles(), targets).get(0);
    for (int m = 0; m < a.size(); m++) {
      double ratio = b.get(m).interval(0.95).width().getAsDouble() / a.get(m).interval(0.95).width().getAsDouble();
      assertThat(ratio).as(a.get(m).estimate().coefficient()).isBetween(0.1, 0.5);
    }
  }

  /** Agreement that differs between documents: drawing documents whole must show it in the width. */
  @Test
  void resamplingDocumentsWidensTheIntervalWhenDocumentsDiffer() {
    Random random = new Random(6);
    // 12 documents of 50 units: half coded almost perfectly, half nearly at random
    ProfileStudy study = binaryStudy(random, 600, 12, d -> d % 2 == 0 ? 0.95 : 0.2, 0.4);
    UnitProfiles profiles = study.profiles();
    assertThat(profiles.documents()).isEqualTo(12);
    List<JointBootstrap.Target> targets = List.of(JointBootstrap.Target.of(0, List.of(KrippendorffAlpha.nominal(),
        new CohenKappa(), GwetAc.ac1(), new PercentageAgreement())));
    List<BootstrapDistribution> units = new JointBootstrap(8, 1_000, false).run(profiles, targets).get(0);
    List<BootstrapDistribution> documents = new JointBootstrap(8, 1_000, true).run(profiles, targets).get(0);
    for (int m = 0; m < units.size(); m++) {
      double ratio = documents.get(m).interval(0.95).width().getAsDouble()
          / units.get(m).interval(0.95).width().getAsDouble();
      assertThat(ratio).as(units.get(m).estimate().coefficient()).isGreaterThan(1.5);
    }
    // and with documents alike, the two are about as wide
    ProfileStudy alike = binaryStudy(random, 600, 12, d -> 0.6, 0.4);
    List<BootstrapDistribution> u = new JointBootstrap(8, 1_000, false).run(alike.profiles(), targets).get(0);
    List<BootstrapDistribution> d = new JointBootstrap(8, 1_000, true).run(alike.profiles(), targets).get(0);
    for (int m = 0; m < u.size(); m++) {
      double ratio = d.get(m).interval(0.95).width().getAsDouble() / u.get(m).interval(0.95).width().getAsDouble();
      assertThat(ratio).as("alike " + u.get(m).estimate().coefficient()).isBetween(0.6, 1.5);
    }
  }

  /**
   * Four units (0,0), (0,0), (0,1), (1,1): a resample is undefined for alpha exactly when it holds a single
   * value, i.e. only the two (0,0) units (probability (2/4)^4 = 16/256) or only (1,1) (1/256): 17/256.
   * Those replicates must be counted as drawn and left out of the values, not turned into a number.
   */
  @Test
  void undefinedReplicatesAreCountedNotImputed() {
    ProfileStudy study = new ProfileStudy(2, List.of(ValueDomain.presence()), new int[4],
        new int[][] {{0, 0}, {0, 0}, {0, 1}, {1, 1}});
    int replicates = 8_000;
    List<AgreementMeasure> measures = List.of(KrippendorffAlpha.nominal(), new CohenKappa(), new PercentageAgreement());
    List<BootstrapDistribution> d = new JointBootstrap(12, replicates, false)
        .run(study.profiles(), List.of(JointBootstrap.Target.of(0, measures))).get(0);
    BootstrapDistribution alpha = d.get(0);
    assertThat(alpha.replicates()).isEqualTo(replicates);
    assertThat(alpha.values()).hasSize(alpha.replicatesDefined());
    assertThat(Arrays.stream(alpha.values()).allMatch(Double::isFinite)).isTrue();
    double undefinedShare = 1 - (double) alpha.replicatesDefined() / replicates;
    // binomial standard error sqrt(p(1 − p)/R) ≈ 0.0028; 4 of them
    double p = 17.0 / 256;
    assertThat(undefinedShare).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / replicates)));
    assertThat(alpha.interval(0.95).replicatesDefined()).isEqualTo(alpha.replicatesDefined());
    assertThat(alpha.interval(0.95).replicates()).isEqualTo(replicates);
    // Cohen's kappa is undefined on the same resamples (a single value: chance agreement 1)
    assertThat(d.get(1).replicatesDefined()).isEqualTo(alpha.replicatesDefined());
    // percentage agreement is always defined
    assertThat(d.get(2).replicatesDefined()).isEqualTo(replicates);
    // a share below a threshold is over the defined replicates only
    double[] values = alpha.values();
    long below = Arrays.stream(values).filter(x -> x < Bootstrap.TENTATIVE).count();
    assertThat(alpha.probabilityBelow(Bootstrap.TENTATIVE).getAsDouble()).isEqualTo((double) below / values.length);

    // data that are undefined as observed: no bounds, every replicate counted as undefined
    ProfileStudy same = new ProfileStudy(2, List.of(ValueDomain.presence()), new int[3],
        new int[][] {{1, 1}, {1, 1}, {1, M}});
    BootstrapDistribution none = new JointBootstrap(1, 300, true)
        .run(same.profiles(), List.of(JointBootstrap.Target.of(0, List.of(new CohenKappa())))).get(0).get(0);
    assertThat(none.estimate().defined()).isFalse();
    assertThat(none.replicatesDefined()).isZero();
    assertThat(none.replicates()).isEqualTo(300);
    assertThat(none.interval(0.95).defined()).isFalse();
  }

  /**
   * On per-unit data in the order the profiles were built, {@link Bootstrap} and the joint bootstrap draw the
   * same units: both seed replicate r's generator from (seed, r) and draw n times nextInt(n); by documents,
   * both draw nextInt(documents) once per document when the documents are numbered in order of first
   * appearance. So the replicate values agree up to rounding. This pins the current draw scheme: if either
   * class changes how it draws, this test (not the statistical one below) is the one to revisit.
   */
  @Test
  void onPlainDataInTheSameOrderBootstrapDrawsTheSameResamples() {
    Random random = new Random(9);
    for (int trial = 0; trial < 4; trial++) {
      ProfileStudy study = ProfileStudy.random(random, 120 + random.nextInt(100));
      UnitProfiles profiles = study.profiles();
      int v = study.domains().indexOf(ValueDomain.presence());
      long seed = random.nextLong();
      boolean byDocument = trial % 2 == 1;
      List<AgreementMeasure> measures = List.of(KrippendorffAlpha.nominal(), GwetAc.ac1(), new FleissKappa());
      List<BootstrapDistribution> joint = new JointBootstrap(seed, 300, byDocument)
          .run(profiles, List.of(JointBootstrap.Target.of(v, measures))).get(0);
      List<BootstrapDistribution> single = new Bootstrap(seed, 300).distributions(study.plain(v), measures,
          byDocument ? Resampling.groups(study.documentOf()) : Resampling.units());
      for (int m = 0; m < measures.size(); m++) {
        double[] a = joint.get(m).values();
        double[] b = single.get(m).values();
        assertThat(a).as(measures.get(m).name()).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
          assertThat(a[i]).as(measures.get(m).name()).isCloseTo(b[i], within(1e-12));
        }
      }
    }
  }

  /**
   * The draw itself, replicate by replicate: with every unit its own profile (its number written in binary
   * across present/absent variables), profile weights are unit weights, and they must be those
   * {@link Bootstrap} draws for the same (seed, replicate) on per-unit data: n draws of nextInt(n), or one
   * nextInt(documents) per document. Sizes include 1, powers of two (a draw by mask) and others (a draw with
   * rejection), since UnitProfiles computes the bounded draw itself.
   */
  @Test
  void aReplicateDrawsAsBootstrapDoesValueForValue() {
    int bits = 13;
    List<ValueDomain> domains = java.util.Collections.nCopies(bits, ValueDomain.presence());
    for (int n : new int[] {1, 2, 3, 7, 64, 100, 1_000, 1_024, 1_025, 3_000, 4_096, 5_000}) {
      UnitProfiles.Builder b = UnitProfiles.builder(bits, 1);
      int[] documentOf = new int[n];
      int[][] cells = new int[n][1];
      for (int u = 0; u < n; u++) {
        int[] row = new int[bits];
        for (int j = 0; j < bits; j++) {
          row[j] = (u >>> j) & 1;
        }
        // documents numbered without gaps: UnitProfiles counts documents up to the largest index and would also
        // draw an index that holds no unit, which Resampling.groups (numbering only groups that occur) never does
        documentOf[u] = u * Math.min(7, n) / n;
        b.add(documentOf[u], row);
      }
      UnitProfiles profiles = b.build(domains);
      assertThat(profiles.profiles()).isEqualTo(n);
      ReliabilityData plain = ReliabilityData.of(ValueDomain.presence(), 1, cells);
      Bootstrap bootstrap = new Bootstrap(n * 31L + 5, 10);
      for (int r = 0; r < 10; r++) {
        assertThat(profiles.profileWeights(false, Bootstrap.generator(bootstrap.seed(), r))).as("%d units", n)
            .containsExactly(bootstrap.weights(plain, Resampling.units(), r));
        assertThat(profiles.profileWeights(true, Bootstrap.generator(bootstrap.seed(), r))).as("%d units", n)
            .containsExactly(bootstrap.weights(plain, Resampling.groups(documentOf), r));
      }
    }
  }

  /**
   * The single-variable joint bootstrap against {@link Bootstrap} on the same data compacted (one row per
   * distinct pattern, weighted by its count): the same resampling scheme in distribution, but not the same
   * draws. Bootstrap draws observations of weighted data by nextDouble() and a search through cumulative
   * weights, the joint bootstrap draws units by nextInt(n); the random streams are used differently, so
   * replicate r is a different resample in each and only the distributions agree. With 4,000 replicates the
   * Monte Carlo error of a 2.5 % quantile is well under 0.01 here; 0.03 leaves room for both.
   */
  @Test
  void oneVariableGivesIntervalsLikeBootstrap() {
    Random random = new Random(10);
    ProfileStudy study = binaryStudy(random, 400, 8, d -> 0.6 + 0.04 * d, 0.35);
    List<AgreementMeasure> measures = List.of(KrippendorffAlpha.nominal(), new CohenKappa(), GwetAc.ac1(),
        new FleissKappa(), new PercentageAgreement());
    List<BootstrapDistribution> joint = new JointBootstrap(21, 4_000, false)
        .run(study.profiles(), List.of(JointBootstrap.Target.of(0, measures))).get(0);
    ReliabilityData compact = study.plain(0).compact();
    assertThat(compact.units()).isEqualTo(4);
    List<BootstrapDistribution> single = new Bootstrap(21, 4_000).distributions(compact, measures, Resampling.units());
    for (int m = 0; m < measures.size(); m++) {
      Interval a = joint.get(m).interval(0.95);
      Interval b = single.get(m).interval(0.95);
      String name = measures.get(m).name();
      assertThat(a.estimate().value().getAsDouble()).as(name).isCloseTo(b.estimate().value().getAsDouble(),
          within(1e-12));
      assertThat(a.lower().getAsDouble()).as(name).isCloseTo(b.lower().getAsDouble(), within(0.03));
      assertThat(a.upper().getAsDouble()).as(name).isCloseTo(b.upper().getAsDouble(), within(0.03));
      assertThat(a.width().getAsDouble()).as(name).isCloseTo(b.width().getAsDouble(), within(0.03));
      // and the draws are indeed different
      assertThat(joint.get(m).values()).isNotEqualTo(single.get(m).values());
    }
  }

  @Test
  void itRefusesNoReplicatesAndEmptyTargets() {
    assertThatThrownBy(() -> new JointBootstrap(1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JointBootstrap.Target(new int[0], MEASURES))
        .isInstanceOf(IllegalArgumentException.class);
    JointBootstrap b = new JointBootstrap(3, 7, true);
    assertThat(b.seed()).isEqualTo(3);
    assertThat(b.replicates()).isEqualTo(7);
    assertThat(b.byDocument()).isTrue();
  }

  /** A target keeps its own copy of the variables it was given. */
  @Test
  void aTargetCopiesItsVariables() {
    int[] variables = {0, 1};
    JointBootstrap.Target t = new JointBootstrap.Target(variables, MEASURES);
    variables[1] = 5;
    assertThat(t.variables()).containsExactly(0, 1);
  }
}
