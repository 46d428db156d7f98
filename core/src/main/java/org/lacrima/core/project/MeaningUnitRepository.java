package org.lacrima.core.project;

import java.util.List;
import java.util.UUID;
import org.lacrima.core.transcript.MeaningUnit;

public interface MeaningUnitRepository {
  /** Replaces all units of a document. */
  void replace(UUID document, List<MeaningUnit> units);

  /** A document's units ordered by start. */
  List<MeaningUnit> byDocument(UUID document);

  long count();
}
