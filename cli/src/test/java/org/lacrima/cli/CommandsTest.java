package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end on a project file, as a researcher runs them. */
class CommandsTest {

  @TempDir
  Path dir;

  private String project;

  @BeforeEach
  void init() {
    project = dir.resolve("study.lacrima").toString();
    CliRun.ok("init", project);
  }

  @Test
  void refusesFilesThatWouldMakeADocumentOfNothingOrTwoOfOne() throws IOException {
    Path good = write("good.txt", "I: Wie war das?\nB: Schwer.\n", StandardCharsets.UTF_8);
    Path invisible = write("invisible.txt", "\u00a0\u200b\n\u00a0\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("import", project, good.toString(), invisible.toString()).err())
        .contains("invisible.txt: is empty (blanks or invisible characters only)");
    assertThat(CliRun.of("import", project, good.toString(), good.toString()).err())
        .contains("good.txt: is named twice in this import");
    Path nameless = write(".txt", "I: a\nB: b\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("import", project, nameless.toString()).err()).contains("has no name before its extension");
    assertThat(CliRun.ok("stats", project).out()).contains("0 documents");
    // a variable cell of a no-break space is an empty cell, as it looks
    Path vars = write("vars.csv", "document,interviewer\ngood,\u00a0\n", StandardCharsets.UTF_8);
    assertThat(CliRun.ok("import", project, good.toString(), "--vars", vars.toString()).out()).contains("good")
        .doesNotContain("interviewer=");
  }

  private Path write(String name, String text, Charset cs) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(cs));
  }

  /** What a project holds, as the commands show it: every coding and the statistics. */
  private String snapshot() {
    return CliRun.ok("codings", "export", project).out() + CliRun.ok("stats", project).out();
  }

