package org.lacrima.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lacrima.core.agreement.report.Figure;
import org.lacrima.core.agreement.report.ProfileAnalysis;
import org.lacrima.core.agreement.report.Row;
import org.lacrima.core.agreement.study.Variable;

/** The agreement tables of a unit study, against figures worked out by hand. */
class ProfileAnalysisTest {

  private static final int M = ReliabilityData.MISSING;

  /** The coefficients that get a bootstrap interval (the alpha, Cohen, Fleiss, AC1). */
  private static final Set<String> BOOTSTRAPPED = Set.of("krippendorff_alpha_nominal", "krippendorff_alpha_ordinal",
      "krippendorff_alpha_masi", "cohen_kappa", "fleiss_kappa", "fleiss_category_kappa", "gwet_ac1");

  /**
   * Two coders, ten units, the category "cry" as a 2 × 2 table (A's value first):
   * <pre>
   *              B present  B absent
   *   A present      3          1      (4)
   *   A absent       2          4      (6)
   *                 (5)        (5)     10
   * </pre>
   * and a second category "laugh" (both present in 3 units, A only 1, B only 1, both absent 5) for pooling.
   */
  private static final int[][] CRY = {{1, 1}, {1, 1}, {1, 1}, {1, 0}, {0, 1}, {0, 1}, {0, 0}, {0, 0}, {0, 0}, {0, 0}};
  private static final int[][] LAUGH = {{0, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 1}, {0, 0}, {1, 0}, {0, 0}, {1, 1}, {0, 0}};

  /** A study of category variables plus the code-set variable, built as the study collector builds it. */
  private record Study(UnitProfiles profiles, List<Variable> variables, List<Set<Integer>> codeSets,
      int[][] codeSetCells) {
  }

