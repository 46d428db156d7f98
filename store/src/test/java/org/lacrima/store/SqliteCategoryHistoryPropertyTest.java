package org.lacrima.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteCategoryHistoryPropertyTest extends CategoryHistoryProperties {

  @TempDir
  Path dir;

  @Override
  int sequences() {
    return 24;
  }

  @Override
  ProjectLocation location(int seed) {
    return new ProjectLocation.SqliteFile(dir.resolve("p" + seed + ".lacrima"));
  }
}
