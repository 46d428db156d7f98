package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A full disk or an unwritable file is the user's to fix, not an internal error: told in one line, wherever in the
 * chain of causes the driver or the file system reports it. The messages are those SQLite's JDBC driver, PostgreSQL
 * and the JDK give.
 */
class StorageFailureTest {

  @Test
  void aFullDiskIsToldAsSuchFromTheDriversCause() {
    RuntimeException wrapped = new RuntimeException("transaction failed", new SQLException(
        "[SQLITE_FULL] Insertion failed because database is full (database or disk is full)"));
    assertThat(Lacrima.storageFailure(wrapped)).hasValueSatisfying(m -> assertThat(m).startsWith("the disk is full"));
    assertThat(Lacrima.storageFailure(new java.io.UncheckedIOException(new FileSystemException("/media/out.csv", null,
        "No space left on device")))).hasValue("the disk is full (/media/out.csv)");
    assertThat(Lacrima.storageFailure(new SQLException("ERROR: could not extend file \"base/16384/16390\": No space "
        + "left on device"))).hasValueSatisfying(m -> assertThat(m).startsWith("the disk is full"));
  }

  @Test
  void anUnwritableFileIsNamed() {
    assertThat(Lacrima.storageFailure(new java.io.UncheckedIOException(new AccessDeniedException("/ro/out.csv"))))
        .hasValue("permission denied for /ro/out.csv");
    assertThat(Lacrima.storageFailure(new FileSystemException("/mnt/cd/out.csv", null, "Read-only file system")))
        .hasValue("cannot write /mnt/cd/out.csv: read-only file system");
    assertThat(Lacrima.storageFailure(new SQLException("[SQLITE_READONLY_ROLLBACK] Hot journal needs to be rolled "
        + "back"))).hasValueSatisfying(m -> assertThat(m).contains("interrupted write"));
  }

  @Test
  void anythingElseStaysAnInternalError() {
    assertThat(Lacrima.storageFailure(new IllegalStateException("a bug", new NullPointerException()))).isEmpty();
  }
}
