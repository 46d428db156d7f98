package org.lacrima.io.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.lacrima.core.agreement.Estimate;
import org.lacrima.core.agreement.Interval;
import org.lacrima.core.agreement.report.AgreementReport;
import org.lacrima.core.agreement.report.Figure;
import org.lacrima.core.agreement.report.Provenance;
import org.lacrima.core.agreement.report.Row;
import org.lacrima.core.agreement.report.SegmentMatching;
import org.lacrima.core.agreement.report.SpanAnalysis;
import org.lacrima.core.consensus.Consensus;

/**
 * The agreement report as JSON: every key snake_case, every coefficient under its own name (see
 * docs/AGREEMENT.md), a value or {@code null} with the reason it is undefined; never NaN.
 */
public final class AgreementJson {

  private AgreementJson() {
  }

  /** The most characters (code points) of a unit's text a disagreement carries. */
  static final int EXCERPT = 1000;

  /**
   * A unit's text, cut where it is long: with a whole document as the unit it would be the transcript itself, once
   * per disagreement, in a report that goes to reviewers. The coded spans say where in it to look.
   */
  static String excerpt(String text) {
    return text.codePointCount(0, text.length()) <= EXCERPT ? text
        : text.substring(0, text.offsetByCodePoints(0, EXCERPT - 1)) + "…";
  }

