package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTrainingTest {

  @Test
  void everyCommandOfTheTrainingRunSucceedsOnTheDemoStudy(@TempDir Path dir) {
    // the launcher discards the training's output: a command that stopped working would go unnoticed but here
    assertThat(StartupTraining.run(dir)).isEmpty();
    assertThat(dir.resolve("demo.lacrima")).exists();
    assertThat(dir.resolve("out.json")).exists();
    assertThat(dir.resolve("out.csv")).exists();
  }

  @Test
  void leavesNothingBehind() throws Exception {
    long before = countTrainingFolders();
    StartupTraining.main(new String[0]);
    assertThat(countTrainingFolders()).isEqualTo(before);
  }

  private static long countTrainingFolders() throws Exception {
    try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("lacrima-training")).count();
    }
  }
}
