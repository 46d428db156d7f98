package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project file with a damaged page in the middle: a write that touches only sound pages would succeed and bury the
 * damage under new work, so no command writes to it.
 */
class DamagedProjectTest {

  @TempDir
  Path dir;

  @Test
  void takesNoWritesAndSaysWhatSQLiteFound() throws Exception {
    Path project = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", project.toString());
    try (RandomAccessFile f = new RandomAccessFile(project.toFile(), "rw")) {
      // one page, two fifths into the file, overwritten past its header: its cells point nowhere sensible
      long page = f.length() * 2 / 5 / 4096 * 4096;
      byte[] junk = new byte[3000];
      Arrays.fill(junk, (byte) 0xAB);
      f.seek(page + 100);
      f.write(junk);
    }
    byte[] damaged = Files.readAllBytes(project);
    Path transcript = Files.writeString(dir.resolve("late.txt"), "I: One more interview.\n", StandardCharsets.UTF_8);
    CliRun refused = CliRun.of("import", project.toString(), transcript.toString());
    assertThat(refused.status()).isNotZero();
    assertThat(refused.err()).contains("demo.lacrima is damaged").contains("nothing was changed")
        .contains("SQLite's check: ").doesNotContain("***");
    assertThat(Files.readAllBytes(project)).isEqualTo(damaged);
  }
}
