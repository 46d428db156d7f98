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
    return javaWith(List.of(), args);
  }

  private Run javaWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("lacrima.jar", "target/lacrima.jar"));
    assertThat(jar).exists();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
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

  @Test
  void writesCsvToStandardOutputAsUtf8WhateverTheConsoleUses() throws Exception {
    assertThat(java("demo").status()).isZero();
    assertThat(java("codings", "export", "lacrima-demo.lacrima", "-o", "file.csv").status()).isZero();
    Run piped = javaWith(List.of("-Dstdout.encoding=US-ASCII"), "codings", "export", "lacrima-demo.lacrima");
    assertThat(piped.status()).as(piped.err()).isZero();
    String file = Files.readString(dir.resolve("file.csv"), StandardCharsets.UTF_8);
    assertThat(file).contains("–"); // the demo interviews hold en dashes, which US-ASCII cannot show
    assertThat(piped.out()).isEqualTo(file);
  }

  @Test
  void carriesItsLicenceNoticeAndTheLibrariesLicences() throws Exception {
    try (var jar = new java.util.jar.JarFile(System.getProperty("lacrima.jar", "target/lacrima.jar"))) {
      assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/LICENSE")).readAllBytes(), StandardCharsets.UTF_8))
          .contains("Apache License").contains("Version 2.0");
      assertThat(new String(jar.getInputStream(jar.getEntry("META-INF/NOTICE")).readAllBytes(), StandardCharsets.UTF_8))
          .contains("Lacrima").contains("Gutjahr");
      String thirdParty = new String(jar.getInputStream(jar.getEntry("META-INF/THIRD-PARTY.txt")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(thirdParty).contains("ICU4J").contains("PostgreSQL JDBC Driver").contains("SLF4J").doesNotContain("JUnit");
      assertThat(jar.getEntry("META-INF/third-party/postgresql-jar/META-INF/LICENSE")).isNotNull();
    }
  }
}
