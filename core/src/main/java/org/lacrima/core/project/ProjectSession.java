package org.lacrima.core.project;

/** The repositories of one project within one transaction. */
public interface ProjectSession {
  ProjectInfo project();

  CategoryRepository categories();

  DocumentRepository documents();

  CoderRepository coders();

  CodingRepository codings();

  CoverageRepository coverage();

  ConsensusRepository consensus();

  MeaningUnitRepository units();

  MemoRepository memos();

  CodebookLog log();
}
