package org.lacrima.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lacrima.core.agreement.Estimate;
import org.lacrima.core.agreement.report.AgreementReport;
import org.lacrima.core.agreement.report.Figure;
import org.lacrima.core.agreement.report.Provenance;
import org.lacrima.core.agreement.report.Row;
import org.lacrima.core.agreement.report.SegmentMatching;
import org.lacrima.core.agreement.report.SpanAnalysis;
import org.lacrima.core.consensus.Consensus;

/**
 * The agreement report for the terminal: the provenance first, then one table per kind of row, each
 * undefined figure shown as "n/a" with a numbered reason under the table.
 */
final class AgreementText {

  private final Map<String, Integer> reasons = new LinkedHashMap<>();
  /** How many replicates the intervals marked "*" rest on: fewer than drawn, the figure undefined in the others. */
  private final java.util.IntSummaryStatistics partial = new java.util.IntSummaryStatistics();
  private int drawn;

  void print(AgreementReport r, PrintWriter out) {
    Provenance p = r.provenance();
    out.println("Agreement of " + String.join(", ", p.coders()) + " in project " + p.project());
    out.println("  unit: " + p.unit() + (p.unit().equals(p.unitAsked()) ? "" : " (asked: " + p.unitAsked() + ")")
        + (p.overlapPercent().isPresent() ? ", segments agree at " + p.overlapPercent().get() + " % overlap of their union"
            : p.unit().equals("character") ? "" : ", a code counts when it covers "
                + (p.minCoverPercent() == 0 ? "any part" : p.minCoverPercent() + " %") + " of a unit"));
    out.println("  documents: " + p.documents().size() + (p.documents().size() <= 6 && !p.documents().isEmpty()
        ? " (" + String.join(", ", p.documents()) + ")" : ""));
    if (!p.filters().isEmpty()) {
      out.println("  filters: " + p.filters().entrySet().stream().map(e -> e.getKey().replaceFirst("^where_", "where ")
          + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("; ")));
    }
    // a project started empty rests on no built-in version: "empty 0" would read as a version of something
    out.println("  codebook: " + (p.codebookVersion().equals(org.lacrima.core.codebook.SystemInfo.empty("").versionLabel())
        ? "the project's own (started empty)" : "based on " + p.codebookVersion()) + ", as after change #"
        + p.codebookChange() + " of its log; Lacrima " + p.toolVersion());
    out.println("  bootstrap: " + (p.replicates() == 0 ? "none"
        : String.format(Locale.ROOT, "%,d replicates resampling %s, seed %d, 95 %% percentile intervals", p.replicates(),
            p.resampling(), p.seed())));
    for (String note : p.notes()) {
      out.println("  note: " + note);
    }
    boolean two = p.coders().size() == 2;
    // without a bootstrap there are no intervals and no shares of replicates: no columns for them
    boolean ci = p.replicates() > 0;
    String kappa = two ? "cohen_kappa" : "conger_kappa";
    String agreement = two ? "percentage_agreement" : "percentage_agreement_pairwise";
    boolean tables = !r.categories().isEmpty() || !r.groups().isEmpty() || !r.overall().isEmpty();
    if (!r.categories().isEmpty()) {
      table(out, "Per category (present or absent in a unit; units: those judged by two or more coders)",
          r.categories(), List.of(
          col("units", 7, x -> count(x.unitsPairable())),
          col("prev.", 6, x -> x.prevalence().isPresent() ? fixed(x.prevalence().getAsDouble()) : ""),
          col("agreement", 9, x -> value(x.figure(agreement))),
          col(two ? "Cohen κ (SE)" : "Conger κ", 14, x -> withSe(x.figure(kappa))),
          col("Fleiss κ cat.", 13, x -> value(x.figure("fleiss_category_kappa"))),
          alpha("α nominal", ci, x -> x.figure("krippendorff_alpha_nominal")),
          below(ci, x -> x.figure("krippendorff_alpha_nominal")),
          col("AC1", 6, x -> value(x.figure("gwet_ac1")))));
    }
    if (!r.groups().isEmpty()) {
      table(out, "Per group of exclusive categories (one nominal variable; a unit without any of them is missing)",
          r.groups(), List.of(
              col("units", 7, x -> count(x.unitsPairable())),
              col("agreement", 9, x -> value(x.figure(agreement))),
              col(two ? "Cohen κ (SE)" : "Conger κ", 14, x -> withSe(x.figure(kappa))),
              col("Fleiss κ", 8, x -> value(x.figure("fleiss_kappa"))),
              alpha("α nominal", ci, x -> x.figure("krippendorff_alpha_nominal")),
              below(ci, x -> x.figure("krippendorff_alpha_nominal")),
              col("AC1", 6, x -> value(x.figure("gwet_ac1")))));
      for (Row g : r.groups()) {
        scaled(out, g);
      }
    }
    if (!r.overall().isEmpty()) {
      table(out, "Overall (units: those judged by two or more coders)", r.overall(), List.of(
          col("units", 9, x -> count(x.unitsPairable())),
          col("agreement", 9, x -> value(x.figure(agreement))),
          col(two ? "Cohen κ (SE)" : "Conger κ", 14, x -> withSe(x.figure(kappa))),
          col("Fleiss κ", 8, x -> value(x.figure("fleiss_kappa"))),
          alpha("α", ci, x -> x.figure("krippendorff_alpha_nominal").or(() -> x.figure("krippendorff_alpha_masi"))),
          below(ci, x -> x.figure("krippendorff_alpha_nominal").or(() -> x.figure("krippendorff_alpha_masi"))),
          col("AC1", 6, x -> value(x.figure("gwet_ac1")))));
      out.println("  (code sets: alpha with the MASI distance over the set of codes each coder gave a unit)");
    }
    if (!r.frequencies().isEmpty()) {
      table(out, "How often each category was given per document (interval alpha)", r.frequencies(), List.of(
          col("documents", 9, x -> count(x.units())),
          alpha("α interval", ci, x -> x.figure("krippendorff_alpha_interval")),
          below(ci, x -> x.figure("krippendorff_alpha_interval"))));
    }
    if (!r.spans().isEmpty()) {
      spans(out, r.spans());
    }
    r.segments().ifPresent(s -> segments(out, s, p.coders()));
    if (tables) {
      key(out, two, ci);
    }
    reasons(out);
    disagreements(out, r.disagreements(), r.disagreementsTotal());
  }

