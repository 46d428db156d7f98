package org.lacrima.core.agreement.study;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lacrima.core.agreement.UnitProfiles;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.transcript.DocumentSummary;

/**
 * Everything agreement is computed from: the coders, the documents and units in scope, the variables
 * (one per category, per group of exclusive categories, the code sets, and with documents as units the
 * frequencies) with every unit's values in {@code profiles}, and each coder's merged spans (for the
 * character-based coefficients, the disagreement listing and consensus). {@code codeSets} names the sets
 * the code-set variable's values stand for, as indices into the category variables; {@code codebookVersion}
 * labels the category system the study was collected under; {@code mergedSpans} counts, per document, the spans
 * merged into a neighbour of the same coder and category; {@code uncompared} names the documents in scope that the
 * coders coded but that have no unit of the study's kind (a note says so too).
 */
public record StudyData(
    AgreementRequest request,
    String codebookVersion,
    UnitKind unit,
    List<Coder> coders,
    List<DocumentSummary> documents,
    List<StudyUnit> units,
    List<Variable> variables,
    UnitProfiles profiles,
    List<Set<Integer>> codeSets,
    Map<UUID, Map<UUID, Map<UUID, List<int[]>>>> spans,
    Map<UUID, Integer> mergedSpans,
    List<String> uncompared,
    List<String> partlyCoded,
    List<String> notes) {

  public StudyData {
    coders = List.copyOf(coders);
    documents = List.copyOf(documents);
    units = List.copyOf(units);
    variables = List.copyOf(variables);
    codeSets = List.copyOf(codeSets);
    notes = List.copyOf(notes);
    uncompared = List.copyOf(uncompared);
    partlyCoded = List.copyOf(partlyCoded);
    mergedSpans = Map.copyOf(mergedSpans);
  }

  /** The same study with one more note for its report. */
  public StudyData withNote(String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new StudyData(request, codebookVersion, unit, coders, documents, units, variables, profiles, codeSets,
        spans, mergedSpans, uncompared, partlyCoded, more);
  }

  /**
   * The note saying how many spans were merged in these documents, if any: with characters as units only the
   * documents every coder worked on are compared, and a merge in one left out changes no figure.
   */
  public java.util.Optional<String> mergedNote(java.util.Collection<UUID> compared) {
    int merged = compared.stream().mapToInt(d -> mergedSpans.getOrDefault(d, 0)).sum();
    // counted as spans merged into another: three spans that became one are two, which "N spans were merged" hid
    return merged == 0 ? java.util.Optional.empty() : java.util.Optional.of(org.lacrima.core.text.Counted.of(merged,
        "span") + (merged == 1 ? " was" : " were") + " merged into an overlapping or adjacent span of the same coder "
        + "and category before comparing");
  }

  /** A coder's merged spans of a category in a document, as {start, end} pairs. */
  public List<int[]> spans(UUID document, UUID coder, UUID category) {
    return spans.getOrDefault(document, Map.of()).getOrDefault(coder, Map.of()).getOrDefault(category, List.of());
  }

  /** Coder {@code coder}'s value of a variable in a unit. */
  public int value(StudyUnit unit, Variable variable, int coder) {
    return profiles.value(unit.index(), variable.index(), coder);
  }

  public List<Variable> variables(Variable.Kind kind) {
    return variables.stream().filter(v -> v.kind() == kind).toList();
  }
}
