package org.lacrima.core.project;

/**
 * A project that cannot be opened or written as asked: it does not exist, is not a Lacrima project,
 * was written by a newer Lacrima, or another process is writing to it.
 */
public class ProjectAccessException extends RuntimeException {
  public ProjectAccessException(String message) {
    super(message);
  }

  public ProjectAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
