package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.Category;

/**
 * A lacrima process killed with SIGKILL in the middle of an import leaves the project exactly as it
 * was: nothing of the interrupted transaction, and everything committed before it.
 */
// a guard against a wait that never ends (a stuck server), not a measure of speed
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class KillDuringImportTest {

  @TempDir
  Path dir;

  /** The demo interviews as files, imported with the CLI. */
  private List<String> interviewFiles() throws IOException {
    List<String> files = new ArrayList<>();
    for (String name : DemoStudy.INTERVIEWS) {
      try (InputStream in = DemoStudy.class.getResourceAsStream("demo/interviews/" + name + ".txt")) {
        Path f = dir.resolve(name + ".txt");
        Files.write(f, in.readAllBytes());
        files.add(f.toString());
      }
    }
    return files;
  }

  /** Many distinct codings: enough that importing them takes the process a few seconds. */
  private Path manyCodings(int rows) throws IOException {
    List<Category> categories = BuiltInCategorySystem.get().codable();
    Random random = new Random(42);
    Path csv = dir.resolve("many.csv");
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("document,start,end,category,coder,memo\n");
      for (int i = 0; i < rows; i++) {
        String doc = DemoStudy.INTERVIEWS.get(i % DemoStudy.INTERVIEWS.size());
        int start = i / 6 % 8000; // inside the shortest demo interview
        int end = start + 1 + random.nextInt(200);
        w.write(doc + "," + start + "," + end + "," + categories.get(random.nextInt(categories.size())).id()
            + ",coder-" + random.nextInt(3) + ",\n");
      }
    }
    return csv;
  }

  private static Process lacrima(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Lacrima.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static void killWhen(Process p, BooleanSupplier inTransaction) throws InterruptedException {
    while (!inTransaction.getAsBoolean()) {
      assertThat(p.isAlive()).as("the import finished before it could be interrupted; make it bigger").isTrue();
      Thread.sleep(5);
    }
    Thread.sleep(1000); // well inside the transaction, which takes several seconds
    assertThat(p.isAlive()).as("the import finished before it could be interrupted; make it bigger").isTrue();
    p.destroyForcibly(); // SIGKILL on Linux and macOS
    p.waitFor();
  }

  @Test
  void onSqlite() throws Exception {
    String project = dir.resolve("study.lacrima").toString();
    CliRun.ok("init", project);
    List<String> importArgs = new ArrayList<>(List.of("import", project));
    importArgs.addAll(interviewFiles());
    CliRun.ok(importArgs.toArray(String[]::new));
    Path few = Files.writeString(dir.resolve("few.csv"), "document,quote,category,coder\npdt-01,Very little,Pause,mira\n");
    CliRun.ok("codings", "import", project, few.toString());
    String before = CliRun.ok("codings", "export", project).out() + CliRun.ok("stats", project).out();

    Path journal = Path.of(project + "-journal");
    Process p = lacrima("codings", "import", project, manyCodings(600_000).toString());
    killWhen(p, () -> Files.exists(journal));

    String after = CliRun.ok("codings", "export", project).out() + CliRun.ok("stats", project).out();
    assertThat(after).isEqualTo(before);
    String integrity = Jdbi.create("jdbc:sqlite:" + project)
        .withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one());
    assertThat(integrity).isEqualTo("ok");
  }

  @Test
  void onPostgresql() throws Exception {
    String url = TestServer.url();
    String schema = "lacrima_kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String db = url + (url.contains("?") ? "&" : "?") + "schema=" + schema;
    String project = "killed";
    try {
      CliRun.ok("init", project, "--db", db);
      List<String> importArgs = new ArrayList<>(List.of("import", project, "--db", db));
      importArgs.addAll(interviewFiles());
      CliRun.ok(importArgs.toArray(String[]::new));
      String before = CliRun.ok("codings", "export", project, "--db", db).out() + CliRun.ok("stats", project, "--db", db).out();

      Jdbi server = TestServer.jdbi();
      Process p = lacrima("codings", "import", project, "--db", db, manyCodings(600_000).toString());
      killWhen(p, () -> server.withHandle(h -> h.createQuery(
              "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'lacrima' AND pid <> pg_backend_pid() "
                  + "AND xact_start IS NOT NULL AND query ILIKE '%coding_in%'")
          .mapTo(Integer.class).one()) > 0);
      // the server ends the dead client's transaction once it notices the broken connection
      while (server.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'lacrima' "
          + "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL").mapTo(Integer.class).one()) > 0) {
        Thread.sleep(50);
      }
      String after = CliRun.ok("codings", "export", project, "--db", db).out() + CliRun.ok("stats", project, "--db", db).out();
      assertThat(after).isEqualTo(before);
    } finally {
      TestServer.dropSchema(schema);
    }
  }
}
