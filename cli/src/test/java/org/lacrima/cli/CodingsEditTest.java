package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Correcting one coding by id: checked as an import row is, and never without a trace of what it was and why. */
class CodingsEditTest {

  @TempDir
  Path dir;

  private String p;

  @BeforeEach
  void demo() {
    p = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", p);
  }

  /** The export's rows (id, document, coder, category_id, category_path, start, end, …), split naively. */
  private List<String[]> rows() {
    return CliRun.ok("codings", "export", p).out().lines().skip(1).map(l -> l.split(",")).toList();
  }

  private String[] row(String id) {
    return rows().stream().filter(r -> r[0].equals(id)).findFirst().orElseThrow();
  }

  private String[] firstOf(String coder, String categoryPathEnd) {
    return rows().stream().filter(r -> r[2].equals(coder) && r[4].endsWith(categoryPathEnd)).findFirst().orElseThrow();
  }

  @Test
  void changesSpanCategoryAndMemoAndKeepsAMemoOfWhatItWas() {
    String[] before = firstOf("jonas", "> Pause");
    String id = before[0];
    int codings = rows().size();
    int start = Integer.parseInt(before[5]);
    int end = Integer.parseInt(before[6]);

    CliRun done = CliRun.ok("codings", "edit", p, id, "--end", Integer.toString(end - 1), "--category",
        "Letting narrate", "--memo", "a shorter span, and narrating rather than a pause", "--why",
        "recoded in the consensus meeting", "--as", "mira");
    assertThat(done.out()).contains(start + ".." + end + " -> " + start + ".." + (end - 1))
        .contains("Pause -> Interventions > Giving space > Letting narrate");

    String[] after = row(id);
    assertThat(after[1]).isEqualTo(before[1]);
    assertThat(after[2]).isEqualTo("jonas");
    assertThat(after[4]).isEqualTo("Interventions > Giving space > Letting narrate");
    assertThat(after[5] + ".." + after[6]).isEqualTo(start + ".." + (end - 1));
    assertThat(rows()).hasSize(codings);

    String memos = CliRun.ok("codings", "memos", p, before[1]).out();
    assertThat(memos).contains("Coding " + id + " edited by mira. Why: recoded in the consensus meeting")
        .contains("As it was (document, start, end, category, coder, memo): " + before[1] + "," + start + "," + end
            + ",Interventions > Giving space > Pause,jonas,")
        .contains("Now (start, end, category, memo): " + start + ", " + (end - 1) + ", Interventions > Giving space > "
            + "Letting narrate, \"a shorter span, and narrating rather than a pause\"");
  }

  @Test
  void aQuoteGivesTheNewSpanAndAnEmptyMemoRemovesTheMemo() throws java.io.IOException {
    Path csv = java.nio.file.Files.writeString(dir.resolve("c.csv"),
        "document,start,end,category,coder,memo\npdt-01,0,5,Pause,kai,to check\n");
    CliRun.ok("codings", "import", p, csv.toString());
    String id = rows().stream().filter(r -> r[2].equals("kai")).findFirst().orElseThrow()[0];

    CliRun.ok("codings", "edit", p, id, "--quote", "Very little", "--memo", "", "--why", "the pause is later");
    String now = CliRun.ok("codings", "export", p).out().lines().filter(l -> l.startsWith(id)).findFirst()
        .orElseThrow();
    assertThat(now).endsWith(",Very little,");
    String[] fields = now.split(",");
    assertThat(Integer.parseInt(fields[6]) - Integer.parseInt(fields[5])).isEqualTo("Very little".length());
  }

