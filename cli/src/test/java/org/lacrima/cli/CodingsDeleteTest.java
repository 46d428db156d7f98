package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.coding.Memo;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.store.ProjectLocation;
import org.lacrima.store.ProjectStores;

/** Deleting codings by id: all or none, and never without a trace of what was deleted and why. */
class CodingsDeleteTest {

  @TempDir
  Path dir;

  @Test
  void deletesByIdAndKeepsAMemoOfWhatWasDeleted() throws java.io.IOException {
    Path file = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", file.toString());
    List<String> rows = CliRun.ok("codings", "export", file.toString()).out().lines().skip(1).toList();
    String[] first = rows.get(0).split(",");
    String id = first[0];

    CliRun.ok("codings", "delete", file.toString(), id, "--why", "coded by mistake", "--as", "mira");

    List<String> after = CliRun.ok("codings", "export", file.toString()).out().lines().skip(1).toList();
    assertThat(after).hasSize(rows.size() - 1).noneMatch(r -> r.startsWith(id));
    try (ProjectStore store = ProjectStores.open(new ProjectLocation.SqliteFile(file))) {
      UUID document = store.read(s -> s.documents().byName(first[1]).orElseThrow().id());
      List<Memo> memos = store.read(s -> s.memos().about(Memo.Target.DOCUMENT, document));
      assertThat(memos).anySatisfy(m -> {
        assertThat(m.author()).isEqualTo("mira");
        assertThat(m.text()).contains(id).contains("coded by mistake").contains(first[4]).contains(first[5] + "," + first[6]);
      });
    }
    // and the team can read it without opening the database
    assertThat(CliRun.ok("codings", "memos", file.toString(), first[1]).out()).contains(first[1] + "  ")
        .contains("mira").contains(id).contains("coded by mistake");
    // an export from before the deletion does not bring it back unsaid; without its id the row adds it anew
    Path old = dir.resolve("old.csv");
    java.nio.file.Files.writeString(old, "id,document,coder,category_path,start,end\n" + id + "," + first[1] + ","
        + first[2] + "," + first[4] + "," + first[5] + "," + first[6] + "\n");
    assertThat(CliRun.of("codings", "import", file.toString(), old.toString()).err())
        .contains("old.csv, line 2: coding " + id + " was deleted from this project");
    assertThat(CliRun.ok("codings", "export", file.toString()).out().lines().skip(1).toList()).hasSize(rows.size() - 1);
    java.nio.file.Files.writeString(old, "document,coder,category_path,start,end\n" + first[1] + ","
        + first[2] + "," + first[4] + "," + first[5] + "," + first[6] + "\n");
    CliRun.ok("codings", "import", file.toString(), old.toString());
    assertThat(CliRun.ok("codings", "export", file.toString()).out().lines().skip(1).toList()).hasSize(rows.size());
  }

  @Test
  void theRecordOfADeletedCodingReadsBackAsCsv() throws java.io.IOException {
    Path file = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", file.toString());
    Path csv = java.nio.file.Files.writeString(dir.resolve("c.csv"),
        "document,quote,category,coder,memo\npdt-01,Very little,Pause,kai,\"confrontation, \"\"exposure\"\"\"\n");
    CliRun.ok("codings", "import", file.toString(), csv.toString());
    String id = CliRun.ok("codings", "export", file.toString()).out().lines().filter(l -> l.contains(",kai,"))
        .findFirst().orElseThrow().split(",")[0];
    CliRun.ok("codings", "delete", file.toString(), id, "--why", "test");
    assertThat(CliRun.ok("codings", "memos", file.toString(), "pdt-01").out())
        .contains(",kai,\"confrontation, \"\"exposure\"\"\"");
  }

  @Test
  void anUnknownIdDeletesNothing() {
    Path file = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", file.toString());
    String before = CliRun.ok("codings", "export", file.toString()).out();
    String id = before.lines().skip(1).findFirst().orElseThrow().split(",")[0];
    CliRun refused = CliRun.of("codings", "delete", file.toString(), id, UUID.randomUUID().toString(), "--why", "x");
    assertThat(refused.err()).contains("there is no coding").contains("nothing was deleted");
    assertThat(CliRun.of("codings", "delete", file.toString(), id).err()).contains("--why");
    assertThat(CliRun.ok("codings", "export", file.toString()).out()).isEqualTo(before);
  }

  /** A coding deleted before cannot be edited or deleted again: the refusal says where the memo of it stands. */
  @Test
  void aDeletedCodingIsNamedAsDeletedWhenEditedOrDeletedAgain() {
    Path file = dir.resolve("demo.lacrima");
    CliRun.ok("demo", "--out", file.toString());
    String[] first = CliRun.ok("codings", "export", file.toString()).out().lines().skip(1).findFirst().orElseThrow()
        .split(",");
    CliRun.ok("codings", "delete", file.toString(), first[0], "--why", "coded by mistake");
    String said = "coding " + first[0] + " was deleted from " + first[1] + " (codings memos " + first[1] + " says by "
        + "whom, when and why, and what it was); ";
    assertThat(CliRun.of("codings", "edit", file.toString(), first[0], "--end", "3", "--why", "x").err())
        .contains(said + "nothing was changed");
    assertThat(CliRun.of("codings", "delete", file.toString(), first[0], "--why", "again").err())
        .contains(said + "nothing was deleted");
  }
}