  /** Writes the report; the writer is flushed, not closed. */
  public static void write(AgreementReport report, Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      provenance(g, report.provenance());
      rows(g, "categories", report.categories());
      rows(g, "groups", report.groups());
      rows(g, "overall", report.overall());
      rows(g, "frequencies", report.frequencies());
      g.writeArrayFieldStart("spans");
      for (SpanAnalysis.SpanRow r : report.spans()) {
        spanRow(g, r);
      }
      g.writeEndArray();
      if (report.segments().isPresent()) {
        segments(g, report.segments().get());
      }
      g.writeNumberField("disagreements_total", report.disagreementsTotal());
      g.writeArrayFieldStart("disagreements");
      for (Consensus.Disagreement d : report.disagreements()) {
        disagreement(g, d);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void provenance(JsonGenerator g, Provenance p) throws IOException {
    g.writeObjectFieldStart("provenance");
    g.writeStringField("tool", "Lacrima");
    g.writeStringField("tool_version", p.toolVersion());
    g.writeStringField("project", p.project());
    g.writeStringField("codebook_version", p.codebookVersion());
    g.writeNumberField("codebook_change", p.codebookChange());
    g.writeStringField("unit", p.unit());
    g.writeStringField("unit_asked", p.unitAsked());
    g.writeNumberField("min_cover_percent", p.minCoverPercent());
    if (p.overlapPercent().isPresent()) {
      g.writeNumberField("overlap_percent", p.overlapPercent().get());
    }
    strings(g, "coders", p.coders());
    strings(g, "documents", p.documents());
    g.writeObjectFieldStart("filters");
    for (Map.Entry<String, String> e : p.filters().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("bootstrap");
    g.writeNumberField("replicates", p.replicates());
    g.writeNumberField("seed", p.seed());
    g.writeStringField("resampling", p.resampling());
    g.writeNumberField("confidence_level", 0.95);
    g.writeStringField("interval", "percentile");
    g.writeEndObject();
    g.writeStringField("computed_at", p.computedAt());
    strings(g, "notes", p.notes());
    g.writeEndObject();
  }

  private static void rows(JsonGenerator g, String name, List<Row> rows) throws IOException {
    g.writeArrayFieldStart(name);
    for (Row r : rows) {
      g.writeStartObject();
      g.writeStringField("kind", r.kind().code());
      g.writeStringField("label", r.label());
      g.writeStringField("path", r.path());
      count(g, "units", r.units());
      count(g, "units_pairable", r.unitsPairable());
      if (r.prevalence().isPresent()) {
        g.writeNumberField("prevalence", r.prevalence().getAsDouble());
      }
      if (!r.valuesByCoder().isEmpty()) {
        g.writeObjectFieldStart("coded_by");
        for (Map.Entry<String, Double> e : r.valuesByCoder().entrySet()) {
          count(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      for (Figure f : r.figures()) {
        figure(g, f);
      }
      strings(g, "notes", r.notes());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void figure(JsonGenerator g, Figure f) throws IOException {
    Estimate e = f.estimate();
    g.writeObjectFieldStart(f.name());
    if (e.defined()) {
      g.writeNumberField("value", e.value().getAsDouble());
    } else {
      g.writeNullField("value");
      g.writeStringField("undefined", e.undefinedBecause().orElseThrow());
    }
    if (e.standardError().isPresent()) {
      g.writeNumberField("standard_error", e.standardError().getAsDouble());
    }
    if (f.interval().isPresent()) {
      Interval i = f.interval().get();
      if (i.lower().isPresent()) {
        g.writeArrayFieldStart("ci_95");
        g.writeNumber(i.lower().getAsDouble());
        g.writeNumber(i.upper().getAsDouble());
        g.writeEndArray();
      }
      g.writeNumberField("replicates", i.replicates());
      g.writeNumberField("replicates_defined", i.replicatesDefined());
    }
    if (f.belowTentative().isPresent()) {
      g.writeNumberField("p_below_667", f.belowTentative().getAsDouble());
      g.writeNumberField("p_below_800", f.belowReliable().getAsDouble());
    }
    if (!e.parts().isEmpty()) {
      g.writeObjectFieldStart("parts");
      for (Map.Entry<String, Double> p : new java.util.TreeMap<>(e.parts()).entrySet()) {
        if (COUNTS.contains(p.getKey()) || p.getKey().startsWith("units")) {
          count(g, p.getKey(), p.getValue());
        } else {
          g.writeNumberField(p.getKey(), p.getValue());
        }
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** Parts that count things: written as whole numbers, as R and SPSS then read them. */
  private static final java.util.Set<String> COUNTS = java.util.Set.of("q", "pairs", "characters", "codes",
      "agreements", "non_matches", "first_only", "second_only");

  /**
   * A count: a whole number where it is one. Counts are held as doubles because a unit may weigh more than one
   * (identical units merged); "428.0" would read as a measurement.
   */
  private static void count(JsonGenerator g, String name, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      g.writeNumberField(name, (long) value);
    } else {
      g.writeNumberField(name, value);
    }
  }

  private static void spanRow(JsonGenerator g, SpanAnalysis.SpanRow r) throws IOException {
    g.writeStartObject();
    g.writeStringField("label", r.label());
    g.writeStringField("path", r.path());
    figure(g, r.unitizingAlpha());
    g.writeArrayFieldStart("character_kappa");
    for (SpanAnalysis.PairKappa p : r.characterKappa()) {
      g.writeStartObject();
      strings(g, "coders", List.of(p.first(), p.second()));
      g.writeNumberField("characters", p.characters());
      figure(g, p.kappa());
      figure(g, p.percentageAgreement());
      g.writeObjectFieldStart("by_document");
      for (Map.Entry<String, Figure> e : p.kappaByDocument().entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        figure(g, e.getValue());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void segments(JsonGenerator g, SegmentMatching.Result s) throws IOException {
    g.writeObjectFieldStart("segments");
    g.writeStringField("mode", "maxqda_compatible");
    g.writeNumberField("overlap_percent", s.overlapPercent());
    g.writeNumberField("agreements", s.agreements());
    g.writeNumberField("non_matches", s.disagreements());
    figure(g, s.percentageAgreement());
    figure(g, s.kappa());
    g.writeArrayFieldStart("codes");
    for (SegmentMatching.CodeRow r : s.codes()) {
      g.writeStartObject();
      g.writeStringField("label", r.label());
      g.writeStringField("path", r.path());
      g.writeNumberField("agreements", r.agreements());
      g.writeNumberField("first_only", r.firstOnly());
      g.writeNumberField("second_only", r.secondOnly());
      figure(g, r.percentageAgreement());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("unmatched");
    for (SegmentMatching.Unmatched u : s.unmatched()) {
      g.writeStartObject();
      g.writeStringField("document", u.document());
      g.writeStringField("coder", u.coder());
      g.writeStringField("path", s.codes().stream().filter(c -> c.key().equals(u.key())).findFirst()
          .map(SegmentMatching.CodeRow::path).orElse(u.key()));
      g.writeNumberField("start", u.start());
      g.writeNumberField("end", u.end());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void disagreement(JsonGenerator g, Consensus.Disagreement d) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", d.id());
    g.writeStringField("document", d.unit().documentName());
    g.writeNumberField("start", d.unit().start());
    g.writeNumberField("end", d.unit().end());
    g.writeStringField("category", d.categoryPath());
    spansByCoder(g, "coded_by", d.presentBy());
    strings(g, "not_coded_by", d.absentBy());
    if (!d.belowCoverBy().isEmpty()) {
      // not coded as --min-cover counts, yet with spans in the unit: what they marked
      spansByCoder(g, "below_min_cover_by", d.belowCoverBy());
    }
    g.writeStringField("excerpt", excerpt(d.unitText()));
    if (d.decision().isPresent()) {
      // what was decided, by whom and why: the kind alone would send a reviewer to consensus status to learn it
      var decided = d.decision().get();
      g.writeStringField("decision", decided.kind().code());
      if (decided.takenCoder().isPresent()) {
        g.writeStringField("decision_coder", decided.takenCoder().get());
      }
      if (decided.spanStart().isPresent() && decided.spanEnd().isPresent()) {
        g.writeArrayFieldStart("decision_span");
        g.writeNumber(decided.spanStart().get());
        g.writeNumber(decided.spanEnd().get());
        g.writeEndArray();
      }
      if (decided.newCategory().isPresent()) {
        g.writeStringField("decision_category_id", decided.newCategory().get().toString());
      }
      g.writeStringField("rationale", decided.rationale());
      g.writeStringField("decided_by", decided.decidedBy());
      g.writeStringField("decided_at", decided.decidedAt().toString());
    }
    g.writeEndObject();
  }

  private static void spansByCoder(JsonGenerator g, String name, Map<String, List<int[]>> spans) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, List<int[]>> e : spans.entrySet()) {
      g.writeArrayFieldStart(e.getKey());
      for (int[] span : e.getValue()) {
        g.writeArray(span, 0, 2);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