  /**
   * {@code categories[i][u][k]}: coder k's value of category i in unit u. The code set of a coder in a unit is
   * the set of categories it gave there (missing if it judged none), numbered in order of first appearance.
   */
  private static Study study(int[][][] categories, int[] documentOf, List<String> labels) {
    int nc = categories.length;
    int units = categories[0].length;
    int m = categories[0][0].length;
    Map<List<Integer>, Integer> setIndex = new LinkedHashMap<>();
    int[][] codeSetCells = new int[units][m];
    UnitProfiles.Builder b = UnitProfiles.builder(nc + 1, m);
    for (int u = 0; u < units; u++) {
      int[] row = new int[(nc + 1) * m];
      for (int k = 0; k < m; k++) {
        List<Integer> set = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < nc; i++) {
          int v = categories[i][u][k];
          row[i * m + k] = v;
          any |= v != M;
          if (v == 1) {
            set.add(i);
          }
        }
        codeSetCells[u][k] = any ? setIndex.computeIfAbsent(set, x -> setIndex.size()) : M;
        row[nc * m + k] = codeSetCells[u][k];
      }
      b.add(documentOf[u], row);
    }
    List<ValueDomain> domains = new ArrayList<>();
    List<Variable> variables = new ArrayList<>();
    for (int i = 0; i < nc; i++) {
      domains.add(ValueDomain.presence());
      variables.add(new Variable(Variable.Kind.CATEGORY, i, UUID.randomUUID(), labels.get(i), "crying/" + labels.get(i),
          0));
    }
    List<Set<Integer>> codeSets = setIndex.keySet().stream().map(l -> (Set<Integer>) new TreeSet<>(l)).toList();
    domains.add(ValueDomain.nominal(codeSets.stream().map(Object::toString).toList()));
    variables.add(new Variable(Variable.Kind.CODE_SET, nc, Variable.CODE_SET, "codes of a unit", "", 0));
    return new Study(b.build(domains), variables, codeSets, codeSetCells);
  }

  private static Study tenUnits() {
    return study(new int[][][] {CRY, LAUGH}, new int[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1}, List.of("cry", "laugh"));
  }

  private static double value(Row row, String coefficient) {
    Figure f = row.figure(coefficient).orElseThrow(() -> new AssertionError(row.label() + " has no " + coefficient));
    return f.estimate().value().orElseThrow();
  }

  private static Row only(List<Row> rows, Row.Kind kind) {
    List<Row> of = rows.stream().filter(r -> r.kind() == kind).toList();
    assertThat(of).hasSize(1);
    return of.get(0);
  }

  /**
   * Alpha for two coders without missing values, straight from Krippendorff's definitions: every unit (a, b)
   * adds 1 to o_ab and to o_ba; n_c are the row sums, n their total; Do = Σ o_ck δ_ck / n and
   * De = Σ n_c n_k δ_ck / (n (n − 1)).
   */
  private static double alphaByDefinition(int[][] cells, int values, Distance delta) {
    double[][] o = new double[values][values];
    for (int[] u : cells) {
      o[u[0]][u[1]]++;
      o[u[1]][u[0]]++;
    }
    double[] nc = new double[values];
    double n = 0;
    for (int c = 0; c < values; c++) {
      for (int k = 0; k < values; k++) {
        nc[c] += o[c][k];
      }
      n += nc[c];
    }
    double observed = 0;
    double expected = 0;
    for (int c = 0; c < values; c++) {
      for (int k = 0; k < values; k++) {
        observed += o[c][k] * delta.between(c, k);
        expected += nc[c] * nc[k] * delta.between(c, k);
      }
    }
    return 1 - (observed / n) / (expected / (n * (n - 1)));
  }

  @Test
  void aCategoryRowHasTheFiguresWorkedOutByHand() {
    Study s = tenUnits();
    ProfileAnalysis.Tables tables = ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B"),
        s.codeSets(), Optional.empty());
    assertThat(tables.categories()).extracting(Row::label).containsExactly("cry", "laugh");
    assertThat(tables.groups()).isEmpty();
    assertThat(tables.frequencies()).isEmpty();
    Row cry = tables.categories().get(0);
    assertThat(cry.kind()).isEqualTo(Row.Kind.CATEGORY);
    assertThat(cry.path()).isEqualTo("crying/cry");

    // percentage agreement: po = (3 + 4) / 10 = 0.7
    assertThat(value(cry, "percentage_agreement")).isCloseTo(0.7, within(1e-12));
    // Cohen: A says present 4/10, B 5/10; pe = 0.4·0.5 + 0.6·0.5 = 0.5; kappa = (0.7 − 0.5)/(1 − 0.5) = 0.4
    assertThat(value(cry, "cohen_kappa")).isCloseTo(0.4, within(1e-12));
    // kappa_max: po at most min(4, 5)/10 + min(6, 5)/10 = 0.9; (0.9 − 0.5)/0.5 = 0.8
    assertThat(value(cry, "cohen_kappa_max")).isCloseTo(0.8, within(1e-12));
    // Fleiss' category kappa (and Scott's pi, the same for two coders without missing values): pooled share of
    // present (4 + 5)/20 = 0.45; pe = 0.45² + 0.55² = 0.505; (0.7 − 0.505)/(1 − 0.505) = 0.195/0.495 = 13/33
    assertThat(value(cry, "fleiss_category_kappa")).isCloseTo(13.0 / 33, within(1e-12));
    assertThat(value(cry, "scott_pi")).isCloseTo(13.0 / 33, within(1e-12));
    // alpha from the coincidence matrix: o_11 = 2·3 = 6, o_00 = 2·4 = 8, o_01 = o_10 = 1 + 2 = 3; n_1 = 9,
    // n_0 = 11, n = 20. Do = (3 + 3)/20 = 0.3; De = 2·11·9/(20·19) = 198/380; alpha = 1 − 0.3·380/198 = 1 − 114/198
    // = 84/198 = 14/33
    assertThat(value(cry, "krippendorff_alpha_nominal")).isCloseTo(14.0 / 33, within(1e-12));
    assertThat(value(cry, "krippendorff_alpha_nominal")).isCloseTo(
        alphaByDefinition(CRY, 2, Distance.nominal()), within(1e-12));
    // Gwet's AC1: pe = Σ π_k(1 − π_k)/(q − 1) with the pooled shares π; q = 2 values: pe = 0.45·0.55 + 0.55·0.45
    // = 0.495; AC1 = (0.7 − 0.495)/(1 − 0.495) = 0.205/0.505 = 41/101
    assertThat(value(cry, "gwet_ac1")).isCloseTo(41.0 / 101, within(1e-12));
    // Brennan–Prediger: pe = 1/2; (0.7 − 0.5)/0.5 = 0.4
    assertThat(value(cry, "brennan_prediger_kappa")).isCloseTo(0.4, within(1e-12));
    // specific agreement: positive 2·3/(2·3 + 1 + 2) = 6/9, negative 2·4/(2·4 + 3) = 8/11
    assertThat(value(cry, "positive_specific_agreement")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(value(cry, "negative_specific_agreement")).isCloseTo(8.0 / 11, within(1e-12));

    // counts: 10 units, all pairable; 9 of the 20 judgements say present; A gave it 4 times, B 5 times
    assertThat(cry.units()).isEqualTo(10.0);
    assertThat(cry.unitsPairable()).isEqualTo(10.0);
    assertThat(cry.prevalence().getAsDouble()).isCloseTo(0.45, within(1e-12));
    assertThat(cry.valuesByCoder()).containsExactly(Map.entry("A", 4.0), Map.entry("B", 5.0));
    // without a bootstrap, no intervals
    assertThat(cry.figures()).allMatch(f -> f.interval().isEmpty());

    Row laugh = tables.categories().get(1);
    // laugh: a = 3, b = 1, c = 1, d = 5; po = 0.8; A 4/10, B 4/10 present; pe = 0.16 + 0.36 = 0.52;
    // kappa = 0.28/0.48 = 7/12
    assertThat(value(laugh, "cohen_kappa")).isCloseTo(7.0 / 12, within(1e-12));
    assertThat(laugh.valuesByCoder()).containsExactly(Map.entry("A", 4.0), Map.entry("B", 4.0));
    assertThat(laugh.prevalence().getAsDouble()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void aCategoryNoCoderUsedStaysOutOfThePooledRow() {
    int[][] unused = new int[10][];
    for (int u = 0; u < 10; u++) {
      unused[u] = new int[] {0, 0};
    }
    Study s = study(new int[][][] {CRY, LAUGH, unused}, new int[10], List.of("cry", "laugh", "unused"));
    Row pooled = only(ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B"), s.codeSets(),
        Optional.empty()).overall(), Row.Kind.POOLED);
    // the same 196/391 as without it: its ten judgements of absence on both sides would add only agreement
    assertThat(value(pooled, "krippendorff_alpha_nominal")).isCloseTo(196.0 / 391, within(1e-12));
    assertThat(pooled.units()).isEqualTo(20.0);
    assertThat(pooled.notes().toString()).contains("2 categories that a coder used");
  }

  @Test
  void thePooledRowIsAlphaOnTheStackedData() {
    Study s = tenUnits();
    ProfileAnalysis.Tables tables = ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B"),
        s.codeSets(), Optional.empty());
    Row pooled = only(tables.overall(), Row.Kind.POOLED);
    // stacked: cry (3, 1, 2, 4) + laugh (3, 1, 1, 5) = a 6, b 2, c 3, d 9 over 20 judgements pairs; n = 40 values,
    // n_1 = 2·6 + 2 + 3 = 17, n_0 = 23, 5 disagreeing pairs: alpha = 1 − 5·39/(23·17) = 1 − 195/391 = 196/391
    assertThat(value(pooled, "krippendorff_alpha_nominal")).isCloseTo(196.0 / 391, within(1e-12));
    int[][] stacked = new int[20][];
    for (int u = 0; u < 10; u++) {
      stacked[2 * u] = CRY[u];
      stacked[2 * u + 1] = LAUGH[u];
    }
    ReliabilityData plain = ReliabilityData.of(ValueDomain.presence(), 2, stacked);
    assertThat(pooled.figure("fleiss_kappa")).isPresent();
    assertThat(pooled.figure("fleiss_category_kappa")).isEmpty();
    for (Figure f : pooled.figures()) {
      AgreementMeasure m = AgreementMeasures.byName(f.name()).orElseThrow();
      assertThat(f.estimate().value().getAsDouble()).as(f.name()).isCloseTo(m.estimate(plain).value().getAsDouble(),
          within(1e-12));
    }
    assertThat(pooled.units()).isEqualTo(20.0);
    assertThat(pooled.unitsPairable()).isEqualTo(20.0);
    assertThat(pooled.prevalence().getAsDouble()).isCloseTo(17.0 / 40, within(1e-12));
    assertThat(pooled.valuesByCoder()).containsExactly(Map.entry("A", 8.0), Map.entry("B", 9.0));
    assertThat(pooled.notes()).isNotEmpty();
  }

  @Test
  void theCodeSetRowCarriesMasiAlpha() {
    Study s = tenUnits();
    ProfileAnalysis.Tables tables = ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B"),
        s.codeSets(), Optional.empty());
    Row codes = only(tables.overall(), Row.Kind.CODE_SET);
    assertThat(codes.figures()).extracting(Figure::name).contains("krippendorff_alpha_masi");
    // per unit (A | B): {cry}|{cry}, {cry,laugh}|{cry,laugh}, {cry}|{cry,laugh}, {cry}|{}, {laugh}|{cry,laugh},
    // {}|{cry}, {laugh}|{}, {}|{}, {laugh}|{laugh}, {}|{}: five equal sets, percentage agreement 0.5
    assertThat(value(codes, "percentage_agreement")).isCloseTo(0.5, within(1e-12));
    MasiDistance masi = MasiDistance.passonneau();
    List<Set<Integer>> sets = s.codeSets();
    double expected = alphaByDefinition(s.codeSetCells(), sets.size(), (a, b) -> masi.between(sets.get(a), sets.get(b)));
    assertThat(value(codes, "krippendorff_alpha_masi")).isCloseTo(expected, within(1e-12));
    // MASI gives partial credit, so alpha on it lies above nominal alpha on the same code sets
    assertThat(expected).isGreaterThan(alphaByDefinition(s.codeSetCells(), sets.size(), Distance.nominal()));
    assertThat(codes.prevalence()).isEmpty();
    assertThat(codes.valuesByCoder()).isEmpty();
    assertThat(codes.units()).isEqualTo(10.0);
  }

  @Test
  void aCodeSetRowWithNothingToCompareSaysWhy() {
    int[][] cry = {{1, M}, {0, M}, {1, M}};
    Study s = study(new int[][][] {cry}, new int[3], List.of("cry"));
    Row codes = only(ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B"), s.codeSets(),
        Optional.empty()).overall(), Row.Kind.CODE_SET);
    assertThat(codes.unitsPairable()).isZero();
    assertThat(codes.notes()).anySatisfy(n -> assertThat(n).startsWith("no unit has code sets from two coders"));
    // where sets compare, no such note
    assertThat(only(ProfileAnalysis.analyse(tenUnits().profiles(), tenUnits().variables(), List.of("A", "B"),
        tenUnits().codeSets(), Optional.empty()).overall(), Row.Kind.CODE_SET).notes())
        .noneSatisfy(n -> assertThat(n).startsWith("no unit has code sets"));
  }

  /** Missing judgements: a unit one coder did not judge is in the table but not pairable. */
  @Test
  void missingJudgementsCountInUnitsButNotInPairs() {
    int[][] cry = {{1, 1}, {1, M}, {0, 0}, {M, M}, {0, 1}};
    Study s = study(new int[][][] {cry}, new int[5], List.of("cry"));
    Row row = ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B"), s.codeSets(), Optional.empty())
        .categories().get(0);
    assertThat(row.units()).isEqualTo(5.0);
    assertThat(row.unitsPairable()).isEqualTo(3.0);
    // judgements: A 1, 1, 0, 0 and B 1, 0, 1: 4 present of 7
    assertThat(row.prevalence().getAsDouble()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(row.valuesByCoder()).containsExactly(Map.entry("A", 2.0), Map.entry("B", 2.0));
    // on the three units both judged: po = 2/3
    assertThat(value(row, "percentage_agreement")).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void threeCodersGetCongerNotCohen() {
    // a third coder C on the ten units: C agrees with A on cry except in unit 9 (A absent, C present)
    int[][] cry3 = new int[10][];
    int[][] laugh3 = new int[10][];
    for (int u = 0; u < 10; u++) {
      cry3[u] = new int[] {CRY[u][0], CRY[u][1], u == 9 ? 1 : CRY[u][0]};
      laugh3[u] = new int[] {LAUGH[u][0], LAUGH[u][1], LAUGH[u][1]};
    }
    Study s = study(new int[][][] {cry3, laugh3}, new int[10], List.of("cry", "laugh"));
    ProfileAnalysis.Tables tables = ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B", "C"),
        s.codeSets(), Optional.empty());
    Row cry = tables.categories().get(0);
    assertThat(cry.figures()).extracting(Figure::name).contains("conger_kappa", "percentage_agreement_pairwise",
        "light_kappa_mean_pairwise_cohen", "fleiss_category_kappa", "krippendorff_alpha_nominal", "gwet_ac1")
        .doesNotContain("cohen_kappa", "cohen_kappa_max", "percentage_agreement", "scott_pi",
            "positive_specific_agreement", "negative_specific_agreement");
    ReliabilityData plain = ReliabilityData.of(ValueDomain.presence(), 3, cry3);
    assertThat(value(cry, "conger_kappa")).isCloseTo(CongerKappa.conger().estimate(plain).value().getAsDouble(),
        within(1e-12));
    // pairwise agreement: per unit the share of the 3 pairs that agree; units 0–2, 6–8 all agree (1), unit 3
    // (1, 0, 1) 1/3, units 4, 5 (0, 1, 0) 1/3, unit 9 (0, 0, 1) 1/3: (6 + 4/3)/10 = 11/15
    assertThat(value(cry, "percentage_agreement_pairwise")).isCloseTo(11.0 / 15, within(1e-12));
    assertThat(cry.valuesByCoder()).containsExactly(Map.entry("A", 4.0), Map.entry("B", 5.0), Map.entry("C", 5.0));
    Row codes = only(tables.overall(), Row.Kind.CODE_SET);
    assertThat(codes.figures()).extracting(Figure::name).containsExactly("krippendorff_alpha_masi",
        "percentage_agreement_pairwise");
  }

  /** A larger study of two or three coders with an ordinal group, for the bootstrap. */
  private static ProfileAnalysis.Tables bootstrapped(Random random, int coders, long seed) {
    int units = 300;
    int[][][] categories = new int[3][units][coders];
    for (int u = 0; u < units; u++) {
      for (int i = 0; i < 3; i++) {
        int truth = random.nextDouble() < 0.3 ? 1 : 0;
        for (int k = 0; k < coders; k++) {
          categories[i][u][k] = random.nextDouble() < 0.05 ? M : random.nextDouble() < 0.8 ? truth : random.nextInt(2);
        }
      }
    }
    int[] documentOf = new int[units];
    for (int u = 0; u < units; u++) {
      documentOf[u] = u / 30;
    }
    Study s = study(categories, documentOf, List.of("cry", "laugh", "sigh"));
    // an ordinal group beside them (say, intensity), its own variable
    UnitProfiles.Builder b = UnitProfiles.builder(s.variables().size() + 1, coders);
    int n = s.variables().size();
    for (int u = 0; u < units; u++) {
      int[] row = new int[(n + 1) * coders];
      for (int v = 0; v < n; v++) {
        for (int k = 0; k < coders; k++) {
          row[v * coders + k] = s.profiles().value(u, v, k);
        }
      }
      int truth = random.nextInt(3);
      for (int k = 0; k < coders; k++) {
        row[n * coders + k] = random.nextDouble() < 0.7 ? truth : random.nextInt(3);
      }
      b.add(documentOf[u], row);
    }
    List<ValueDomain> domains = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      domains.add(s.profiles().domain(v));
    }
    domains.add(new ValueDomain(List.of("weak", "medium", "strong"), Scale.ORDINAL, List.of()));
    List<Variable> variables = new ArrayList<>(s.variables());
    variables.add(new Variable(Variable.Kind.GROUP, n, UUID.randomUUID(), "intensity", "crying/intensity", 0));
    List<String> names = List.of("A", "B", "C").subList(0, coders);
    UnitProfiles profiles = b.build(domains);
    ProfileAnalysis.Tables plain = ProfileAnalysis.analyse(profiles, variables, names, s.codeSets(), Optional.empty());
    ProfileAnalysis.Tables boot = ProfileAnalysis.analyse(profiles, variables, names, s.codeSets(),
        Optional.of(new JointBootstrap(seed, 1_000, seed % 2 == 0)));
    // the bootstrap changes no estimate
    List<Row> a = all(plain);
    List<Row> c = all(boot);
    assertThat(c).hasSameSizeAs(a);
    for (int r = 0; r < a.size(); r++) {
      assertThat(c.get(r).figures()).extracting(Figure::estimate)
          .containsExactlyElementsOf(a.get(r).figures().stream().map(Figure::estimate).toList());
    }
    // and the category rows' alpha interval is the joint bootstrap's on that variable alone: one resample per
    // replicate, whatever else is computed on it
    BootstrapDistribution alone = new JointBootstrap(seed, 1_000, seed % 2 == 0).run(profiles,
        List.of(JointBootstrap.Target.of(0, List.of(KrippendorffAlpha.nominal())))).get(0).get(0);
    assertThat(boot.categories().get(0).figure("krippendorff_alpha_nominal").orElseThrow().interval())
        .contains(alone.interval(0.95));
    return boot;
  }

  private static List<Row> all(ProfileAnalysis.Tables t) {
    List<Row> out = new ArrayList<>(t.categories());
    out.addAll(t.groups());
    out.addAll(t.overall());
    out.addAll(t.frequencies());
    return out;
  }

  @Test
  void intervalsOnlyForAlphaCohenFleissAndAc1AndTheyContainTheEstimate() {
    Random random = new Random(31);
    int withInterval = 0;
    for (int coders : new int[] {2, 3}) {
      for (long seed : new long[] {4, 7}) {
        ProfileAnalysis.Tables tables = bootstrapped(random, coders, seed);
        assertThat(tables.groups()).hasSize(1);
        for (Row row : all(tables)) {
          for (Figure f : row.figures()) {
            String what = coders + " coders, " + row.label() + ", " + f.name();
            assertThat(f.interval().isPresent()).as(what).isEqualTo(BOOTSTRAPPED.contains(f.name()));
            // Krippendorff's thresholds go with alpha alone
            assertThat(f.belowTentative().isPresent()).as(what)
                .isEqualTo(BOOTSTRAPPED.contains(f.name()) && f.name().startsWith("krippendorff_alpha"));
            if (f.interval().isPresent()) {
              withInterval++;
              var interval = f.interval().get();
              double estimate = f.estimate().value().orElseThrow();
              assertThat(interval.replicates()).isEqualTo(1_000);
              assertThat(interval.lower().getAsDouble()).as(what).isLessThanOrEqualTo(estimate);
              assertThat(interval.upper().getAsDouble()).as(what).isGreaterThanOrEqualTo(estimate);
              assertThat(interval.width().getAsDouble()).as(what).isPositive();
            }
          }
        }
        Row cry = tables.categories().get(0);
        assertThat(cry.figure("cohen_kappa").isPresent()).isEqualTo(coders == 2);
        assertThat(cry.figure("conger_kappa").isPresent()).isEqualTo(coders == 3);
        assertThat(only(tables.overall(), Row.Kind.CODE_SET).figure("krippendorff_alpha_masi").orElseThrow()
            .interval()).isPresent();
        assertThat(tables.groups().get(0).figure("krippendorff_alpha_ordinal").orElseThrow().interval()).isPresent();
      }
    }
    assertThat(withInterval).isGreaterThan(60);
  }

  /** The ten-unit study with the bootstrap: the four coefficients get intervals, nothing else does. */
  @Test
  void theTenUnitStudyBootstrapsTheFourCoefficients() {
    Study s = tenUnits();
    ProfileAnalysis.Tables tables = ProfileAnalysis.analyse(s.profiles(), s.variables(), List.of("A", "B"),
        s.codeSets(), Optional.of(new JointBootstrap(1, 500, false)));
    Row cry = tables.categories().get(0);
    for (Figure f : cry.figures()) {
      assertThat(f.interval().isPresent()).as(f.name()).isEqualTo(Set.of("krippendorff_alpha_nominal", "cohen_kappa",
          "fleiss_category_kappa", "gwet_ac1").contains(f.name()));
    }
    assertThat(value(cry, "cohen_kappa")).isCloseTo(0.4, within(1e-12));
    var alpha = cry.figure("krippendorff_alpha_nominal").orElseThrow().interval().orElseThrow();
    assertThat(alpha.replicates()).isEqualTo(500);
    assertThat(alpha.replicatesDefined()).isLessThanOrEqualTo(500).isPositive();
    assertThat(alpha.lower().getAsDouble()).isLessThanOrEqualTo(14.0 / 33);
    assertThat(alpha.upper().getAsDouble()).isGreaterThanOrEqualTo(14.0 / 33);
  }
}
