package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.InputException;
import org.lacrima.core.testing.TestEnvironment;

/** An export written with -o goes where the path leads: through a link, into a pipe, never over a project. */
class OutputFileTest {

  @TempDir
  Path dir;

  private static OutputFile.Content text(String s) {
    return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aLinkIsWrittenThroughAndStaysALink() throws Exception {
    Path real = Files.writeString(dir.resolve("real.csv"), "keep");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    OutputFile.write(link, text("export"));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("export");
  }

  @Test
  void aLinkToNothingOrToAProjectIsRefused() throws Exception {
    Path dangling = Files.createSymbolicLink(dir.resolve("gone.csv"), Path.of("missing.csv"));
    assertThatThrownBy(() -> OutputFile.write(dangling, text("x"))).isInstanceOf(InputException.class)
        .hasMessageContaining("which does not exist");
    Path project = dir.resolve("s.lacrima");
    CliRun.ok("init", project.toString());
    byte[] before = Files.readAllBytes(project);
    Path toProject = Files.createSymbolicLink(dir.resolve("out.csv"), project.getFileName());
    assertThatThrownBy(() -> OutputFile.write(toProject, text("x"))).isInstanceOf(InputException.class)
        .hasMessageContaining("is a project");
    assertThat(Files.readAllBytes(project)).isEqualTo(before);
  }

  /** Written on the process's own descriptor, /dev/stdout is neither reopened at offset 0 nor replaced. */
  @Test
  void standardOutputIsToldFromAFileOfThatName() throws Exception {
    TestEnvironment.require(Files.exists(Path.of("/proc/self/fd/1")), "the descriptors named in /proc (Linux)");
    assertThat(OutputFile.isStandardOutput(Path.of("/dev/stdout"))).isTrue();
    assertThat(OutputFile.isStandardOutput(Files.writeString(dir.resolve("stdout"), "x"))).isFalse();
    assertThat(OutputFile.isStandardOutput(Path.of("/dev/null"))).isFalse();
  }

  /** A plain file that lives under /dev (a tmpfs in /dev/shm) is replaced like any other, not appended to. */
  @Test
  void aPlainFileUnderDevIsAFileLikeAnyOther() throws Exception {
    Path shm = Path.of("/dev/shm");
    TestEnvironment.require(Files.isDirectory(shm) && Files.isWritable(shm), "a tmpfs at /dev/shm (Linux)");
    Path file = shm.resolve("lacrima-test-" + java.util.UUID.randomUUID() + ".csv");
    try {
      OutputFile.write(file, text("first"));
      OutputFile.write(file, text("second"));
      assertThat(Files.readString(file)).isEqualTo("second");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aPipeIsWrittenIntoNotReplaced() throws Exception {
    Path fifo = dir.resolve("fifo.csv");
    TestEnvironment.require(Files.isExecutable(Path.of("/usr/bin/mkfifo")), "/usr/bin/mkfifo to make a pipe");
    assertThat(new ProcessBuilder("/usr/bin/mkfifo", fifo.toString()).start().waitFor()).isZero();
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    OutputFile.write(fifo, text("through the pipe"));
    assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("through the pipe");
    assertThat(Files.isRegularFile(fifo)).isFalse();
  }
}
