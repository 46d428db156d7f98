package org.lacrima.core.project;

import java.time.Instant;
import java.util.List;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.CodingTrail;

/** The append-only log of changes to a project's category system. */
public interface CodebookLog {

  CodebookChange append(Instant at, String who, String why, CodebookChange.Kind kind, String details);

  /** All changes, oldest first. */
  List<CodebookChange> all();

  /** Keeps what a change did to codings and memos. */
  void keepTrail(long sequence, CodingTrail trail);

  /** What a change did to codings and memos ({@link CodingTrail#NONE} if nothing). */
  CodingTrail trail(long sequence);
}