  private record Column(String title, int width, Function<Row, String> cell) {
  }

  /** Alpha, with its interval where there is a bootstrap. */
  private Column alpha(String title, boolean ci, Function<Row, Optional<Figure>> figure) {
    return ci ? col(title + " [95 % CI]", 23, x -> withCi(figure.apply(x))) : col(title, 9, x -> value(figure.apply(x)));
  }

  /** The share of replicates below .667, where there is a bootstrap; else a column of no width that prints nothing. */
  private static Column below(boolean ci, Function<Row, Optional<Figure>> figure) {
    return col(ci ? "P(α<.667)" : "", ci ? 9 : 0, x -> ci ? below(figure.apply(x)) : "");
  }

  private static Column col(String title, int width, Function<Row, String> cell) {
    return new Column(title, width, cell);
  }

  private void table(PrintWriter out, String title, List<Row> rows, List<Column> all) {
    List<Column> columns = all.stream().filter(c -> c.width() > 0).toList();
    out.println();
    out.println(title);
    int labelWidth = Math.min(44, Math.max(12, rows.stream().mapToInt(x -> name(x).length()).max().orElse(12)));
    StringBuilder head = new StringBuilder(pad("", labelWidth));
    for (Column c : columns) {
      head.append("  ").append(left(c.title(), c.width()));
    }
    out.println(head.toString().stripTrailing());
    for (Row row : rows) {
      StringBuilder line = new StringBuilder(pad(cut(name(row), labelWidth), labelWidth));
      for (Column c : columns) {
        line.append("  ").append(left(c.cell().apply(row), c.width()));
      }
      out.println(line.toString().stripTrailing());
    }
    // a note that many rows share (every category nobody used, say) is printed once, with the rows it is about
    Map<String, List<String>> byNote = new LinkedHashMap<>();
    for (Row row : rows) {
      for (String note : row.notes()) {
        byNote.computeIfAbsent(note, k -> new ArrayList<>()).add(name(row));
      }
    }
    byNote.forEach((note, names) -> {
      if (names.size() == 1) {
        out.println("  " + names.get(0) + ": " + note);
      } else {
        out.println("  " + names.size() + " rows: " + note + ":");
        StringBuilder line = new StringBuilder("    ");
        for (String n : names) {
          if (line.length() > 4 && line.length() + n.length() > 110) {
            out.println(line.toString().stripTrailing());
            line = new StringBuilder("    ");
          }
          line.append(n).append("; ");
        }
        out.println(line.substring(0, line.length() - 2));
      }
    });
  }