  @Test
  void importsTranscriptsInTheirEncodingsWithVariables() throws IOException {
    Path utf8 = write("pdt-01.txt", "I: Erinnern Sie sich?\nB: Ja, sie weinte – leise.\n", StandardCharsets.UTF_8);
    Path cp1252 = write("cbt-01.txt", "I: Und Sie?\r\nB: Tränen sind okay.\r\n", Charset.forName("windows-1252"));
    byte[] utf16 = ("\uFEFFI: Und dann?\nB: Ich schwieg.\n").getBytes(StandardCharsets.UTF_16LE);
    Path bom = Files.write(dir.resolve("st-01.txt"), utf16);
    Path docx = dir.resolve("st-02.docx");
    try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
      doc.createParagraph().createRun().setText("I: Frage");
      doc.createParagraph().createRun().setText("B: Antwort");
      doc.write(out);
    }
    Path vars = write("vars.csv", "document;orientation;experience_years\npdt-01;PDT;12\ncbt-01;VT;3\nst-01;ST;\nst-02;systemisch;1\n",
        StandardCharsets.UTF_8);
    CliRun run = CliRun.ok("import", project, utf8.toString(), cp1252.toString(), bom.toString(), docx.toString(),
        "--vars", vars.toString(), "--var", "interviewer=HR");
    assertThat(run.out()).contains("Imported 4 documents")
        .containsPattern("cbt-01\\s+Windows-1252").containsPattern("st-01\\s+UTF-16LE \\(with BOM\\)")
        .containsPattern("pdt-01\\s+UTF-8 ").contains("orientation=CBT").contains("interviewer=HR");
    String stats = CliRun.ok("stats", project).out();
    assertThat(stats).contains("4 documents").contains("8 turns").contains("Documents by orientation: CBT 1, PDT 1, ST 2");
  }

  @Test
  void showsTheSpeakersItFoundInEachDocument() throws IOException {
    // "Ich dachte:" recurs at line starts, so it is taken for a speaker; the output lets one see that
    Path t = write("b.txt", "I: Wie war das?\nB: Ich weiß nicht.\nIch dachte: jetzt weine ich.\n"
        + "I: Und dann?\nB: Nichts.\nIch dachte: bloß nicht.\n", StandardCharsets.UTF_8);
    CliRun run = CliRun.ok("import", project, t.toString());
    assertThat(run.out()).contains("    speakers: I (2 turns), B (2 turns), Ich dachte (2 turns)\n")
        .contains("Taken for speakers only because they recur at line starts: \"Ich dachte\" (b). If one is not a "
            + "speaker, name the real ones with --speakers.");
    Path named = write("c.txt", "I: Wie war das?\nB: Ich weiß nicht.\nIch dachte: jetzt weine ich.\n"
        + "I: Und dann?\nB: Nichts.\nIch dachte: bloß nicht.\n", StandardCharsets.UTF_8);
    CliRun again = CliRun.ok("import", project, named.toString(), "--speakers", "I,B");
    assertThat(again.out()).contains("    speakers: I (2 turns), B (2 turns)\n").doesNotContain("--speakers");
  }

  @Test
  void speakersNamedButNeverFoundAreSaidSo() throws IOException {
    Path t = write("once.txt", "I: Wie war das?\nB: Sie weinte.\n", StandardCharsets.UTF_8);
    assertThat(CliRun.ok("import", project, t.toString(), "--speakers", "X,Y").out())
        .contains("none of their lines starts with a label of --speakers (X, Y) and a colon")
        .doesNotContain("name their labels with --speakers");
    Path typo = write("typo.txt", "I: Wie war das?\nB: Sie weinte.\n", StandardCharsets.UTF_8);
    assertThat(CliRun.ok("import", project, typo.toString(), "--speakers", "I,Interviewer,b").out())
        .contains("    speakers: I (1 turn), B (1 turn)\n")
        .contains("Note: no turn of this document begins with the --speakers label \"Interviewer\"; check the "
            + "spelling against the speakers found (listed above).");
  }

  @Test
  void refusesVariablesThatAreNotWhatTheySeem() throws IOException {
    Path t = write("a.txt", "I: Wie war das?\nB: Sie weinte.\n", StandardCharsets.UTF_8);
    String before = snapshot();
    CliRun given = CliRun.of("import", project, t.toString(), "--var", "orientation=PDT", "--var", "orientation=CBT");
    assertThat(given.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(given.err()).contains("--var orientation is given twice, as \"PDT\" and as \"CBT\"; give each variable "
        + "once").doesNotContain("Exception").doesNotContain("invoke");
    CliRun hex = CliRun.of("import", project, t.toString(), "--var", "experience_years=0x10p0");
    assertThat(hex.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(hex.err()).contains("experience_years \"0x10p0\" is not a number of years");
    Path vars = write("vars.csv", "document,experience years,experience_years\na,10,12\n", StandardCharsets.UTF_8);
    CliRun twice = CliRun.of("import", project, t.toString(), "--vars", vars.toString());
    assertThat(twice.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(twice.err()).contains("vars.csv, line 1: the columns \"experience years\" and \"experience_years\" "
        + "both name the variable experience_years; keep one of them");
    // a column name no variable can have is the header's fault, whatever line the first row stands on
    Path broken = write("broken.csv", "document,\"inter\nviewer\"\na,HR\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("import", project, t.toString(), "--vars", broken.toString()).err())
        .contains("broken.csv, line 1: \"inter viewer\" is not a usable variable name");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void refusesABatchWithOneBadFileAndChangesNothing() throws IOException {
    Path good = write("a.txt", "I: gut\nB: ja\n", StandardCharsets.UTF_8);
    Path binary = Files.write(dir.resolve("b.txt"), new byte[] {'I', ':', 0, 1, 2});
    String before = snapshot();
    CliRun run = CliRun.of("import", project, good.toString(), binary.toString());
    assertThat(run.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(run.err()).contains("b.txt, byte offset 2").contains("NUL");
    assertThat(snapshot()).isEqualTo(before);

    CliRun.ok("import", project, good.toString());
    String withA = snapshot();
    Path again = write("sub-a.txt", "x", StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("other"));
    Path sameName = Files.copy(again, dir.resolve("other/a.txt"));
    CliRun duplicate = CliRun.of("import", project, sameName.toString());
    assertThat(duplicate.err()).contains("already has a document named \"a\"");
    Path empty = write("c.txt", "  \n\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("import", project, empty.toString()).err()).contains("c.txt: is empty");
    Path vars = write("v.csv", "document,orientation\nc,PDT\nd,Freud\n", StandardCharsets.UTF_8);
    Path c = write("d.txt", "I: x\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("import", project, c.toString(), "--vars", vars.toString()).err())
        .contains("v.csv, line 2: no document named \"c\"");
    assertThat(snapshot()).isEqualTo(withA);
  }

  @Test
  void segmentsAdjustsUnitsAndProtectsManualWork() throws IOException {
    Path t = write("a.txt", "I: Frage eins. Frage zwei.\nB: Antwort z. B. so. Und weiter.\n", StandardCharsets.UTF_8);
    CliRun.ok("import", project, t.toString());
    CliRun.ok("segment", project, "--by", "sentence");
    assertThat(CliRun.ok("units", "list", project, "a").out())
        .contains("1 ").contains("Frage eins.").contains("Antwort z. B. so.").contains("Und weiter.");
    CliRun.ok("units", "merge", project, "a", "1", "2");
    assertThat(CliRun.ok("units", "list", project, "a").out()).containsPattern("merged +Frage eins. Frage zwei.");
    // where --before finds nothing to split before, it says why
    assertThat(CliRun.of("units", "split", project, "a", "1", "--before", "Frage eins").err())
        .contains("is where the unit starts; a split there leaves nothing before it");
    assertThat(CliRun.of("units", "split", project, "a", "1", "--before", "Frage drei").err())
        .contains("does not occur in the unit");
    CliRun.ok("units", "split", project, "a", "1", "--before", "Frage zwei");
    String units = CliRun.ok("units", "list", project, "a").out();
    assertThat(units.lines()).hasSize(5); // the header and four units
    assertThat(units).containsPattern("split +Frage eins.\\n").containsPattern("split +Frage zwei.\\n");
    CliRun across = CliRun.of("units", "merge", project, "a", "2", "3");
    assertThat(across.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(across.err()).contains("units 2 to 3").contains("different speaker turns (I, B)");
    assertThat(CliRun.ok("units", "list", project, "a").out()).isEqualTo(units);
    CliRun again = CliRun.of("segment", project, "--by", "turn");
    assertThat(again.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(again.err()).contains("adjusted by hand").contains("--replace");
    assertThat(CliRun.ok("units", "list", project, "a").out()).isEqualTo(units);
    CliRun.ok("segment", project, "--by", "turn", "--replace");
    assertThat(CliRun.ok("units", "list", project, "a").out().lines()).hasSize(3);

    // field notes without speaker labels do not stop the others, and are named; asked for by name, they refuse
    Path notes = write("notes.txt", "Sie weinte lange.\nDanach sprachen wir über den Abschied.\n", StandardCharsets.UTF_8);
    CliRun.ok("import", project, notes.toString());
    String segmented = CliRun.ok("segment", project, "--by", "turn", "--replace").out();
    assertThat(segmented).contains("Proposed 2 meaning units").contains("no speaker turns: notes")
        .contains("--by sentence --documents notes");
    assertThat(CliRun.of("segment", project, "--by", "turn", "--documents", "notes").err())
        .contains("has no speaker turns");
  }

  @Test
  void importsCodingsNamingCategoriesEveryWayAndRoundTripsThemExactly() throws IOException {
    Path t = write("a.txt", "I: Wie war das?\nB: Sie weinte wütend. Ich schwieg. Sie weinte wütend.\n", StandardCharsets.UTF_8);
    CliRun.ok("import", project, t.toString());
    Path codings = write("codings.csv", String.join("\n",
        "document,start,end,quote,occurrence,category,coder,memo",
        "a,,,Ich schwieg.,,Pause,mira,",
        "a,,,Sie weinte wütend.,2,Protestweinen,mira,\"zweites Mal, \"\"wütend\"\"\"",
        "a,,,Sie weinte wütend.,1,Interventions > Giving space > Pause,jonas,",
        "a,19,37,,,7c31eb4f-80d4-4aa4-915e-dbda79486214,jonas,\"  - offsets\n    - indented\n\"",
        "a,0,2,,,Pause,jonas,\"  \n \"",
        ""), StandardCharsets.UTF_8);
    CliRun imported = CliRun.ok("codings", "import", project, codings.toString());
    assertThat(imported.out()).contains("Read 5 rows").contains("5 codings added").contains("New coder: mira")
        .contains("New coder: jonas");
    Path exported = dir.resolve("export.csv");
    CliRun.ok("codings", "export", project, "-o", exported.toString());
    String csv = Files.readString(exported);
    assertThat(csv).startsWith("id,document,coder,category_id,category_path,start,end,text,memo")
        .contains("Assumptions > Forms of emotional crying > Protest crying")
        .contains("\"zweites Mal, \"\"wütend\"\"\"")
        // a memo keeps its indentation and its last line end; one of only blanks is no memo
        .contains(",\"  - offsets\n    - indented\n\"\r\n").contains(",I:,\r\n");

    String second = dir.resolve("second.lacrima").toString();
    CliRun.ok("init", second);
    CliRun.ok("import", second, t.toString());
    CliRun.ok("codings", "import", second, exported.toString());
    Path exportedAgain = dir.resolve("again.csv");
    CliRun.ok("codings", "export", second, "-o", exportedAgain.toString());
    assertThat(Files.readAllBytes(exportedAgain)).isEqualTo(Files.readAllBytes(exported));
  }

  /** A two-turn interview of this name, imported into the project. */
  private Path shortInterview(String name) throws IOException {
    Path t = write(name + ".txt", "I: Hello there, how are you today?\nB: I cried a lot yesterday, you know.\n",
        StandardCharsets.UTF_8);
    CliRun.ok("import", project, t.toString());
    return t;
  }

  @Test
  void anExportImportsBackToTheSameBytesWhateverOrderItsCodersCameIn() throws IOException {
    Path t = shortInterview("doc1");
    // anna comes into the project first, but ben's coding comes first in the file by its span
    Path codings = write("in.csv", "document,start,end,category,coder\ndoc1,10,20,Pause,anna\ndoc1,0,5,Pause,ben\n"
        + "doc1,10,20,Pause,ben\ndoc1,10,20,Exploring facts,anna\n", StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", project, codings.toString());
    String first = CliRun.ok("codings", "export", project).out();
    String second = dir.resolve("second.lacrima").toString();
    CliRun.ok("init", second);
    CliRun.ok("import", second, t.toString());
    CliRun.ok("codings", "import", second, write("first.csv", first, StandardCharsets.UTF_8).toString());
    assertThat(CliRun.ok("codings", "export", second).out()).isEqualTo(first);
    assertThat(first.lines().skip(1).map(l -> l.split(",")[2] + " " + l.split(",")[5] + " " + l.split(",")[4]))
        .containsExactly("ben 0 Interventions > Giving space > Pause",
            "anna 10 Interventions > Giving space > Pause", "anna 10 Interventions > Neutralizing > Exploring facts",
            "ben 10 Interventions > Giving space > Pause");
  }

  @Test
  void saysWhereTheCategoryColumnsOfARowNameTwoCategories() throws IOException {
    shortInterview("d1");
    // an exported row recoded by editing its path only: the id still names Protest crying
    Path codings = write("recoded.csv", "document,start,end,category_id,category_path,coder\n"
        + "d1,3,13,72f6b500-09dd-40e7-aadc-a83261ac0172,Assumptions > Forms of emotional crying > Positive crying,ben\n"
        + "d1,3,13,72f6b500-09dd-40e7-aadc-a83261ac0172,Assumptions > Forms of emotional crying > Protest crying,ann\n",
        StandardCharsets.UTF_8);
    assertThat(CliRun.ok("codings", "import", project, codings.toString()).out())
        .contains("Note: on 1 row (line 2) the category columns name two different categories; the first of "
            + "category_id, category_path and category was used");
    assertThat(CliRun.ok("codings", "export", project).out()).contains(",ben,72f6b500-09dd-40e7-aadc-a83261ac0172,");
  }

  /** A column no coding is read from is named, and so is a text column beside the quote that is read instead. */
  @Test
  void namesTheColumnsACodingsImportDoesNotRead() throws IOException {
    shortInterview("d1");
    Path codings = write("both.csv", "document,quote,text,category,coder,page\n"
        + "d1,how are you,something else,Protest crying,ben,4\n", StandardCharsets.UTF_8);
    assertThat(CliRun.ok("codings", "import", project, codings.toString()).out())
        .contains("Note: not read, as no part of a coding stands there: the columns text, page (the quote column is "
            + "read).");
    assertThat(CliRun.ok("codings", "export", project).out()).contains(",how are you,");
  }

  @Test
  void codingsOnRetiredAndSplitCategoriesRoundTripExactly() throws IOException {
    Path t = write("a.txt", "I: Wie war das?\nB: Sie weinte um die Mutter. Ich schwieg lange.\n", StandardCharsets.UTF_8);
    for (String p : new String[] {project, dir.resolve("second.lacrima").toString()}) {
      if (!p.equals(project)) {
        CliRun.ok("init", p);
      }
      CliRun.ok("import", p, t.toString());
    }
    CliRun.ok("codings", "import", project, write("codings.csv", String.join("\n",
        "document,quote,category,coder,memo",
        "a,Ich schwieg lange.,Pause,mira,long silence",
        "a,Sie weinte um die Mutter.,Crying in grief,mira,",
        "a,Sie weinte um die Mutter.,Crying in grief,jonas,loss",
        ""), StandardCharsets.UTF_8).toString());
    String second = dir.resolve("second.lacrima").toString();
    for (String p : new String[] {project, second}) {
      CliRun.ok("category", "retire", p, "Pause", "--why", "the team codes silence elsewhere");
      CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
          "Grief about a separation", "--why", "two kinds of loss");
    }
    Path exported = dir.resolve("export.csv");
    CliRun.ok("codings", "export", project, "-o", exported.toString());
    assertThat(Files.readString(exported)).contains(",Interventions > Giving space > Pause,")
        .contains(",Assumptions > Forms of emotional crying > Crying in grief,");

    // the project's own export goes back in as a repetition of what it holds
    String before = snapshot();
    CliRun again = CliRun.ok("codings", "import", project, exported.toString());
    assertThat(again.out()).contains("Read 3 rows").contains("0 codings added");
    assertThat(snapshot()).isEqualTo(before);
    // so does a row that repeats a stored decision without its id
    CliRun.ok("codings", "import", project, write("repeat.csv",
        "document,quote,category,coder\na,Ich schwieg lange.,Pause,mira\n", StandardCharsets.UTF_8).toString());
    assertThat(snapshot()).isEqualTo(before);
    // but a new decision on a retired category is still refused
    assertThat(CliRun.of("codings", "import", project, write("new.csv",
        "document,quote,category,coder\na,Ich schwieg lange.,Pause,lea\n", StandardCharsets.UTF_8).toString()).err())
        .contains("new.csv, line 2").contains("\"Pause\" is retired and takes no new codings");

    // another project where those categories are retired and split already does not hold these decisions: there
    // they would be new codings on categories that take none, ids or not (any UUID could be written in)
    assertThat(CliRun.of("codings", "import", second, exported.toString()).err()).contains("export.csv, line 2")
        .contains("takes no new codings");
    assertThat(CliRun.ok("codings", "export", second).out().lines()).hasSize(1);
  }

  @Test
  void anUnknownCategoryIdFallsBackToTheCategoryPath() throws IOException {
    Path t = write("a.txt", "I: Wie war das?\nB: Sie weinte.\n", StandardCharsets.UTF_8);
    CliRun.ok("import", project, t.toString());
    // the id of a category made in another project, with the path that names it here too
    Path codings = write("codings.csv", String.join("\n",
        "id,document,coder,category_id,category_path,start,end,text,memo",
        "018f4c2e-0000-7000-8000-000000000001,a,mira,018f4c2e-0000-7000-8000-0000000000aa,"
            + "Interventions > Giving space > Letting narrate,19,30,Sie weinte.,",
        "018f4c2e-0000-7000-8000-000000000002,a,mira,018f4c2e-0000-7000-8000-0000000000bb,"
            + "Interventions > Giving space > No such category,19,30,Sie weinte.,",
        ""), StandardCharsets.UTF_8);
    CliRun refused = CliRun.of("codings", "import", project, codings.toString());
    assertThat(refused.err()).contains("codings.csv, line 3: no category with id 018f4c2e-0000-7000-8000-0000000000bb")
        .contains("No such category");
    // a coder's name is printed in every table and log: one line, and short
    Path oddCoders = write("coders.csv", "document,start,end,category,coder\na,19,30,Pause,\"mi\nra\"\n",
        StandardCharsets.UTF_8);
    assertThat(CliRun.of("codings", "import", project, oddCoders.toString()).err())
        .contains("coders.csv, line 2: the coder's name holds a line break");
    Path override = write("override.csv", "document,start,end,category,coder\na,19,30,Pause,mira\u202e\n",
        StandardCharsets.UTF_8);
    assertThat(CliRun.of("codings", "import", project, override.toString()).err())
        .contains("override.csv, line 2: the coder's name holds a line break, tab, control character or direction");
    Path longCoder = write("long.csv", "document,start,end,category,coder\na,19,30,Pause," + "m".repeat(201) + "\n",
        StandardCharsets.UTF_8);
    assertThat(CliRun.of("codings", "import", project, longCoder.toString()).err())
        .contains("long.csv, line 2: the coder's name is 201 characters long");
    Files.writeString(codings, Files.readAllLines(codings).subList(0, 2).stream().map(l -> l + "\n")
        .reduce("", String::concat));
    CliRun.ok("codings", "import", project, codings.toString());
    assertThat(CliRun.ok("codings", "export", project).out())
        .contains("018f4c2e-0000-7000-8000-000000000001,a,mira,")
        .contains(",Interventions > Giving space > Letting narrate,19,30,Sie weinte.,");
  }

  @Test
  void namesMeanTheSameDecomposedOrWithStraySpaces() throws IOException {
    // a file name as a Mac writes it (decomposed) and with a space before the extension
    Path t = write("Sitzung Ma\u0308rz .txt", "I: Wie war das?\nB: Sie weinte.\n", StandardCharsets.UTF_8);
    Path vars = write("vars.csv", "document,orientation\nSitzung Ma\u0308rz,PDT\n", StandardCharsets.UTF_8);
    CliRun.ok("import", project, t.toString(), "--vars", vars.toString());
    Path codings = write("codings.csv", String.join("\n",
        "document,quote,category,coder",
        "Sitzung März,Sie weinte.,U\u0308berwa\u0308ltigtes Weinen ,Ju\u0308rgen",
        "Sitzung März ,Wie war das?,Überwältigtes Weinen,Jürgen",
        ""), StandardCharsets.UTF_8);
    CliRun imported = CliRun.ok("codings", "import", project, codings.toString());
    assertThat(imported.out()).contains("2 codings added").contains("New coder: Jürgen");
    assertThat(imported.out().lines().filter(l -> l.startsWith("New coder")).count()).isEqualTo(1);
    // a name that differs only in case is a second coder, and said to be
    Path cased = write("cased.csv", "document,quote,category,coder\nSitzung März,Sie weinte.,Pause,jürgen\n",
        StandardCharsets.UTF_8);
    assertThat(CliRun.ok("codings", "import", project, cased.toString()).out())
        .contains("New coder: jürgen  (note: the project has \"Jürgen\", which differs only in case");
    // and within one file, every spelling named
    Path twice = write("twice.csv", "document,quote,category,coder\nSitzung März,Sie weinte.,Pause,JÜRGEN\n"
        + "Sitzung März,Wie war das?,Pause,jÜrgen\n", StandardCharsets.UTF_8);
    assertThat(CliRun.ok("codings", "import", project, twice.toString()).out())
        .contains("New coder: JÜRGEN  (note: the project has \"Jürgen\" and \"jürgen\" and \"jÜrgen\", which differ only "
            + "in case; names are exact, so this is another coder)")
        .contains("New coder: jÜrgen  (note: the project has \"Jürgen\" and \"jürgen\" and \"JÜRGEN\", which differ");
    // a zero-width space shows nowhere, but makes another coder
    Path hidden = write("hidden.csv", "document,quote,category,coder\nSitzung März,Sie weinte.,Pause,Jür\u200Bgen\n",
        StandardCharsets.UTF_8);
    assertThat(CliRun.ok("codings", "import", project, hidden.toString()).out()).contains("New coder: Jür\u200Bgen  "
        + "(note: the project has ").contains("\"Jürgen\"").contains("only in case or in characters that do not show "
        + "(such as a zero-width space); names are exact, so this is another coder)");
    String csv = CliRun.ok("codings", "export", project).out();
    assertThat(csv).contains(",Sitzung März,Jürgen,").contains("Overwhelmed crying");
    assertThat(CliRun.ok("stats", project).out()).contains("Documents by orientation: PDT 1");
    // variables alone, for documents imported before: a corrected orientation
    Path corrected = write("corrected.csv", "document,orientation\nSitzung März,CBT\n", StandardCharsets.UTF_8);
    assertThat(CliRun.ok("import", project, "--vars", corrected.toString()).out())
        .contains("Sitzung März: orientation PDT -> CBT").doesNotContain("Imported");
    assertThat(CliRun.ok("stats", project).out()).contains("Documents by orientation: CBT 1");
    assertThat(CliRun.ok("import", project, "--vars", corrected.toString()).out()).contains("change no document");
    assertThat(CliRun.of("import", project).err()).contains("name the transcripts to import, or --vars FILE.csv");
  }

  @Test
  void aBadCodingsRowIsNamedAndNothingLands() throws IOException {
    Path t = write("a.txt", "I: Wie war das?\nB: Sie weinte.\n", StandardCharsets.UTF_8);
    CliRun.ok("import", project, t.toString());
    String before = snapshot();
    Path codings = write("codings.csv", "document,quote,category,coder\na,Sie weinte.,Pause,mira\na,Er lachte.,Pause,mira\n",
        StandardCharsets.UTF_8);
    CliRun run = CliRun.of("codings", "import", project, codings.toString());
    assertThat(run.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(run.err()).contains("codings.csv, line 3: the quote \"Er lachte.\" does not occur in \"a\"");
    assertThat(snapshot()).isEqualTo(before);
    // offsets counted in UTF-16 units, as a spreadsheet or a JavaScript tool counts them: one later per emoji
    Path emoji = write("e.txt", "I: Wie war das \uD83D\uDE22?\nB: Sie weinte.\n", StandardCharsets.UTF_8);
    CliRun.ok("import", project, emoji.toString());
    int utf16 = "I: Wie war das \uD83D\uDE22?\nB: ".length();
    Path shifted = write("shifted.csv", "document,start,end,quote,category,coder\ne," + utf16 + ","
        + (utf16 + 11) + ",Sie weinte.,Pause,mira\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("codings", "import", project, shifted.toString()).err())
        .contains("the quote does not match the text at " + utf16 + ".." + (utf16 + 11))
        .contains("it stands at " + (utf16 - 1) + ".." + (utf16 + 10) + ": offsets count characters (code points)");
  }

  @Test
  void printsAndExportsTheCodebook() throws IOException {
    assertThat(CliRun.ok("codebook").out()).contains("├─ Forms of emotional crying").contains("is the basis for");
    assertThat(CliRun.ok("codebook", project, "--lang", "de").out()).contains("Protestweinen").contains("Annahmen")
        .contains(", Projekt ").contains("Quelle: ").contains("(ist Grundlage für (is the basis for))")
        .contains("Übersetzung: Eigene Übersetzung des Lacrima-Projekts; nicht Teil der Originalpublikation.")
        .doesNotContain("Source:").doesNotContain("Relations between");
    assertThat(CliRun.ok("codebook").out()).doesNotContain("Übersetzung");
    for (String format : new String[] {"markdown", "html", "docx", "json"}) {
      Path out = dir.resolve("codebook." + format);
      CliRun.ok("codebook", "export", project, "--format", format, "-o", out.toString());
      assertThat(Files.size(out)).as(format).isGreaterThan(10_000);
    }
    assertThat(Files.readString(dir.resolve("codebook.json"))).contains("\"often_associated_with\"");
    CliRun unknown = CliRun.of("codebook", "export", "--format", "pdf", "-o", dir.resolve("x.pdf").toString());
    assertThat(unknown.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(unknown.err()).contains("markdown");
    // without -o, the text formats go to the terminal, the same bytes as the file
    assertThat(CliRun.ok("codebook", "export", project, "--format", "json").out())
        .isEqualTo(Files.readString(dir.resolve("codebook.json")));
    assertThat(CliRun.of("codebook", "export", project, "--format", "docx").err()).contains("-o FILE.docx");
  }

  @Test
  void anEmptyProjectHasNoCategoriesAndRefusesCodings() throws IOException {
    String empty = dir.resolve("empty.lacrima").toString();
    assertThat(CliRun.ok("init", empty, "--empty").out()).contains("no categories");
    assertThat(CliRun.ok("codebook", empty).out()).doesNotContain("Protest crying");
    Path t = write("a.txt", "I: x\nB: y\n", StandardCharsets.UTF_8);
    CliRun.ok("import", empty, t.toString());
    Path codings = write("c.csv", "document,start,end,category,coder\na,3,4,Pause,mira\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("codings", "import", empty, codings.toString()).err()).contains("no category named \"Pause\"")
        .contains("category add PROJECT NAME");
    assertThat(CliRun.of("agreement", empty, "--coders", "anna,ben").err())
        .contains("no coder named \"anna\"; the project has no coders yet (codings import makes them)");
  }

  @Test
  void aProjectsCodebookSaysItIsATeamsVersionOnceChanged() throws IOException {
    assertThat(CliRun.ok("codebook", "export", project, "--format", "markdown").out()).doesNotContain("Source");
    CliRun.ok("category", "add", project, "Crying at the door", "--parent", "Forms of emotional crying", "--why", "x");
    assertThat(CliRun.ok("codebook", "export", project, "--format", "markdown").out())
        .contains("a project's version of this system: it differs from release 1.0.0 in 1 place(s)");
    assertThat(CliRun.ok("codebook", "export", project, "--format", "html", "--lang", "de").out())
        .contains("die Fassung eines Projekts: sie weicht an 1 Stelle(n) von Version 1.0.0 ab");
    // the release itself is the release
    assertThat(CliRun.ok("codebook", "export", "--format", "markdown").out()).doesNotContain("a project's version");
    // a frozen version handed out says which it is
    CliRun.ok("codebook", "tag", project, "pilot", "--why", "after the pilot interviews");
    assertThat(CliRun.ok("codebook", "export", project, "--version", "pilot", "--format", "markdown").out())
        .contains("**Source:** the project's version \"pilot\"; a project's version of this system: it differs from "
            + "release 1.0.0 in 1 place(s)");
    assertThat(CliRun.ok("codebook", "export", project, "--version", "base", "--format", "html", "--lang", "de").out())
        .contains("die Fassung „base“ des Projekts</");
  }

  @Test
  void neverWritesAnExportOverAProject() throws IOException {
    String other = dir.resolve("other.lacrima").toString();
    CliRun.ok("init", other);
    byte[] before = Files.readAllBytes(Path.of(other));
    CliRun folder = CliRun.of("codings", "export", project, "-o", dir.toString());
    assertThat(folder.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(folder.err()).contains("-o " + dir + " is a folder; give the name of the file to write");
    CliRun codings = CliRun.of("codings", "export", project, "-o", other);
    assertThat(codings.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(codings.err()).contains("is a project").contains("must not overwrite it");
    CliRun codebook = CliRun.of("codebook", "export", "--format", "json", "-o", other);
    assertThat(codebook.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(Files.readAllBytes(Path.of(other))).isEqualTo(before);
  }

  @Test
  void everyCommandExplainsItselfWithHelp() {
    for (String[] command : new String[][] {{"units", "--help"}, {"segment", "--help"}, {"category", "split", "-h"},
        {"codebook", "export", "--help"}, {"codings", "import", "--help"}}) {
      CliRun run = CliRun.ok(command);
      assertThat(run.out()).as(String.join(" ", command)).contains("Usage:");
    }
    // help names a command at any depth
    assertThat(CliRun.ok("help", "codings", "import").out()).contains("Usage: lacrima codings import");
    assertThat(CliRun.ok("help", "category", "move").out()).contains("Usage: lacrima category move")
        .contains("--before");
    assertThat(CliRun.ok("help").out()).contains("Usage: lacrima").contains("agreement");
    assertThat(CliRun.of("help", "codings", "imprt").err())
        .contains("there is no command \"codings imprt\"; lacrima codings --help lists them");
    // deleting from a server takes a project name there, never a file
    assertThat(CliRun.ok("projects", "delete", "--help").out()).contains("The project's name on the server.")
        .doesNotContain("study.lacrima");
    assertThat(CliRun.of("projects", "delete", project).err()).contains("a project file is deleted as a file");
  }

  @Test
  void aDescriptionIsWrappedAsParagraphsNotLineByLineAsTheSourceHasIt() {
    assertThat(Lacrima.paragraphs(new String[] {"One line", "and its rest.", "", "Another."}))
        .containsExactly("One line and its rest.", "", "Another.");
    // in the source, the description breaks after "on its": wrapped line by line, "document" would start a line
    // after a half-empty one
    String help = CliRun.ok("codings", "delete", "--help").out();
    String description = help.substring(help.indexOf("Delete codings by id (the first"), help.indexOf("when and why."));
    // every line but the paragraph's last filled to near the width of 80
    List<String> lines = description.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(0, 2)).allSatisfy(l -> assertThat(l.length()).isGreaterThan(60));
  }

  @Test
  void explainsAMissingProject() {
    CliRun run = CliRun.of("stats", dir.resolve("nothing.lacrima").toString());
    assertThat(run.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(run.err()).contains("there is no project at").contains("lacrima init");
    assertThat(CliRun.of("init", project).err()).contains("already exists");
  }
}
