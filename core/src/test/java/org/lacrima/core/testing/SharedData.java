package org.lacrima.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared test material at {@code ../shared} beside the repository (the paper, corpora,
 * reference values). Under CI ({@code CI=true}) a missing file fails the test with a message that
 * says what is missing; elsewhere the test is skipped.
 */
public final class SharedData {

  private SharedData() {
  }

  public static Path root() {
    String configured = System.getenv("LACRIMA_SHARED");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    // outside Maven: walk up from the working directory to the repository's sibling "shared"
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isRegularFile(candidate.resolve("DESIGN.md"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return Path.of("..", "shared").toAbsolutePath().normalize();
  }

  /** A file of the shared material; fails under CI and skips elsewhere when it is absent. */
  public static Path require(String relative) {
    Path file = root().resolve(relative);
    if (!Files.exists(file)) {
      String message = "test material " + file + " is missing: check out the shared data beside the repository "
          + "(../shared) or set LACRIMA_SHARED";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    return file;
  }
}
