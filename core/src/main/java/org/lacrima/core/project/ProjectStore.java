package org.lacrima.core.project;

/**
 * An open project. Every piece of work runs in one transaction: {@link #write} commits all of it or,
 * if the work throws, none of it. Implementations live in the store module (SQLite, PostgreSQL).
 */
public interface ProjectStore extends AutoCloseable {

  ProjectInfo info();

  /** Where the project lies, for messages: a file path or "name on server". */
  String location();

  /** What opening the project did that its user should be told (a migration, and where the old file is kept). */
  default java.util.Optional<String> openingNote() {
    return java.util.Optional.empty();
  }

  <T> T read(Work<T> work);

  /**
   * Runs work that changes the project, as one transaction.
   *
   * @throws ProjectAccessException if another process is writing to the project
   */
  <T> T write(Work<T> work);

  @Override
  void close();

  /** A piece of work inside one transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(ProjectSession session);
  }
}
