package org.lacrima.core.agreement.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.lacrima.core.agreement.AgreementMeasure;
import org.lacrima.core.agreement.AgreementMeasures;
import org.lacrima.core.agreement.BootstrapDistribution;
import org.lacrima.core.agreement.CodeSetDistance;
import org.lacrima.core.agreement.Estimate;
import org.lacrima.core.agreement.JointBootstrap;
import org.lacrima.core.agreement.KrippendorffAlpha;
import org.lacrima.core.agreement.MasiDistance;
import org.lacrima.core.agreement.ReliabilityData;
import org.lacrima.core.agreement.Scale;
import org.lacrima.core.agreement.UnitProfiles;
import org.lacrima.core.agreement.study.Variable;

/**
 * The agreement tables of a study whose units are turns, meaning units, sentences, paragraphs or
 * documents: per category, per exclusive group, pooled over the categories, over the code sets (MASI),
 * and with documents as units per category frequency. Needs no project: the benchmark runs it on data
 * read from files.
 */
public final class ProfileAnalysis {

  /** The coefficients a bootstrap interval is given for (the alpha, Cohen, Fleiss, AC1). */
  private static final Set<String> BOOTSTRAPPED = Set.of("krippendorff_alpha_nominal", "krippendorff_alpha_ordinal",
      "krippendorff_alpha_interval", "krippendorff_alpha_ratio", "krippendorff_alpha_masi", "cohen_kappa",
      "fleiss_kappa", "fleiss_category_kappa", "gwet_ac1");

  /** The tables of one study. */
  public record Tables(List<Row> categories, List<Row> groups, List<Row> overall, List<Row> frequencies) {
  }

  private ProfileAnalysis() {
  }

