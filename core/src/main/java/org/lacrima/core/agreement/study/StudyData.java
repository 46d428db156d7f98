package org.lacrima.core.agreement.study;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.transcript.DocumentSummary;

/**
 * Everything agreement is computed from: the coders, the documents and units in scope, one variable
 * per category and per group of exclusive categories, and each coder's merged spans (for the
 * disagreement listing and consensus). {@code documentOfUnit} lets the bootstrap resample documents.
 */
public record StudyData(
    AgreementRequest request,
    UnitKind unit,
    List<Coder> coders,
    List<DocumentSummary> documents,
    List<StudyUnit> units,
    int[] documentOfUnit,
    List<Variable> variables,
    Map<UUID, Map<UUID, Map<UUID, List<int[]>>>> spans,
    int mergedSpans,
    List<String> notes) {

  public StudyData {
    coders = List.copyOf(coders);
    documents = List.copyOf(documents);
    units = List.copyOf(units);
    variables = List.copyOf(variables);
    notes = List.copyOf(notes);
  }

  /** A coder's merged spans of a category in a document, as {start, end} pairs. */
  public List<int[]> spans(UUID document, UUID coder, UUID category) {
    return spans.getOrDefault(document, Map.of()).getOrDefault(coder, Map.of()).getOrDefault(category, List.of());
  }
}
