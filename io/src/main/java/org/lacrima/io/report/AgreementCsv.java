package org.lacrima.io.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lacrima.core.agreement.Estimate;
import org.lacrima.core.agreement.report.AgreementReport;
import org.lacrima.core.agreement.report.Figure;
import org.lacrima.core.agreement.report.Provenance;
import org.lacrima.core.agreement.report.Row;
import org.lacrima.core.agreement.report.SegmentMatching;
import org.lacrima.core.agreement.report.SpanAnalysis;

/**
 * The agreement report as one long table for R and SPSS: a line per table, row and coefficient, with the
 * provenance repeated on every line so that a line never loses where it came from.
 */
public final class AgreementCsv {

  private static final String[] HEADER = {"table", "kind", "label", "path", "coefficient", "value", "undefined_because",
      "standard_error", "se_null", "ci_lower", "ci_upper", "replicates_defined", "p_below_667", "p_below_800", "units", "units_pairable", "prevalence",
      "notes", "coders", "unit", "min_cover_percent", "overlap_percent", "documents", "filters", "codebook_version",
      "codebook_change", "tool_version", "seed", "replicates", "resampling", "study_notes",
      // added after the first release of this layout, at the end so that scripts reading columns by position still work
      "document", "project", "unit_asked", "computed_at"};

  private AgreementCsv() {
  }

  /** Writes the report; the writer is flushed, not closed. */
  public static void write(AgreementReport report, Writer w) throws IOException {
    CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).build());
    Provenance p = report.provenance();
    Map<String, List<Row>> tables = new LinkedHashMap<>();
    tables.put("categories", report.categories());
    tables.put("groups", report.groups());
    tables.put("overall", report.overall());
    tables.put("frequencies", report.frequencies());
    for (Map.Entry<String, List<Row>> table : tables.entrySet()) {
      for (Row r : table.getValue()) {
        for (Figure f : r.figures()) {
          line(csv, p, table.getKey(), r.kind().code(), r.label(), r.path(), f, num(r.units()), num(r.unitsPairable()),
              r.prevalence(), String.join("; ", r.notes()));
        }
      }
    }
    for (SpanAnalysis.SpanRow r : report.spans()) {
      // the last row pools the categories (its key is empty), as the JSON's pooled unitizing_alpha
      line(csv, p, "spans", r.key().isEmpty() ? "pooled" : "category", r.label(), r.path(), r.unitizingAlpha(), "", "",
          OptionalDouble.empty(), "");
      for (SpanAnalysis.PairKappa k : r.characterKappa()) {
        String label = r.label() + " (" + k.first() + " vs " + k.second() + ")";
        line(csv, p, "spans", "category", label, r.path(), k.kappa(), num(k.characters()), "", OptionalDouble.empty(), "");
        line(csv, p, "spans", "category", label, r.path(), k.percentageAgreement(), num(k.characters()), "",
            OptionalDouble.empty(), "");
        for (Map.Entry<String, Figure> d : k.kappaByDocument().entrySet()) {
          line(csv, p, "spans", "document", label, r.path(), d.getValue(), "", "", OptionalDouble.empty(), "", d.getKey());
        }
      }
    }
    if (report.segments().isPresent()) {
      SegmentMatching.Result s = report.segments().get();
      // the counts behind each percentage, as the text shows them; the unmatched segments' offsets are in the JSON
      for (SegmentMatching.CodeRow r : s.codes()) {
        line(csv, p, "segments", "category", r.label(), r.path(), r.percentageAgreement(), "", "", OptionalDouble.empty(),
            counts(r.agreements(), r.firstOnly(), r.secondOnly(), p));
      }
      String total = s.agreements() + " segments agree, " + s.disagreements() + " without a match";
      line(csv, p, "segments", "overall", "all codes", "", s.percentageAgreement(), "", "", OptionalDouble.empty(), total);
      line(csv, p, "segments", "overall", "all codes", "", s.kappa(), "", "", OptionalDouble.empty(), total);
    }
    csv.flush();
  }

  private static void line(CSVPrinter csv, Provenance p, String table, String kind, String label, String path, Figure f,
      String units, String pairable, OptionalDouble prevalence, String notes) throws IOException {
    line(csv, p, table, kind, label, path, f, units, pairable, prevalence, notes, "");
  }

  /** {@code document}: the document a per-document figure is of; empty for figures over the whole study. */
  private static void line(CSVPrinter csv, Provenance p, String table, String kind, String label, String path, Figure f,
      String units, String pairable, OptionalDouble prevalence, String notes, String document) throws IOException {
    Estimate e = f.estimate();
    List<String> cells = new ArrayList<>(List.of(table, kind, label, path, f.name(), opt(e.value()),
        e.undefinedBecause().orElse(""), opt(e.standardError()),
        // the standard error under no agreement beyond chance, for a z test against 0 (as R's irr::kappa2 makes it)
        e.defined() && e.parts().containsKey("se_null") ? opt(OptionalDouble.of(e.parts().get("se_null"))) : "",
        f.interval().map(i -> opt(i.lower())).orElse(""), f.interval().map(i -> opt(i.upper())).orElse(""),
        // an interval drawn from fewer replicates than asked for (some gave no value) is said so, as in the JSON
        f.interval().map(i -> Integer.toString(i.replicatesDefined())).orElse(""),
        opt(f.belowTentative()), opt(f.belowReliable()), units, pairable, opt(prevalence), notes,
        // "; " as between filters: a coder's name may hold a comma ("Smith, J")
        String.join("; ", p.coders()), p.unit(), Integer.toString(p.minCoverPercent()),
        p.overlapPercent().map(String::valueOf).orElse(""), Integer.toString(p.documents().size()),
        p.filters().entrySet().stream().map(kv -> kv.getKey() + "=" + kv.getValue()).collect(Collectors.joining("; ")),
        p.codebookVersion(), Long.toString(p.codebookChange()), p.toolVersion(), Long.toString(p.seed()),
        Integer.toString(p.replicates()), p.resampling(),
        // what a reader of every figure must know (spans merged, documents left out), as the text's "note:" lines
        String.join("; ", p.notes()), document, p.project(), p.unitAsked(), p.computedAt()));
    csv.printRecord(cells);
  }

  private static String counts(long agree, long firstOnly, long secondOnly, Provenance p) {
    return agree + " agree, " + firstOnly + " only by " + p.coders().get(0) + ", " + secondOnly + " only by "
        + p.coders().get(1);
  }

  private static String opt(OptionalDouble d) {
    return d.isPresent() ? num(d.getAsDouble()) : "";
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
