package org.lacrima.core.project;

import java.util.List;
import java.util.UUID;
import org.lacrima.core.coding.Coverage;

/** Where coders judged a category explicitly (table imports); see {@link Coverage}. */
public interface CoverageRepository {

  /** Adds spans; a span already recorded is not recorded twice. */
  void add(List<Coverage> spans);

  /** Removes what is recorded for the coder in these documents and categories (a consensus layer rebuilt). */
  void remove(UUID coder, List<UUID> documents, List<UUID> categories);

  /** Removes everything recorded for a coder. */
  void removeAll(UUID coder);

  /** The recorded spans of a category (or group), document by document. */
  List<Coverage> byCategory(UUID category);

  /** Whether anything is recorded for the category: if not, coverage is by document. */
  boolean recordedFor(UUID category);
}
