package org.lacrima.core.agreement.report;

import java.util.List;
import java.util.Optional;
import org.lacrima.core.consensus.Consensus;

/**
 * Everything `lacrima agreement` prints: the provenance, the tables for the unit kind asked for, and the
 * disagreements to look at ({@code disagreements} may list only the first of {@code disagreementsTotal}). With units (turns, meaning units, sentences, paragraphs, documents) the
 * tables are {@code categories}, {@code groups}, {@code overall} and, for documents, {@code frequencies};
 * with characters, {@code spans}; in MAXQDA's compatibility mode, {@code segments}.
 */
public record AgreementReport(
    Provenance provenance,
    List<Row> categories,
    List<Row> groups,
    List<Row> overall,
    List<Row> frequencies,
    List<SpanAnalysis.SpanRow> spans,
    Optional<SegmentMatching.Result> segments,
    List<Consensus.Disagreement> disagreements,
    long disagreementsTotal) {

  public AgreementReport {
    categories = List.copyOf(categories);
    groups = List.copyOf(groups);
    overall = List.copyOf(overall);
    frequencies = List.copyOf(frequencies);
    spans = List.copyOf(spans);
    disagreements = List.copyOf(disagreements);
  }
}