  @Test
  void refusalsChangeNothing() {
    String[] jonas = firstOf("jonas", "> Pause");
    String id = jonas[0];
    String before = CliRun.ok("codings", "export", p).out();

    assertThat(CliRun.of("codings", "edit", p, id, "--end", "5").err()).contains("--why");
    assertThat(CliRun.of("codings", "edit", p, id, "--why", "x").err()).contains("say what to change");
    assertThat(CliRun.of("codings", "edit", p, id, "--category", "Pause", "--why", "x").err())
        .contains("is like that already; nothing was changed");
    assertThat(CliRun.of("codings", "edit", p, UUID.randomUUID().toString(), "--end", "5", "--why", "x").err())
        .contains("there is no coding").contains("nothing was changed");
    assertThat(CliRun.of("codings", "edit", p, id, "--end", "99999999", "--why", "x").err())
        .contains("coding " + id + ": offsets " + jonas[5] + "..99999999 are not a span of \"" + jonas[1] + "\"");
    assertThat(CliRun.of("codings", "edit", p, id, "--start", jonas[6], "--why", "x").err())
        .contains("start < end required");
    assertThat(CliRun.of("codings", "edit", p, id, "--quote", "Very", "--start", "1", "--why", "x").err())
        .contains("not both");
    assertThat(CliRun.of("codings", "edit", p, id, "--quote", "no such words here at all", "--why", "x").err())
        .contains("does not occur in \"" + jonas[1] + "\"");
    assertThat(CliRun.of("codings", "edit", p, id, "--category", "Interventions", "--why", "x").err())
        .contains("groups categories and is not coded itself");
    assertThat(CliRun.of("codings", "edit", p, id, "--category", "No such category", "--why", "x").err())
        .contains("No such category");

    // another of jonas's codings in the document: the decision the edit would make is that one's
    String[] twin = rows().stream().filter(r -> r[2].equals("jonas") && r[1].equals(jonas[1]) && !r[4].equals(jonas[4]))
        .findFirst().orElseThrow();
    assertThat(CliRun.of("codings", "edit", p, id, "--start", twin[5], "--end", twin[6], "--category", twin[3],
        "--why", "x").err()).contains("coding " + twin[0] + " already records this").contains("nothing was changed");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);

