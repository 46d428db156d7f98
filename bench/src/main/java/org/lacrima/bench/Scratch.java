package org.lacrima.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import org.lacrima.store.ProjectLocation;

/** Removing what a benchmark made: its work folder, and its schema on a PostgreSQL server. */
final class Scratch {

  private Scratch() {
  }

  static void dropSchema(String url, String schema) throws SQLException {
    ProjectLocation.PostgresProject server = ProjectLocation.postgres(url, "bench");
    try (var c = DriverManager.getConnection(server.jdbcUrl(), server.properties()); var st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
