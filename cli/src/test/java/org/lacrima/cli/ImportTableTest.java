package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.testing.SharedData;

class ImportTableTest {

  @TempDir
  Path dir;

  private String p;

  @BeforeEach
  void init() {
    p = dir.resolve("t.lacrima").toString();
    CliRun.ok("init", p, "--empty");
  }

  private Path table(String csv) throws IOException {
    return Files.writeString(dir.resolve("t.csv"), csv, StandardCharsets.UTF_8);
  }

  @Test
  void turnsRowsIntoTurnsAndCellsIntoEachCodersCodings() throws IOException {
    Path t = table("""
        session,utt,who,text,rater,behaviour,reflection,topic
        s1,1,therapist,How are you?,r1,question,false,grief
        s1,1,therapist,How are you?,r2,question,n/a,grief
        s1,2,client,Sad.,r1,n/a,,grief
        s1,2,client,Sad.,r2,n/a,,grief
        s1,3,therapist,You feel sad.,r1,reflection,true,grief
        s1,3,therapist,You feel sad.,r2,other,TRUE,grief
        """);
    CliRun run = CliRun.ok("import-table", p, t.toString(), "--doc", "session", "--order", "utt", "--speaker", "who",
        "--text", "text", "--coder", "rater", "--code", "behaviour", "--flag", "reflection", "--doc-var", "topic");
    assertThat(run.out()).contains("1 documents, 3 units, 6 codings, 7 judged cells").contains("New coders: r1, r2");
    String tree = CliRun.ok("codebook", p).out();
    assertThat(tree).contains("behaviour").contains("[children exclusive]").contains("question").contains("reflection");
    String codings = CliRun.ok("codings", "export", p).out();
    assertThat(codings).contains(",s1,r1,").contains("behaviour > question").contains(",How are you?,");
    assertThat(codings.lines().filter(l -> l.contains("> reflection") || l.contains(",reflection,")).count()).isEqualTo(3);
    assertThat(CliRun.ok("codebook", "log", p).out()).contains("import").contains("1 code column(s) as groups");
    assertThat(CliRun.ok("stats", p).out()).contains("3 turns");
    // undo takes back category operations, not a table's documents and codings: refused, nothing changed
    assertThat(CliRun.of("category", "undo", p, "--why", "oops").err())
        .contains("an import's categories can be taken back only while nothing is coded or judged with them");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(codings);
    // a second import may reuse the categories, but never code into a retired one
    CliRun.ok("category", "retire", p, "behaviour > other", "--why", "no longer coded");
    assertThat(CliRun.of("import-table", p, t.toString(), "--doc", "session", "--order", "utt", "--text", "text",
        "--coder", "rater", "--code", "behaviour").err()).contains("\"other\" exists but is retired");
  }

  @Test
  void anImportInUseIsPassedOverByUndoAndOneThatCreatesNothingIsNotLogged() throws IOException {
    CliRun.ok("category", "add", p, "Themes", "--why", "a first category of our own");
    Path t = table("doc,n,text,coder,mood\nd,1,Hello,a,calm\n");
    CliRun.ok("import-table", p, t.toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder",
        "--code", "mood");
    Path again = table("doc,n,text,coder,mood\ne,1,Hi,a,calm\n");
    assertThat(CliRun.ok("import-table", p, again.toString(), "--doc", "doc", "--order", "n", "--text", "text",
        "--coder", "coder", "--code", "mood").out()).contains("the category system is unchanged");
    assertThat(CliRun.ok("codebook", "log", p).out().lines().filter(l -> l.matches("#\\d+ .* import .*"))).hasSize(1);

    // "calm" carries codings, so the import stays; the category added before it can still be taken back
    assertThat(CliRun.ok("category", "undo", p, "--why", "not needed").out()).contains("passing over import #");
    assertThat(CliRun.ok("codebook", p).out()).doesNotContain("Themes").contains("mood").contains("calm");
    assertThat(CliRun.ok("stats", p).out()).contains("2 documents");
    assertThat(CliRun.of("category", "undo", p, "--why", "once more").err())
        .contains("cannot undo #3 (import)").contains("one of the categories it created, has");
  }

  @Test
  void anImportIsUndoneWhileNothingIsCodedOrJudgedWithItsCategories() throws IOException {
    Path open = table("doc,n,text,coder,mood\nd,1,Hello,a,n/a\n");
    CliRun.ok("import-table", p, open.toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder",
        "--code", "mood");
    assertThat(CliRun.ok("codebook", p).out()).contains("mood");
    CliRun.ok("category", "undo", p, "--why", "the column was empty");
    assertThat(CliRun.ok("codebook", p).out()).doesNotContain("mood");
    // its documents are not category operations: they stay
    assertThat(CliRun.ok("stats", p).out()).contains("1 documents");
  }

  @Test
  void refusesAUnitWhoseTextDiffersBetweenRowsAndChangesNothing() throws IOException {
    Path t = table("doc,n,text,coder,code\nd,1,Hello,a,x\nd,1,Hallo,b,x\n");
    String before = CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out();
    CliRun run = CliRun.of("import-table", p, t.toString(), "--doc", "doc", "--order", "n", "--text", "text",
        "--coder", "coder", "--code", "code");
    assertThat(run.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(run.err()).contains("line 3").contains("another text than on line 2");
    assertThat(CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out()).isEqualTo(before);
    Path flags = table("doc,n,text,coder,f\nd,1,Hello,a,maybe\n");
    assertThat(CliRun.of("import-table", p, flags.toString(), "--doc", "doc", "--order", "n", "--text", "text",
        "--coder", "coder", "--flag", "f").err()).contains("line 2").contains("a flag is true/yes/1");
    Path ordinal = table("doc,n,text,coder,level\nd,1,Hello,a,huge\n");
    assertThat(CliRun.of("import-table", p, ordinal.toString(), "--doc", "doc", "--order", "n", "--text", "text",
        "--coder", "coder", "--code", "level", "--scale", "level=ordinal:low,mid,high").err())
        .contains("line 2").contains("not among its ordinal values");
    Path nested = table("doc,n,text,coder,theme\nd,1,Hello,a,loss > grief\n");
    assertThat(CliRun.of("import-table", p, nested.toString(), "--doc", "doc", "--order", "n", "--text", "text",
        "--coder", "coder", "--code", "theme").err()).contains("t.csv").contains("\"loss > grief\" contains \" > \"");
    assertThat(CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out()).isEqualTo(before);
  }

  @Test
  void importsAnnoMiAsItIs() {
    Path annomi = SharedData.require("corpora/annomi/AnnoMI-full.csv");
    CliRun run = CliRun.ok("import-table", p, annomi.toString(), "--doc", "transcript_id", "--order", "utterance_id",
        "--speaker", "interlocutor", "--text", "utterance_text", "--coder", "annotator_id", "--time", "timestamp",
        "--code", "main_therapist_behaviour", "--code", "client_talk_type", "--doc-var", "topic", "--doc-var", "mi_quality");
    // 133 transcripts; 13,551 rows of which the 7 transcripts coded by 10 annotators repeat each utterance
    assertThat(run.out()).contains("133 documents");
    assertThat(CliRun.ok("stats", p).out()).contains("133 documents").contains("question").contains("sustain");
  }
}
