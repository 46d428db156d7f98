package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands against a PostgreSQL server, where PROJECT is a name and many projects share a schema. */
class ServerCommandsTest {

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path dir;

  private String schema;
  private String db;

  @BeforeEach
  void server() {
    String url = TestServer.url();
    schema = "lacrima_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    db = url + (url.contains("?") ? "&" : "?") + "schema=" + schema;
  }

  @AfterEach
  void drop() {
    TestServer.dropSchema(schema);
  }

  @Test
  void theDemoRebuildsOnTheServerButLeavesOtherProjectsAlone() throws java.io.IOException {
    CliRun.ok("demo", "--db", db);
    CliRun.ok("codebook", "tag", "lacrima-demo", "first-run", "--db", db);
    CliRun again = CliRun.ok("demo", "--db", db);
    assertThat(again.out()).contains("352 codings");
    assertThat(CliRun.ok("codebook", "log", "lacrima-demo", "--db", db).out()).doesNotContain("first-run");
    // the tag was work done in the demo: the earlier demo stays on the server under a name of its own, and says so
    java.util.regex.Matcher kept = java.util.regex.Pattern.compile("it is kept as project (lacrima-demo\\.kept-\\S+) on "
        + "the server").matcher(again.out());
    assertThat(kept.find()).as(again.out()).isTrue();
    assertThat(CliRun.ok("codebook", "log", kept.group(1), "--db", db).out()).contains("first-run");
    // a demo nobody worked in is replaced without a copy
    assertThat(CliRun.ok("demo", "--db", db).out()).doesNotContain("kept as");
    assertThat(CliRun.ok("projects", "--db", db).out()).startsWith("2 projects on ");
    assertThat(CliRun.ok("init", "study", "--db", db).out()).startsWith("Created project \"study\" on ")
        .doesNotContain("at project");
    // a hint names the server as every other does
    CliRun.ok("import", "study", "--db", db, java.nio.file.Files.writeString(dir.resolve("plain.txt"),
        "No speaker labels here. Just text.\n").toString());
    assertThat(CliRun.ok("units", "list", "study", "plain", "--db", db).out())
        .contains("segment study --db … --documents plain --by sentence");
    CliRun refused = CliRun.of("demo", "--db", db, "--out", "study");
    assertThat(refused.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(refused.err()).contains("already has a project named \"study\"");
    assertThat(CliRun.ok("stats", "lacrima-demo", "--db", db).out()).contains("352 codings");
  }

  /** A name every member types again: refused where it passes for a project the server has, or cannot be typed. */
  @Test
  void aNewProjectsNameMayNotPassForAnotherOrHoldWhatCannotBeTyped() {
    CliRun.ok("init", "team", "--db", db);
    for (String alike : new String[] {"Team", "team\u00a0", "te\u200bam", "t\u0435am", "\uff54\uff45\uff41\uff4d"}) {
      CliRun refused = CliRun.of("init", alike, "--db", db);
      assertThat(refused.status()).as(alike).isEqualTo(Lacrima.REFUSED);
      assertThat(refused.err()).as(alike).contains("the server has a project named \"team\", which is easily taken");
    }
    assertThat(CliRun.of("init", "te\nam", "--db", db).err()).contains("the project's name holds a line break");
    // typed otherwise than it looks, even where no other project is near it
    assertThat(CliRun.of("init", "pilot\u00a0study", "--db", db).err()).contains("the project's name holds U+00A0 "
        + "(NO-BREAK SPACE), which looks like a space but is typed otherwise");
    assertThat(CliRun.of("init", "\uff50ilot", "--db", db).err()).contains("holds U+FF50 (FULLWIDTH LATIN SMALL LETTER "
        + "P), which a keyboard types only with a special input method");
    // a file's name where the server takes a project's
    assertThat(CliRun.of("init", "/tmp/study.lacrima", "--db", db).err()).contains("is named like a project file")
        .contains("--db \"\"");
    // the project meant, when typed in another case: named, not offered to be created
    assertThat(CliRun.of("stats", "TEAM", "--db", db).err()).contains("there is no project \"TEAM\" on the server, "
        + "but there is \"team\", written otherwise").doesNotContain("init");
    CliRun.ok("init", "team 2", "--db", db);
    // "rn" beside "m" in one script: another name, however alike in some fonts
    CliRun.ok("init", "tearn", "--db", db);
    assertThat(CliRun.ok("projects", "--db", db).out()).startsWith("3 projects on ");
  }

  @Test
  void theServersProjectsAreListedAndOneIsDeletedWithEverythingItHeldAndNothingElse() {
    assertThat(CliRun.ok("projects", "--db", db).out()).startsWith("No projects on ");
    CliRun.ok("demo", "--db", db);
    CliRun.ok("demo", "--db", db, "--out", "second demo");
    String listed = CliRun.ok("projects", "--db", db).out();
    assertThat(listed).startsWith("2 projects on ").contains("(schema " + schema + ")")
        .contains("  lacrima-demo  (").contains("  second demo  (").contains("352 codings");
    assertThat(listed.indexOf("lacrima-demo")).isLessThan(listed.indexOf("second demo"));

    CliRun asked = CliRun.ok("projects", "delete", "second demo", "--db", db);
    assertThat(asked.out()).contains("holds").contains("352 codings").contains("nothing was deleted")
        .contains("projects delete 'second demo' --db … --yes");
    assertThat(CliRun.ok("stats", "second demo", "--db", db).out()).contains("352 codings");

    assertThat(CliRun.ok("projects", "delete", "second demo", "--db", db, "--yes").out())
        .startsWith("Deleted project \"second demo\" from ").contains("352 codings");
    assertThat(CliRun.of("stats", "second demo", "--db", db).err()).contains("there is no project \"second demo\"");
    assertThat(CliRun.ok("stats", "lacrima-demo", "--db", db).out()).contains("352 codings");
    // no row of the deleted project is left in any table of the schema
    long keys = TestServer.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + schema + ".project")
        .mapTo(Long.class).one());
    assertThat(keys).isEqualTo(1);
    TestServer.jdbi().useHandle(h -> {
      long kept = h.createQuery("SELECT key FROM " + schema + ".project").mapTo(Long.class).one();
      for (String table : h.createQuery("SELECT table_name FROM information_schema.columns WHERE table_schema = :s "
          + "AND column_name = 'project_key'").bind("s", schema).mapTo(String.class).list()) {
        assertThat(h.createQuery("SELECT count(*) FROM " + schema + "." + table + " WHERE project_key <> :k")
            .bind("k", kept).mapTo(Long.class).one()).as(table).isZero();
      }
    });
    assertThat(CliRun.of("projects", "delete", "second demo", "--db", db, "--yes").err())
        .contains("there is no project \"second demo\"");
  }

  /** A command that opened a project before another deleted it says so, instead of failing on what is missing. */
  @Test
  void aProjectDeletedAfterACommandOpenedItIsSaidToBeGone() {
    CliRun.ok("init", "doomed", "--db", db);
    try (org.lacrima.core.project.ProjectStore opened = org.lacrima.store.ProjectStores.open(
        org.lacrima.store.ProjectLocation.postgres(db, "doomed"))) {
      CliRun.ok("projects", "delete", "doomed", "--db", db, "--yes");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> opened.write(s -> s.coders().list()))
          .hasMessageContaining("project \"doomed\"").hasMessageContaining("was deleted from the server");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> opened.read(s -> s.coders().list()))
          .hasMessageContaining("was deleted from the server");
    }
  }

  /** A schema where another program keeps its migration history is neither listed as projects nor migrated. */
  @Test
  void anotherProgramsSchemaIsLeftAlone() {
    String foreign = schema + "_other";
    String other = db.replace("schema=" + schema, "schema=" + foreign);
    TestServer.jdbi().useHandle(h -> {
      h.execute("CREATE SCHEMA " + foreign);
      h.execute("CREATE TABLE " + foreign + ".schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50), "
          + "description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, "
          + "checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), "
          + "execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
      h.execute("INSERT INTO " + foreign + ".schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 0, 'app', "
          + "now(), 1, true)");
      h.execute("CREATE TABLE " + foreign + ".project (key BIGSERIAL PRIMARY KEY, name TEXT)");
    });
    try {
      assertThat(CliRun.ok("projects", "--db", other).out()).startsWith("No projects on ");
      assertThat(CliRun.of("projects", "delete", "x", "--db", other, "--yes").err()).contains("there is no project");
      assertThat(CliRun.of("init", "x", "--db", other).err()).contains("holds another program's tables");
      long history = TestServer.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + foreign
          + ".schema_history").mapTo(Long.class).one());
      assertThat(history).as("the other program's migration history, untouched").isEqualTo(1);
    } finally {
      TestServer.dropSchema(foreign);
    }
  }

  @Test
  void aProjectFileIsNotListedOrDeletedAsOnAServer() {
    assertThat(CliRun.of("projects").err()).contains("--db");
    assertThat(CliRun.of("projects", "delete", dir.resolve("study.lacrima").toString(), "--yes").err())
        .contains("a project file is deleted as a file");
  }

  @Test
  void aProjectNameIsOneNameHoweverItsAccentsWereTyped() {
    CliRun.ok("init", "Studie J\u00fcrgen", "--db", db);
    // decomposed (u and a combining diaeresis), as some systems pass typed text on: the same project
    assertThat(CliRun.ok("stats", "Studie Ju\u0308rgen", "--db", db).out()).contains("0 documents");
    assertThat(CliRun.of("init", "Studie Ju\u0308rgen", "--db", db).err()).contains("already");
  }

  @Test
  void suggestedCommandsNameTheServerAndQuoteTheProject() {
    String init = CliRun.ok("init", "team study", "--db", db).out();
    assertThat(init).contains("import 'team study' --db …");
    String added = CliRun.ok("category", "add", "team study", "Silence", "--parent", "Giving space", "--why", "pilot",
        "--db", db).out();
    assertThat(added).contains("category undo 'team study' --db …");
    CliRun.ok("demo", "--db", db, "--out", "team demo");
    assertThat(CliRun.ok("consensus", "team demo", "--coders", "jonas,mira", "--db", db).out())
        .contains("consensus decide 'team demo' --db … ID --take");
  }

  @Test
  void aDemoUnderAnotherNameRebuildsToo() throws Exception {
    CliRun.ok("demo", "--db", db, "--out", "teaching");
    CliRun again = CliRun.ok("demo", "--db", db, "--out", "teaching");
    assertThat(again.out()).contains("352 codings").contains("stats teaching --db …");
    // a project that holds more than the demo is not replaced, whatever its name
    java.nio.file.Path extra = java.nio.file.Files.writeString(dir.resolve("extra.txt"), "I: Hello.\nB: Hi.\n");
    CliRun.ok("import", "teaching", "--db", db, extra.toString());
    assertThat(CliRun.of("demo", "--db", db, "--out", "teaching").err()).contains("already has a project named");
  }
}
