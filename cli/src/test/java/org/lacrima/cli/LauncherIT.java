package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher at the root of the repository, as the README's first command runs it (after the build
 * that `./mvnw verify` made): it records its startup cache, and with the cache's JVM options a command
 * writes to standard output exactly what the jar alone writes.
 */
class LauncherIT {

  @TempDir
  Path dir;

  private record Run(int status, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  private static final Path TARGET =
      Path.of(System.getProperty("lacrima.jar", "target/lacrima.jar")).toAbsolutePath().getParent();
  private static final Path LAUNCHER = TARGET.getParent().getParent().resolve("lacrima");

  private Run run(List<String> command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("LACRIMA_JAVA_OPTIONS");
    builder.environment().remove("LACRIMA_STARTUP_CACHE");
    Process p = builder.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Run launcher(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  private Run jar(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED", "-jar", TARGET.resolve("lacrima.jar").toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  @Test
  void recordsItsStartupCacheAndLeavesStandardOutputToTheCommand() throws Exception {
    assertThat(LAUNCHER).isExecutable();
    Run version = launcher("--version");
    assertThat(version.status()).as(version.err()).isZero();
    assertThat(version.err()).as("the jar is as this build made it: nothing to rebuild").doesNotContain("Building");
    assertThat(version.text()).startsWith("Lacrima ");
    boolean hotspot = !System.getProperty("java.vm.name", "").contains("OpenJ9");
    try (Stream<Path> files = Files.list(TARGET)) {
      List<String> caches = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("startup-") && (n.endsWith(".aot") || n.endsWith(".jsa"))).toList();
      if (hotspot) {
        assertThat(caches).isNotEmpty();
      } else {
        assertThat(caches).isEmpty();
      }
    }
    assertThat(launcher("demo", "--out", "d.lacrima").status()).isZero();
    Run exported = launcher("codings", "export", "d.lacrima");
    assertThat(exported.status()).as(exported.err()).isZero();
    assertThat(exported.err()).isEmpty();
    Run alone = jar("codings", "export", "d.lacrima");
    assertThat(alone.status()).isZero();
    assertThat(exported.out()).isNotEmpty().isEqualTo(alone.out());
  }
}