    CliRun.ok("category", "retire", p, "Exploring facts", "--why", "folded into support");
    String retired = CliRun.ok("codings", "export", p).out();
    assertThat(CliRun.of("codings", "edit", p, id, "--category", "Exploring facts", "--why", "x").err())
        .contains("\"Exploring facts\" is retired").contains("takes no new codings")
        .contains("lacrima category reactivate opens it again").doesNotContain("this file was written");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(retired);
  }

  @Test
  void aRetiredCategorysCodingKeepsItsCategoryWhenItsBoundaryIsCorrected() {
    String[] facts = firstOf("mira", "> Exploring facts");
    CliRun.ok("category", "retire", p, "Exploring facts", "--why", "folded into support");
    CliRun.ok("codings", "edit", p, facts[0], "--start", Integer.toString(Integer.parseInt(facts[5]) + 1), "--why",
        "one character too early");
    assertThat(row(facts[0])[4]).endsWith("> Exploring facts");
    assertThat(row(facts[0])[5]).isEqualTo(Integer.toString(Integer.parseInt(facts[5]) + 1));
  }

  @Test
  void aCodingInASplitsReviewQueueIsPlacedByTheReviewNotByAnEdit() {
    CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "coder=jonas -> Grief about a death", "--why", "two kinds of loss");
    String[] waiting = firstOf("mira", "> Crying in grief");
    assertThat(CliRun.of("codings", "edit", p, waiting[0], "--category", "Grief about a separation", "--why", "x")
        .err()).contains("waits in the review queue of \"Crying in grief\"").contains("category review");
    assertThat(row(waiting[0])[4]).endsWith("> Crying in grief");
    // its boundary may be corrected while it waits
    CliRun.ok("codings", "edit", p, waiting[0], "--end", Integer.toString(Integer.parseInt(waiting[6]) - 1), "--why",
        "one character too far");
    assertThat(row(waiting[0])[4]).endsWith("> Crying in grief");
    assertThat(CliRun.ok("category", "review", p).out()).contains(waiting[0]);
  }

  /**
   * A boundary corrected after a merge is no new decision about the category: the merge moved only the category, so
   * the undo takes that back and the corrected boundary stays.
   */
  @Test
  void aBoundaryCorrectedAfterAMergeGoesBackWithTheUndoAndStaysCorrected() {
    String[] protest = firstOf("jonas", "> Protest crying");
    String corrected = Integer.toString(Integer.parseInt(protest[6]) - 1);
    CliRun.ok("category", "merge", p, "Protest crying", "Overwhelmed crying", "--why", "one form");
    CliRun.ok("codings", "edit", p, protest[0], "--end", corrected, "--why", "one character too far");
    String undone = CliRun.ok("category", "undo", p, "--why", "two forms after all").out();
    assertThat(undone).doesNotContain("left as changed").doesNotContain("made again since");
    assertThat(row(protest[0])[4]).endsWith("> Protest crying");
    assertThat(row(protest[0])[6]).isEqualTo(corrected);
  }

  /** Where the coding's category was changed by hand since, that choice stands: the undo names it and leaves it. */
  @Test
  void anUndoLeavesACodingWhoseCategoryWasChangedSinceAndNamesIt() {
    String[] protest = firstOf("jonas", "> Protest crying");
    CliRun.ok("category", "merge", p, "Protest crying", "Overwhelmed crying", "--why", "one form");
    CliRun.ok("codings", "edit", p, protest[0], "--category", "Crying in grief", "--why", "grief, on a second look");
    String undone = CliRun.ok("category", "undo", p, "--why", "two forms after all").out();
    assertThat(undone).contains("1 coding moved elsewhere since and left there (" + protest[0] + ")");
    assertThat(row(protest[0])[4]).endsWith("> Crying in grief");
  }

  /** A memo corrected after a merge is no new decision: the undo takes the coding back with its corrected memo. */
  @Test
  void aMemoCorrectedAfterAMergeGoesBackWithTheUndo() {
    String[] protest = firstOf("mira", "> Protest crying");
    int codings = rows().size();
    CliRun.ok("category", "merge", p, "Protest crying", "Crying in grief", "--why", "one form");
    CliRun.ok("codings", "edit", p, protest[0], "--memo", "typo fixed", "--why", "memo typo");
    String undone = CliRun.ok("category", "undo", p, "--why", "two forms after all").out();
    assertThat(undone).doesNotContain("made again since");
    String row = CliRun.ok("codings", "export", p).out().lines().filter(l -> l.startsWith(protest[0])).findFirst()
        .orElseThrow();
    assertThat(row).contains("> Protest crying,").endsWith(",typo fixed");
    assertThat(rows()).hasSize(codings);
  }

  /** An edit that put a part's coding onto the span of one waiting in the review queue: the undo says so plainly. */
  @Test
  void anUndoOfASplitThatWouldRecordOneDecisionTwiceIsRefusedPlainly() throws java.io.IOException {
    java.nio.file.Path mine = java.nio.file.Files.writeString(dir.resolve("kai.csv"),
        "document,start,end,category,coder\npdt-01,0,5,Crying in grief,kai\npdt-01,10,20,Crying in grief,kai\n");
    CliRun.ok("codings", "import", p, mine.toString());
    String[] first = rows().stream().filter(r -> r[2].equals("kai") && r[5].equals("0")).findFirst().orElseThrow();
    String[] second = rows().stream().filter(r -> r[2].equals("kai") && r[5].equals("10")).findFirst().orElseThrow();
    java.nio.file.Path ids = java.nio.file.Files.writeString(dir.resolve("ids.csv"), "id\n" + first[0] + "\n");
    CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "ids=" + ids + " -> Grief about a death", "--rule",
        "coder=jonas -> Grief about a separation", "--rule", "coder=mira -> Grief about a separation", "--why",
        "two kinds of loss");
    assertThat(row(second[0])[4]).endsWith("> Crying in grief");
    CliRun.ok("codings", "edit", p, first[0], "--start", "10", "--end", "20", "--why", "the same passage");
    String before = CliRun.ok("codings", "export", p).out();
    assertThat(CliRun.of("category", "undo", p, "--why", "one kind").err()).contains("coding " + first[0]
        + " would go back to \"Crying in grief\", where coding " + second[0] + " of the same coder has the same span");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
  }

  /**
   * Mira's first Pause coding, after Pause was merged into Letting narrate and she made the same decision again there,
   * with a note of its own (a row repeating the moved coding): the coding's export row as it was before.
   */
  private String[] decidedAgainAfterMerge() throws java.io.IOException {
    String[] pause = firstOf("mira", "> Pause");
    CliRun.ok("category", "merge", p, "Pause", "Letting narrate", "--why", "one way of giving space");
    java.nio.file.Path again = java.nio.file.Files.writeString(dir.resolve("again.csv"),
        "document,start,end,category,coder,memo\n" + pause[1] + "," + pause[5] + "," + pause[6]
            + ",Letting narrate,mira,she lets him narrate here\n");
    CliRun.ok("codings", "import", p, again.toString());
    return pause;
  }

  /**
   * A decision made again after a merge (a row repeating the moved coding, with a note of its own) stays where it was
   * made when the merge is undone, also where the coding's boundary was corrected since: the correction holds for both.
   */
  @Test
  void aDecisionMadeAgainAfterAMergeStaysWhenTheBoundaryWasCorrectedSince() throws java.io.IOException {
    String[] pause = decidedAgainAfterMerge();
    String corrected = Integer.toString(Integer.parseInt(pause[6]) - 1);
    CliRun.ok("codings", "edit", p, pause[0], "--end", corrected, "--why", "one character too far");
    int codings = rows().size();
    String undone = CliRun.ok("category", "undo", p, "--why", "two ways after all").out();
    assertThat(undone).contains("1 decision made again since kept where made");
    assertThat(row(pause[0])[4]).endsWith("> Pause");
    assertThat(row(pause[0])[6]).isEqualTo(corrected);
    assertThat(row(pause[0])).hasSize(pause.length);
    String[] madeAgain = rows().stream().filter(r -> r[2].equals("mira") && r[4].endsWith("> Letting narrate")
        && r[5].equals(pause[5])).findFirst().orElseThrow();
    assertThat(madeAgain[6]).isEqualTo(corrected);
    assertThat(madeAgain[madeAgain.length - 1]).isEqualTo("she lets him narrate here");
    assertThat(rows()).hasSize(codings + 1);
  }

  /**
   * A memo rewritten after a decision was made again on the moved coding: the coding goes back with the rewritten memo,
   * which is the team's word, and the undo names it, since only the edit's memo keeps what the memo held before.
   */
  @Test
  void aMemoRewrittenAfterADecisionWasMadeAgainIsNamedByTheUndo() throws java.io.IOException {
    String[] pause = decidedAgainAfterMerge();
    CliRun.ok("codings", "edit", p, pause[0], "--memo", "one note for both", "--why", "tidied the notes");
    String undone = CliRun.ok("category", "undo", p, "--why", "two ways after all").out();
    assertThat(undone).contains("1 coding moved back with the memo an edit wrote since (" + pause[0]
        + "; codings memos lists what each held before");
    assertThat(row(pause[0])[4]).endsWith("> Pause");
    assertThat(CliRun.ok("codings", "memos", p, pause[1]).out()).contains("she lets him narrate here");
  }

  /**
   * A coding a merge folded into its twin cannot come back where an edit since gave another coding of the same coder
   * its span and category: the store would fold the two unsaid. The undo is refused, naming that coding.
   */
  @Test
  void anUndoThatWouldBringBackAFoldedCodingOntoAnEditedOneIsRefused() throws java.io.IOException {
    java.nio.file.Path mine = java.nio.file.Files.writeString(dir.resolve("kai.csv"),
        "document,start,end,category,coder,memo\npdt-01,0,5,Pause,kai,X\npdt-01,0,5,Letting narrate,kai,K\n"
            + "pdt-01,10,20,Pause,kai,Y\n");
    CliRun.ok("codings", "import", p, mine.toString());
    String[] twin = rows().stream().filter(r -> r[2].equals("kai") && r[4].endsWith("> Letting narrate"))
        .findFirst().orElseThrow();
    String[] other = rows().stream().filter(r -> r[2].equals("kai") && r[5].equals("10")).findFirst().orElseThrow();
    CliRun.ok("category", "merge", p, "Pause", "Letting narrate", "--why", "one way of giving space");
    CliRun.ok("codings", "delete", p, twin[0], "--why", "coded by mistake");
    CliRun.ok("codings", "edit", p, other[0], "--start", "0", "--end", "5", "--why", "the same passage");
    String before = CliRun.ok("codings", "export", p).out();
    assertThat(CliRun.of("category", "undo", p, "--why", "two ways after all").err()).contains("cannot undo #")
        .contains("but coding " + other[0] + " of the same coder would hold that span with that category too");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
  }

  @Test
  void whatAFileCouldNotHoldAnEditCannotStoreAndAnOlderFileCannotUndo() throws java.io.IOException {
    String[] jonas = firstOf("jonas", "> Pause");
    String before = CliRun.ok("codings", "export", p).out();
    assertThat(CliRun.of("codings", "edit", p, jonas[0], "--memo", "see note\u0007", "--why", "x").err())
        .contains("--memo holds the control character U+0007");
    assertThat(CliRun.of("codings", "edit", p, jonas[0], "--quote", "", "--why", "x").err()).contains("--quote is empty");
    assertThat(CliRun.of("codings", "edit", p, jonas[0], "--memo", "x", "--why", "x", "--as", "\u200b").err())
        .contains("must be one line of visible text");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
    // an export made before a memo was corrected does not bring the old memo back unsaid
    java.nio.file.Path old = dir.resolve("old.csv");
    java.nio.file.Files.writeString(old, "id,document,coder,category_path,start,end,memo\n" + jonas[0] + "," + jonas[1]
        + "," + jonas[2] + "," + jonas[4] + "," + jonas[5] + "," + jonas[6] + ",the old memo\n");
    CliRun.ok("codings", "edit", p, jonas[0], "--memo", "the corrected memo", "--why", "wording\nsecond line");
    assertThat(CliRun.of("codings", "import", p, old.toString()).err()).contains("old.csv, line 2: coding " + jonas[0]
        + " was edited since this file was written");
    String memos = CliRun.ok("codings", "memos", p, jonas[1]).out();
    // the reason's further lines are indented, so none reads as a line of the trace; the new memo is in the trace
    assertThat(memos).contains("Why: wording\n        second line").contains(", the corrected memo");
  }

  @Test
  void aCodingTheConsensusBuildMadeIsNotEditedByHand() {
    CliRun.ok("consensus", p, "--coders", "jonas,mira");
    String[] built = rows().stream().filter(r -> r[2].equals("consensus")).findFirst().orElseThrow();
    String before = CliRun.ok("codings", "export", p).out();
    assertThat(CliRun.of("codings", "edit", p, built[0], "--memo", "ours", "--why", "x").err())
        .contains("1 coding (" + built[0] + ") was made by the consensus build").contains("nothing was edited");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
  }

  /**
   * An older export's row with its id taken out repeats an edited coding: its memo, the one the edit replaced (a
   * client's name taken out, say), would be appended again unsaid; refused at its line, nothing imported.
   */
  @Test
  void aRowWithoutItsIdDoesNotBringBackAMemoAnEditReplaced() throws Exception {
    String[] row = firstOf("jonas", "> Pause");
    String id = row[0];
    CliRun.ok("codings", "edit", p, id, "--memo", "said about the client (name removed)", "--why", "privacy");
    java.nio.file.Path old = java.nio.file.Files.writeString(dir.resolve("old.csv"), "document,coder,category_path,"
        + "start,end,memo\n" + row[1] + ",jonas," + row[4] + "," + row[5] + "," + row[6] + ",said about Anna K.\n");
    String before = CliRun.ok("codings", "export", p).out();
    assertThat(CliRun.of("codings", "import", p, old.toString()).err())
        .contains("old.csv, line 2: repeats coding " + id + ", which was edited");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before).doesNotContain("Anna K.");
    // without the memo the row is a repetition, as before
    java.nio.file.Path bare = java.nio.file.Files.writeString(dir.resolve("bare.csv"), "document,coder,category_path,"
        + "start,end\n" + row[1] + ",jonas," + row[4] + "," + row[5] + "," + row[6] + "\n");
    assertThat(CliRun.ok("codings", "import", p, bare.toString()).out()).contains("0 codings added");
    // a memo under another column name would be left out unsaid: refused, naming it
    java.nio.file.Path notes = java.nio.file.Files.writeString(dir.resolve("notes.csv"), "document,coder,"
        + "category_path,start,end,notes\n" + row[1] + ",mira," + row[4] + "," + row[5] + "," + row[6] + ",mine\n");
    assertThat(CliRun.of("codings", "import", p, notes.toString()).err())
        .contains("notes.csv, line 1: has a column \"notes\", which is not read");
    java.nio.file.Path anmerkung = java.nio.file.Files.writeString(dir.resolve("anm.csv"), "document,coder,"
        + "category_path,start,end,Anmerkung\n" + row[1] + ",mira," + row[4] + "," + row[5] + "," + row[6] + ",x\n");
    assertThat(CliRun.of("codings", "import", p, anmerkung.toString()).err())
        .contains("anm.csv, line 1: has a column \"Anmerkung\", which is not read");
  }
}
