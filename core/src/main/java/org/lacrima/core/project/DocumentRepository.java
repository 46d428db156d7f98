package org.lacrima.core.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.transcript.Document;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.Turn;

public interface DocumentRepository {

  void add(Document document);

  Optional<DocumentSummary> byName(String name);

  /** All documents, by name, without their texts. */
  List<DocumentSummary> list();

  Document get(UUID id);

  DocumentText text(UUID id);

  List<Turn> turns(UUID id);

  /** The turns of every document, by document id, read in one pass. */
  Map<UUID, List<Turn>> turnsByDocument();

  /**
   * Where the turns of every document lie, by document id: {@code [start0, end0, start1, end1, …]} in turn order.
   * What agreement needs of 300,000 turns, without their labels.
   */
  Map<UUID, int[]> turnRanges();

  /** Sets (adds or overwrites) variables of a document. */
  void putVariables(UUID id, Map<String, String> variables);
}
