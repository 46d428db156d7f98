package org.lacrima.store;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest extends ProjectStoreContract {

  @TempDir
  Path dir;

  @Override
  ProjectLocation freshLocation() {
    return new ProjectLocation.SqliteFile(dir.resolve("study-" + UUID.randomUUID() + ".lacrima"));
  }

  @Override
  org.jdbi.v3.core.Jdbi database(ProjectLocation location) {
    return org.jdbi.v3.core.Jdbi.create(ProjectStores.sqlite(((ProjectLocation.SqliteFile) location).file(), false));
  }
}
