package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.store.ProjectLocation;
import org.lacrima.store.ProjectStores;

class DemoStudyTest {

  @TempDir
  Path dir;

  @Test
  void buildsTheFictionalStudyAndShowsTheTreeAndTheCodings() {
    Path file = dir.resolve("demo.lacrima");
    CliRun run = CliRun.ok("demo", "--out", file.toString());
    assertThat(run.out()).contains("FICTIONAL").contains("Protest crying").contains("Initiating a change of topic/ending the session")
        .contains("Codings per category by orientation").contains("The demo project lies at " + file.toAbsolutePath());
    try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file))) {
      store.read(s -> {
        List<DocumentSummary> docs = s.documents().list();
        assertThat(docs).hasSizeGreaterThanOrEqualTo(6);
        Map<String, Integer> perOrientation = new HashMap<>();
        for (DocumentSummary d : docs) {
          assertThat(d.words()).as(d.name()).isGreaterThanOrEqualTo(1200);
          assertThat(d.variable("fictional")).isEqualTo("yes");
          assertThat(s.documents().text(d.id()).text()).startsWith("FICTIONAL");
          perOrientation.merge(d.variable("orientation"), 1, Integer::sum);
        }
        assertThat(perOrientation).containsOnlyKeys("PDT", "CBT", "ST").allSatisfy((o, n) -> assertThat(n).isGreaterThanOrEqualTo(2));
        List<Coder> coders = s.coders().list();
        assertThat(coders).hasSize(2);
        Map<UUID, Map<UUID, Integer>> perCategoryAndCoder = new HashMap<>();
        Set<String> decisions = new HashSet<>();
        Map<UUID, Set<String>> byCoder = new HashMap<>();
        for (DocumentSummary d : docs) {
          for (Coding c : s.codings().byDocument(d.id())) {
            perCategoryAndCoder.computeIfAbsent(c.category(), k -> new HashMap<>()).merge(c.coder(), 1, Integer::sum);
            String key = d.name() + "/" + c.category() + "/" + c.start() + "/" + c.end();
            decisions.add(key);
            byCoder.computeIfAbsent(c.coder(), k -> new HashSet<>()).add(key);
          }
        }
        for (Category c : BuiltInCategorySystem.get().codable()) {
          for (Coder coder : coders) {
            assertThat(perCategoryAndCoder.getOrDefault(c.id(), Map.of()).getOrDefault(coder.id(), 0))
                .as(c.label().english() + " by " + coder.name()).isGreaterThanOrEqualTo(2);
          }
        }
        // the coders disagree: neither coder's decisions are all shared by the other
        for (Set<String> mine : byCoder.values()) {
          assertThat(decisions.size()).isGreaterThan(mine.size());
        }
        assertThat(s.units().count()).isPositive();
        return null;
      });
    }
  }

  /** The commands it suggests can be pasted as they stand, also where the path holds a space or a quote. */
  @Test
  void suggestsCommandsThatRunAsTheyStand() throws Exception {
    Path file = Files.createDirectories(dir.resolve("Ben's study")).resolve("my demo.lacrima");
    String quoted = "'" + file.toString().replace("'", "'\\''") + "'";
    assertThat(CliRun.ok("demo", "--out", file.toString()).out()).contains(" stats " + quoted + "\n")
        .contains(" codings export " + quoted + " -o codings.csv");
  }

  @Test
  void runningItAgainRebuildsTheDemoButNeverOverwritesAnotherProject() throws Exception {
    Path file = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", file.toString());
    CliRun.ok("demo", "--out", file.toString());
    Path other = dir.resolve("mine.lacrima");
    CliRun.ok("init", other.toString());
    byte[] before = Files.readAllBytes(other);
    CliRun refused = CliRun.of("demo", "--out", other.toString());
    assertThat(refused.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(refused.err()).contains("is not the demo project");
    assertThat(Files.readAllBytes(other)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("demo.lacrima", "mine.lacrima");
    }
    // a team's project that happens to be named like the demo is theirs: the demo is known by its contents
    Path named = dir.resolve("lacrima-demo.lacrima");
    CliRun.ok("init", named.toString());
    Path interview = Files.writeString(dir.resolve("real.txt"), "I: Wie war das?\nB: Ich weinte.\n");
    CliRun.ok("import", named.toString(), interview.toString());
    byte[] theirs = Files.readAllBytes(named);
    assertThat(CliRun.of("demo", "--out", named.toString()).err()).contains("is not the demo project");
    assertThat(Files.readAllBytes(named)).isEqualTo(theirs);
  }

  /** Work done in the demo (a trainee's coding) is kept in a copy beside it before a rebuild, and the copy named. */
  @Test
  void aRebuildKeepsTheWorkDoneInTheDemoInACopy() throws Exception {
    Path file = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", file.toString());
    Path trainee = Files.writeString(dir.resolve("trainee.csv"), "document,start,end,category,coder\n"
        + "cbt-01,0,10,Pause,trainee\n");
    CliRun.ok("codings", "import", file.toString(), trainee.toString());
    String rebuilt = CliRun.ok("demo", "--out", file.toString()).out();
    java.util.List<Path> kept;
    try (var files = Files.list(dir)) {
      kept = files.filter(p -> p.getFileName().toString().startsWith("demo.kept-")).toList();
    }
    assertThat(kept).hasSize(1);
    assertThat(rebuilt).contains("(work done in it, or a demo of an earlier version); it is kept as " + kept.get(0));
    assertThat(CliRun.ok("codings", "export", kept.get(0).toString()).out()).contains(",trainee,");
    assertThat(CliRun.ok("codings", "export", file.toString()).out()).doesNotContain(",trainee,");
    // a document variable set since is work too
    Path vars = Files.writeString(dir.resolve("vars.csv"), "document,rater_notes\ncbt-01,long pause\n");
    CliRun.ok("import", file.toString(), "--vars", vars.toString());
    assertThat(CliRun.ok("demo", "--out", file.toString()).out()).contains("it is kept as");
  }

  @Test
  void aTeamsWorkOnTheDemoInterviewsIsNoDemoToReplace() throws Exception {
    // the demo's own interviews and codings, imported by hand and worked on: they look like the demo, but are not
    Path mine = dir.resolve("learning.lacrima");
    CliRun.ok("init", mine.toString());
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import", mine.toString()));
    for (String name : DemoStudy.INTERVIEWS) {
      Path f = dir.resolve(name + ".txt");
      try (var in = DemoStudy.class.getResourceAsStream("demo/interviews/" + name + ".txt")) {
        Files.write(f, in.readAllBytes());
      }
      args.add(f.toString());
    }
    args.addAll(java.util.List.of("--var", "fictional=yes"));
    CliRun.ok(args.toArray(String[]::new));
    Path codings = dir.resolve("codings.csv");
    try (var in = DemoStudy.class.getResourceAsStream("demo/codings.csv")) {
      Files.write(codings, in.readAllBytes());
    }
    CliRun.ok("codings", "import", mine.toString(), codings.toString());
    CliRun.ok("category", "merge", mine.toString(), "Crying as manipulation", "Crying as resistance", "--why", "ours");
    byte[] before = Files.readAllBytes(mine);
    assertThat(CliRun.of("demo", "--out", mine.toString()).err()).contains("is not the demo project");
    assertThat(Files.readAllBytes(mine)).isEqualTo(before);
  }

  @Test
  void doesNotReplaceTheDemoWhileAnotherProcessWritesToIt() throws Exception {
    Path file = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", file.toString());
    java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file))) {
      // a command of another user, in the middle of its transaction
      java.util.concurrent.Future<Object> writer = pool.submit(() -> store.write(s -> {
        s.coders().add(new Coder(UUID.randomUUID(), "lea"));
        writing.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      writing.await();
      CliRun refused;
      try {
        refused = CliRun.of("demo", "--out", file.toString());
      } finally {
        release.countDown();
      }
      writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(refused.status()).isEqualTo(Lacrima.REFUSED);
      assertThat(refused.err()).contains("is being changed by another process");
    } finally {
      pool.shutdownNow();
    }
    // the other user's work is in the file, not in a replaced copy
    try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file))) {
      List<Coder> coders = store.read(s -> s.coders().list());
      assertThat(coders).extracting(Coder::name).contains("lea");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("demo.lacrima");
    }
  }
}