  private static String name(Row r) {
    return r.path().isEmpty() ? r.label() : r.path();
  }

  /** A group with a scale: alpha with its metric, weighted kappa and AC2, on a line of their own. */
  private void scaled(PrintWriter out, Row g) {
    for (String scale : List.of("ordinal", "interval", "ratio")) {
      Optional<Figure> alpha = g.figure("krippendorff_alpha_" + scale);
      if (alpha.isEmpty()) {
        continue;
      }
      StringBuilder line = new StringBuilder("  " + name(g) + ", " + scale + " scale: α " + scale + " "
          + withCi(alpha));
      for (String[] f : new String[][] {{"weighted_kappa_linear", "weighted κ linear"},
          {"weighted_kappa_quadratic", "quadratic"}, {"gwet_ac2_linear", "AC2 linear"},
          {"gwet_ac2_quadratic", "quadratic"}}) {
        g.figure(f[0]).ifPresent(x -> line.append(", ").append(f[1]).append(' ').append(value(Optional.of(x))));
      }
      out.println(line);
    }
  }

  /** What the columns mean: a reviewer reads the table without the manual at hand. */
  private static void key(PrintWriter out, boolean two, boolean ci) {
    out.println();
    out.println("Key");
    String[][] terms = {
        {"units", "units judged by two or more coders (in JSON units_pairable; there units counts all in scope)"},
        {"prev.", "share of the coders' judgements that found the category present"},
        {"agreement", two ? "share of units the two coders judged alike (0 to 1)"
            : "share of pairs of coders who judged a unit alike (0 to 1)"},
        two ? new String[] {"Cohen κ (SE)", "Cohen's kappa with its standard error (Fleiss, Cohen & Everitt 1969)"}
            : new String[] {"Conger κ", "Conger's kappa, with each coder's own marginals"},
        {"Fleiss κ cat.", "Fleiss' kappa of the category against all others (pooled marginals)"},
        {"Fleiss κ", "Fleiss' kappa over a group's categories; in the overall table, over every unit and category"},
        ci ? new String[] {"α [95 % CI]", "Krippendorff's alpha and its bootstrap percentile interval"}
            : new String[] {"α", "Krippendorff's alpha (no bootstrap drawn: no intervals)"},
        {"P(α<.667)", "share of replicates with alpha below .667, Krippendorff's lowest bound for tentative conclusions"},
        {"AC1", "Gwet's AC1"}};
    for (String[] t : terms) {
      if (!ci && t[0].startsWith("P(")) {
        continue;
      }
      out.println("  " + pad(t[0], 14) + " " + t[1]);
    }
    out.println("  every figure and its JSON name: docs/AGREEMENT.md");
  }

