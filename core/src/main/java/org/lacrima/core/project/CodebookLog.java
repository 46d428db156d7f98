package org.lacrima.core.project;

import java.time.Instant;
import java.util.List;
import org.lacrima.core.codebook.CodebookChange;

/** The append-only log of changes to a project's category system. */
public interface CodebookLog {

  CodebookChange append(Instant at, String who, String why, CodebookChange.Kind kind, String details);

  /** All changes, oldest first. */
  List<CodebookChange> all();
}