  /**
   * @param codeSets what the code-set variable's values stand for (indices into the category variables)
   * @param bootstrap empty: no intervals
   */
  public static Tables analyse(UnitProfiles profiles, List<Variable> variables, List<String> coders,
      List<Set<Integer>> codeSets, Optional<JointBootstrap> bootstrap) {
    int m = coders.size();
    List<Variable> categories = variables.stream().filter(v -> v.kind() == Variable.Kind.CATEGORY).toList();
    List<Planned> planned = new ArrayList<>();
    for (Variable v : variables) {
      switch (v.kind()) {
        case CATEGORY -> planned.add(new Planned(Row.Kind.CATEGORY, v.label(), v.path(), new int[] {v.index()},
            binary(m)));
        case GROUP -> planned.add(new Planned(Row.Kind.GROUP, v.label(), v.path(), new int[] {v.index()},
            group(m, profiles.domain(v.index()).scale())));
        case CODE_SET -> planned.add(new Planned(Row.Kind.CODE_SET, "code sets", "", new int[] {v.index()},
            codeSet(m, codeSets)));
        case FREQUENCY -> planned.add(new Planned(Row.Kind.FREQUENCY, v.label(), v.path(), new int[] {v.index()},
            List.of(KrippendorffAlpha.interval(), AgreementMeasures.byName("percentage_agreement_pairwise").orElseThrow())));
        default -> throw new IllegalStateException(v.kind().name());
      }
    }
    // a category no coder used would add nothing but agreement on absence, inflating the pooled figures
    int[] used = categories.stream().mapToInt(Variable::index).filter(v -> used(profiles.data(v))).toArray();
    if (used.length > 0) {
      planned.add(new Planned(Row.Kind.POOLED, "all categories pooled", "", used, pooled(m)));
    }

    List<JointBootstrap.Target> targets = new ArrayList<>();
    for (Planned p : planned) {
      targets.add(new JointBootstrap.Target(p.variables, p.measures.stream()
          .filter(x -> BOOTSTRAPPED.contains(x.name())).toList()));
    }
    List<List<BootstrapDistribution>> distributions = bootstrap.map(b -> b.run(profiles, targets)).orElse(List.of());

    List<Row> cats = new ArrayList<>();
    List<Row> groups = new ArrayList<>();
    List<Row> overall = new ArrayList<>();
    List<Row> frequencies = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      Planned p = planned.get(i);
      ReliabilityData data = p.variables.length == 1 ? profiles.data(p.variables[0]) : profiles.pooled(p.variables);
      Map<String, BootstrapDistribution> boot = new LinkedHashMap<>();
      if (!distributions.isEmpty()) {
        distributions.get(i).forEach(d -> boot.put(d.estimate().coefficient(), d));
      }
      List<Figure> figures = new ArrayList<>();
      for (AgreementMeasure measure : p.measures) {
        BootstrapDistribution d = boot.get(measure.name());
        figures.add(named(d != null ? Figure.of(d) : Figure.of(measure.estimate(data)), coders));
      }
      Row row = row(p, data, coders, figures);
      switch (p.kind) {
        case CATEGORY -> cats.add(row);
        case GROUP -> groups.add(row);
        case FREQUENCY -> frequencies.add(row);
        default -> overall.add(row);
      }
    }
    return new Tables(cats, groups, overall, frequencies);
  }

  private record Planned(Row.Kind kind, String label, String path, int[] variables, List<AgreementMeasure> measures) {
  }

  private static Row row(Planned p, ReliabilityData data, List<String> coders, List<Figure> figures) {
    double units = 0;
    double pairable = 0;
    double judged = 0;
    double present = 0;
    double[] given = new double[data.coders()];
    // the values given in pairable units: one alone makes chance agreement total for the kappas and alpha
    BitSet paired = new BitSet();
    BitSet any = new BitSet();
    BitSet[] pairedBy = new BitSet[data.coders()];
    for (int k = 0; k < pairedBy.length; k++) {
      pairedBy[k] = new BitSet();
    }
    boolean binary = p.kind == Row.Kind.CATEGORY || p.kind == Row.Kind.POOLED;
    for (int u = 0; u < data.units(); u++) {
      double w = data.weight(u);
      if (w == 0) {
        continue;
      }
      units += w;
      int values = 0;
      for (int k = 0; k < data.coders(); k++) {
        int v = data.value(u, k);
        if (v == ReliabilityData.MISSING) {
          continue;
        }
        values++;
        any.set(v);
        judged += w;
        boolean counts = binary ? v == 1 : p.kind == Row.Kind.GROUP || (p.kind == Row.Kind.FREQUENCY ? v > 0 : true);
        if (counts) {
          given[k] += w;
        }
        if (binary && v == 1) {
          present += w;
        }
      }
      if (values >= 2) {
        pairable += w;
        for (int k = 0; k < data.coders(); k++) {
          if (data.value(u, k) != ReliabilityData.MISSING) {
            paired.set(data.value(u, k));
            pairedBy[k].set(data.value(u, k));
          }
        }
      }
    }
    Map<String, Double> byCoder = new LinkedHashMap<>();
    if (p.kind != Row.Kind.CODE_SET) {
      for (int k = 0; k < coders.size(); k++) {
        byCoder.put(coders.get(k), given[k]);
      }
    }
    List<String> notes = new ArrayList<>();
    if (p.kind == Row.Kind.POOLED) {
      notes.add("every unit and category is one judgement (present or absent); " + p.variables.length
          + " categories that a coder used");
    }
    if (p.kind == Row.Kind.CODE_SET && units > 0 && pairable == 0) {
      // the category rows may well compare units here: the set's own rule is what leaves it empty
      notes.add("no unit has code sets from two coders to compare: a coder's set of codes counts only in units where "
          + "it judged every category another coder judged there (one category a coder left open throughout, an "
          + "empty column of a table, leaves all its sets missing)");
    }
    Set<String> shown = new HashSet<>();
    figures.forEach(f -> shown.add(f.name()));
    if (paired.cardinality() == 1 && p.kind != Row.Kind.POOLED) {
      String label = data.domain().labels().get(paired.nextSetBit(0));
      // values of units a single coder rated pair with nothing: the note speaks of the units compared
      String value = any.equals(paired) ? "every coder gave every unit the same value (" + label + ")"
          : "every coder gave every unit two or more coders rated the same value (" + label + "; units one coder alone "
              + "rated hold others)";
      // AC2, on a scaled group, takes chance as AC1 does
      String fromScale = shown.contains("gwet_ac2_linear") ? "AC1, AC2 and Brennan–Prediger's kappa are"
          : "AC1 and Brennan–Prediger's kappa are";
      notes.add(shown.contains("gwet_ac1") ? value + ": " + fromScale + " 1 by definition, since "
          + "they take chance from the number of possible values, while the kappas and alpha, which take it from the "
          + "values given, are undefined" : value + ": alpha, which takes chance from the values given, is undefined");
    }
    for (Figure f : figures) {
      if (f.estimate().value().orElse(0) < -1) {
        // irrCAC's chance agreement, from every value given, meets observed agreement from the few pairable units
        notes.add(PROSE.getOrDefault(f.name(), f.name()) + " is below −1: its chance agreement counts the values of units a single coder rated, "
            + "its observed agreement only the " + count(pairable) + " unit(s) two or more rated; too few to say much");
      }
    }
    if (paired.cardinality() >= 2 && coders.size() == 2 && shown.contains("cohen_kappa")) {
      for (int k = 0; k < 2; k++) {
        if (pairedBy[k].cardinality() == 1) {
          // a reviewer reading "0.000 (0.000)" would take it for a measured absence of agreement with certainty
          notes.add(coders.get(k) + " gave every unit the same value (" + data.domain().labels()
              .get(pairedBy[k].nextSetBit(0)) + "): Cohen's kappa is 0 whatever the other coder did, and its "
              + "standard error 0; it measures nothing here");
        }
      }
    }
    OptionalDouble prevalence = binary && judged > 0 ? OptionalDouble.of(present / judged) : OptionalDouble.empty();
    return new Row(p.kind, p.label, p.path, units, pairable, prevalence, byCoder, figures, notes);
  }

  private static final Map<String, String> PROSE = Map.of("fleiss_kappa", "Fleiss' kappa", "fleiss_category_kappa",
      "Fleiss' category kappa", "conger_kappa", "Conger's kappa");

  private static final java.util.regex.Pattern CODER_NUMBER = java.util.regex.Pattern.compile(
      "\\b(coders?) (\\d+)(?: and (\\d+))?\\b");

  /**
   * A reason that names coders by their place among those compared ("coder 1", Light's "coders 1 and 3") names them
   * as the user does.
   */
  private static Figure named(Figure f, List<String> coders) {
    Optional<String> because = f.estimate().undefinedBecause();
    if (because.isEmpty() || !CODER_NUMBER.matcher(because.get()).find()) {
      return f;
    }
    String reason = CODER_NUMBER.matcher(because.get()).replaceAll(m -> {
      int k = Integer.parseInt(m.group(2)) - 1;
      int other = m.group(3) == null ? -1 : Integer.parseInt(m.group(3)) - 1;
      if (k >= coders.size() || other >= coders.size()) {
        return java.util.regex.Matcher.quoteReplacement(m.group());
      }
      return java.util.regex.Matcher.quoteReplacement(m.group(1) + " " + coders.get(k)
          + (other < 0 ? "" : " and " + coders.get(other)));
    });
    Estimate e = f.estimate();
    return new Figure(new Estimate(e.coefficient(), e.value(), Optional.of(reason), e.parts(), e.standardError()),
        f.interval(), f.belowTentative(), f.belowReliable());
  }

  private static String count(double units) {
    return units == Math.rint(units) ? String.valueOf((long) units) : String.format(java.util.Locale.ROOT, "%.1f", units);
  }

  private static boolean used(ReliabilityData presence) {
    for (int u = 0; u < presence.units(); u++) {
      for (int k = 0; k < presence.coders(); k++) {
        if (presence.weight(u) > 0 && presence.value(u, k) == 1) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<AgreementMeasure> binary(int coders) {
    List<AgreementMeasure> out = new ArrayList<>();
    if (coders == 2) {
      add(out, "percentage_agreement", "cohen_kappa", "cohen_kappa_max", "scott_pi");
    } else {
      add(out, "percentage_agreement_pairwise", "conger_kappa", "light_kappa_mean_pairwise_cohen");
    }
    out.add(AgreementMeasures.categoryMeasure("fleiss_category_kappa").orElseThrow());
    add(out, "krippendorff_alpha_nominal", "gwet_ac1", "brennan_prediger_kappa");
    if (coders == 2) {
      add(out, "positive_specific_agreement", "negative_specific_agreement");
    }
    return out;
  }

  /**
   * The pooled row is one present/absent variable, not a category against the rest: it carries Fleiss' kappa under
   * its own name (of two values, either one's category kappa is the same number).
   */
  private static List<AgreementMeasure> pooled(int coders) {
    List<AgreementMeasure> out = binary(coders);
    out.replaceAll(x -> x.name().equals("fleiss_category_kappa") ? AgreementMeasures.byName("fleiss_kappa").orElseThrow()
        : x);
    return out;
  }

  private static List<AgreementMeasure> group(int coders, Scale scale) {
    List<AgreementMeasure> out = new ArrayList<>();
    if (coders == 2) {
      add(out, "percentage_agreement", "cohen_kappa", "cohen_kappa_max", "scott_pi");
    } else {
      add(out, "percentage_agreement_pairwise", "conger_kappa", "light_kappa_mean_pairwise_cohen");
    }
    add(out, "fleiss_kappa", "krippendorff_alpha_nominal", "gwet_ac1", "brennan_prediger_kappa");
    switch (scale) {
      case NOMINAL -> {
      }
      case ORDINAL -> add(out, "krippendorff_alpha_ordinal");
      case INTERVAL -> add(out, "krippendorff_alpha_interval");
      case RATIO -> add(out, "krippendorff_alpha_ratio");
      default -> throw new IllegalStateException();
    }
    if (scale != Scale.NOMINAL) {
      add(out, "gwet_ac2_linear", "gwet_ac2_quadratic");
      if (coders == 2) {
        add(out, "weighted_kappa_linear", "weighted_kappa_quadratic");
      }
    }
    return out;
  }

  private static List<AgreementMeasure> codeSet(int coders, List<Set<Integer>> sets) {
    List<AgreementMeasure> out = new ArrayList<>();
    out.add(KrippendorffAlpha.withDistance("krippendorff_alpha_masi",
        CodeSetDistance.of(MasiDistance.passonneau(), sets)));
    add(out, coders == 2 ? "percentage_agreement" : "percentage_agreement_pairwise");
    return out;
  }

  private static void add(List<AgreementMeasure> out, String... names) {
    for (String n : names) {
      out.add(AgreementMeasures.byName(n).orElseThrow(() -> new IllegalStateException("no measure " + n)));
    }
  }
}