  private void spans(PrintWriter out, List<SpanAnalysis.SpanRow> rows) {
    out.println();
    out.println("On the character continuum (documents concatenated)");
    int labelWidth = Math.min(44, Math.max(12, rows.stream().mapToInt(x -> spanName(x).length()).max().orElse(12)));
    out.println(pad("", labelWidth) + "  " + left("unitizing α", 11) + "  character κ (pooled; NVivo-style), by pair");
    for (SpanAnalysis.SpanRow row : rows) {
      StringBuilder line = new StringBuilder(pad(cut(spanName(row), labelWidth), labelWidth));
      line.append("  ").append(left(value(Optional.of(row.unitizingAlpha())), 11));
      for (SpanAnalysis.PairKappa k : row.characterKappa()) {
        line.append("  ").append(k.first()).append('/').append(k.second()).append(' ')
            .append(value(Optional.of(k.kappa())));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String spanName(SpanAnalysis.SpanRow r) {
    return r.path().isEmpty() ? r.label() : r.path();
  }

  private void segments(PrintWriter out, SegmentMatching.Result s, List<String> coders) {
    out.println();
    out.println("MAXQDA-compatible segment matching (compatibility mode; " + s.overlapPercent() + " % overlap)");
    String first = "only " + cut(coders.get(0), 12);
    String second = "only " + cut(coders.get(1), 12);
    int w1 = Math.max(6, first.length());
    int w2 = Math.max(6, second.length());
    out.println(pad("  code", 46) + "  " + left("agree", 6) + "  " + left(first, w1) + "  " + left(second, w2)
        + "  agreement");
    for (SegmentMatching.CodeRow c : s.codes()) {
      out.println("  " + pad(cut(c.path(), 44), 44) + "  " + left(String.format(Locale.ROOT, "%,d", c.agreements()), 6)
          + "  " + left(String.format(Locale.ROOT, "%,d", c.firstOnly()), w1) + "  "
          + left(String.format(Locale.ROOT, "%,d", c.secondOnly()), w2) + "  "
          + left(value(Optional.of(c.percentageAgreement())), 9));
    }
    out.println("  all codes: " + value(Optional.of(s.percentageAgreement())) + " agreement (segments matched of all "
        + "segments), Brennan–Prediger κ " + value(Optional.of(s.kappa())) + " (chance = 1 / number of codes)");
    if (!s.unmatched().isEmpty()) {
      out.printf(Locale.ROOT, "  %,d segments without a match (each with its offsets in --format json)%n",
          s.unmatched().size());
    }
  }

  private void disagreements(PrintWriter out, List<Consensus.Disagreement> listed, long total) {
    if (total == 0) {
      return;
    }
    out.println();
    out.printf(Locale.ROOT, "Disagreements: %,d%s%n", total, listed.size() == total ? ""
        : listed.isEmpty() ? " (list them with --disagreements N or all)"
            : " (the first " + listed.size() + "; --disagreements all lists every one)");
    for (Consensus.Disagreement d : listed) {
      ConsensusCommand.print(d, out);
    }
  }

  private void reasons(PrintWriter out) {
    if (reasons.isEmpty() && partial.getCount() == 0) {
      return;
    }
    out.println();
    reasons.forEach((reason, n) -> out.println("  n/a" + n + ": " + reason));
    if (partial.getCount() > 0) {
      out.printf(Locale.ROOT, "  *: interval from %s of the %,d replicates; in the others the figure was undefined (for "
          + "example, every unit drawn had one value); replicates_defined in --format json gives each count%n",
          partial.getMin() == partial.getMax() ? String.format(Locale.ROOT, "%,d", partial.getMin())
              : String.format(Locale.ROOT, "%,d to %,d", partial.getMin(), partial.getMax()), drawn);
    }
  }

  private String value(Optional<Figure> f) {
    if (f.isEmpty()) {
      return "";
    }
    Estimate e = f.get().estimate();
    if (!e.defined()) {
      return "n/a" + reasons.computeIfAbsent(e.undefinedBecause().orElseThrow(), x -> reasons.size() + 1);
    }
    return fixed(e.value().getAsDouble());
  }

  private String withSe(Optional<Figure> f) {
    String v = value(f);
    if (f.isPresent() && f.get().defined() && f.get().estimate().standardError().isPresent()) {
      return v + " (" + fixed(f.get().estimate().standardError().getAsDouble()) + ")";
    }
    return v;
  }

  private String withCi(Optional<Figure> f) {
    String v = value(f);
    if (f.isPresent() && f.get().defined() && f.get().interval().isPresent() && f.get().interval().get().lower().isPresent()) {
      var i = f.get().interval().get();
      String mark = "";
      if (i.replicatesDefined() < i.replicates()) {
        partial.accept(i.replicatesDefined());
        drawn = i.replicates();
        mark = "*";
      }
      return v + " [" + fixed(i.lower().getAsDouble()) + ", " + fixed(i.upper().getAsDouble()) + "]" + mark;
    }
    return v;
  }

  private static String below(Optional<Figure> f) {
    return f.isPresent() && f.get().belowTentative().isPresent() ? fixed(f.get().belowTentative().getAsDouble()) : "";
  }

  static String fixed(double d) {
    String shown = String.format(Locale.ROOT, "%.3f", d);
    // a kappa of exactly 0 can come out of its subtraction as -1e-16: "-0.000" would read as a (tiny) negative
    return shown.equals("-0.000") ? "0.000" : shown;
  }

  private static String count(double d) {
    return String.format(Locale.ROOT, "%,d", Math.round(d));
  }

  private static String pad(String s, int width) {
    int columns = columns(s);
    return columns >= width ? s : s + " ".repeat(width - columns);
  }

  private static String left(String s, int width) {
    int columns = columns(s);
    return columns >= width ? s : " ".repeat(width - columns) + s;
  }

  /**
   * The columns a terminal gives a text: two for an East Asian wide or full-width character (a Chinese or Japanese
   * label), none for a combining mark, one for the rest; counting chars would put such rows out of line.
   */
  static int columns(String s) {
    return s.codePoints().map(AgreementText::columnsOf).sum();
  }

  private static int columnsOf(int c) {
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    int width = com.ibm.icu.lang.UCharacter.getIntPropertyValue(c, com.ibm.icu.lang.UProperty.EAST_ASIAN_WIDTH);
    return width == com.ibm.icu.lang.UCharacter.EastAsianWidth.WIDE
        || width == com.ibm.icu.lang.UCharacter.EastAsianWidth.FULLWIDTH ? 2 : 1;
  }

  /** The longest start of {@code s} that fits {@code width} columns. */
  private static String head(String s, int width) {
    int used = 0;
    int end = 0;
    while (end < s.length()) {
      int c = s.codePointAt(end);
      if (used + columnsOf(c) > width) {
        break;
      }
      used += columnsOf(c);
      end += Character.charCount(c);
    }
    return s.substring(0, end);
  }

  /** The longest end of {@code s} that fits {@code width} columns. */
  private static String tail(String s, int width) {
    int used = 0;
    int start = s.length();
    while (start > 0) {
      int c = s.codePointBefore(start);
      if (used + columnsOf(c) > width) {
        break;
      }
      used += columnsOf(c);
      start -= Character.charCount(c);
    }
    return s.substring(start);
  }

  /**
   * Shortened from the left: of a category's path, the end (the category itself) says most, so whole levels are left
   * out before it ("… > Giving space > Pause"), and the category's own label is cut only where it alone is too long.
   */
  static String cut(String s, int width) {
    if (columns(s) <= width) {
      return s;
    }
    int level = s.lastIndexOf(" > ");
    if (level < 0) {
      return "…" + tail(s, width - 1);
    }
    String own = s.substring(level + 3);
    if (columns(own) + 4 > width) {
      return columns(own) <= width ? own : head(own, width - 1).stripTrailing() + "…";
    }
    String kept = own;
    for (int at = level; at > 0; at = s.lastIndexOf(" > ", at - 1)) {
      int before = s.lastIndexOf(" > ", at - 1);
      String more = s.substring(before < 0 ? 0 : before + 3, at) + " > " + kept;
      if (columns(more) + 4 > width) {
        break;
      }
      kept = more;
    }
    return "… > " + kept;
  }
}
