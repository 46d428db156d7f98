package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single runnable jar, started as a user starts it, does the main job: it holds every class and
 * resource it needs, and it prints no stray log lines.
 */
class RunnableJarIT {

  @TempDir
  Path dir;

  private record Run(int status, String out, String err) {
  }

  private Run java(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("lacrima.jar", "target/lacrima.jar"));
    assertThat(jar).exists();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar",
        jar.toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void runsTheDemoAndTheCodebookExports() throws Exception {
    Run demo = java("demo");
    assertThat(demo.status()).as(demo.err()).isZero();
    assertThat(demo.err()).isEmpty();
    assertThat(demo.out()).contains("Protest crying").contains("lacrima-demo.lacrima");
    assertThat(dir.resolve("lacrima-demo.lacrima")).exists();
    for (String format : List.of("markdown", "html", "docx", "json")) {
      Run export = java("codebook", "export", "--format", format, "-o", "codebook." + format);
      assertThat(export.status()).as(export.err()).isZero();
      assertThat(export.err()).as(format).isEmpty();
    }
    Run stats = java("stats", "lacrima-demo.lacrima");
    assertThat(stats.out()).contains("352 codings");
    Run sentences = java("segment", "lacrima-demo.lacrima", "--by", "sentence");
    assertThat(sentences.status()).as(sentences.err()).isZero();
  }
}
