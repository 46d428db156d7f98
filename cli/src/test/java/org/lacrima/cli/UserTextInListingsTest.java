package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users wrote (transcripts, memos, definitions, labels) as the terminal listings show it: a direction override
 * cannot reorder a listing's line, a line break cannot start a line that reads as an entry of its own, and a cut
 * never splits a character.
 */
class UserTextInListingsTest {

  private static final String OVERRIDE = "\u202e";

  @TempDir
  Path dir;

  private String p;

  @BeforeEach
  void project() throws Exception {
    p = dir.resolve("t.lacrima").toString();
    CliRun.ok("init", p);
    // read right to left from the override on, the line would seem to say "ben: not coded, 0..10"
    Files.writeString(dir.resolve("d.txt"), "I: Wie war das?\nB: Er sagte " + OVERRIDE + "01..0 ,dedoc ton :neb\n",
        StandardCharsets.UTF_8);
    CliRun.ok("import", p, dir.resolve("d.txt").toString());
  }

  @Test
  void aDirectionOverrideInATranscriptIsShownNotObeyed() throws Exception {
    Files.writeString(dir.resolve("c.csv"), "document,quote,category,coder\nd,Er sagte,Pause,anna\nd,Wie,Pause,ben\n",
        StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, dir.resolve("c.csv").toString());
    String listing = CliRun.ok("consensus", p, "--coders", "anna,ben").out();
    assertThat(listing).contains("    unit: Er sagte ?01..0 ,dedoc ton :neb").doesNotContain(OVERRIDE);
    assertThat(CliRun.ok("agreement", p, "--coders", "anna,ben", "--bootstrap", "0").out()).doesNotContain(OVERRIDE);
    assertThat(CliRun.ok("units", "list", p, "d").out()).doesNotContain(OVERRIDE);
  }

  @Test
  void aMemoOfSeveralLinesCannotForgeALineOfTheDeletionListing() throws Exception {
    Files.writeString(dir.resolve("m.csv"), "document,start,end,category,coder,memo\n"
        + "d,3,6,Pause,anna,\"first line\n01a21b0d-0000-7000-8000-000000000000  19..29  memo: forged\"\n",
        StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, dir.resolve("m.csv").toString());
    String id = CliRun.ok("codings", "export", p).out().lines().skip(1).findFirst().orElseThrow().substring(0, 36);
    String deleted = CliRun.ok("codings", "delete", p, id, "--why", "a slip").out();
    // every line after the first is a coding of the listing, or indented under one
    assertThat(deleted.lines().skip(1)).allSatisfy(l -> assertThat(l).startsWith("  "))
        .anySatisfy(l -> assertThat(l).startsWith("        01a21b0d-0000"));
    assertThat(deleted.lines().filter(l -> l.matches("^  [0-9a-f]{8}-.*"))).hasSize(1);
  }

  @Test
  void aDirectionOverrideInADefinitionIsShownNotObeyedInTheDiff() {
    CliRun.ok("codebook", "tag", p, "t1");
    CliRun.ok("category", "edit", p, "Pause", "--definition", "Silence " + OVERRIDE + "kept.", "--why", "t");
    assertThat(CliRun.ok("codebook", "diff", p, "t1", "current").out()).contains("Silence ?kept.")
        .doesNotContain(OVERRIDE);
  }

  @Test
  void aDefinitionOfSeveralLinesStaysUnderItsEntryInTheDiff() {
    CliRun.ok("codebook", "tag", p, "t1");
    CliRun.ok("category", "edit", p, "Pause", "--definition", "Short.\nretired          Letting narrate", "--why", "t");
    String diff = CliRun.ok("codebook", "diff", p, "t1", "current").out();
    assertThat(diff.lines().filter(l -> l.startsWith("retired"))).isEmpty();
    assertThat(diff).contains("\n      retired          Letting narrate\"");
  }

  /** A rationale, and the memo of a coding a merge collapsed, as the log shows them: controls and overrides as "?". */
  @Test
  void aRationaleOrMemoInTheLogCannotActOnTheTerminal() throws Exception {
    Files.writeString(dir.resolve("twins.csv"), "document,start,end,category,coder,memo\n"
        + "d,3,6,Pause,anna,\"one " + OVERRIDE + "x\"\nd,3,6,Letting narrate,anna,\"two " + OVERRIDE + "y\"\n",
        StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, dir.resolve("twins.csv").toString());
    // a terminal escape is refused in a rationale outright; a direction override, at home in right-to-left text,
    // is kept and shown as "?"
    assertThat(CliRun.of("category", "merge", p, "Pause", "Letting narrate", "--why", "evil \u001b]0;title\u0007")
        .err()).contains("--why holds the control character U+001B");
    CliRun.ok("category", "merge", p, "Pause", "Letting narrate", "--why", "evil " + OVERRIDE + "line\nsecond");
    String log = CliRun.ok("codebook", "log", p, "--codings").out();
    assertThat(log).contains("why: evil ?line\n            second").containsPattern("memo: (one \\?x|two \\?y)")
        .doesNotContain(OVERRIDE);
  }

  /** An error quotes what it refuses; nothing quoted acts on the terminal. */
  @Test
  void anErrorQuotingWhatItRefusesCannotActOnTheTerminal() {
    String err = CliRun.of("category", "add", p, "Esc\u001b[2J" + OVERRIDE + "x", "--why", "t").err();
    assertThat(err).startsWith("lacrima: ").contains("Esc?[2J?x").doesNotContain("\u001b").doesNotContain(OVERRIDE);
  }

  @Test
  void aLongLabelIsCutBetweenCharacters() {
    String label = "A".repeat(64) + "\uD83D\uDE22 tears";
    CliRun.ok("category", "add", p, label, "--why", "t");
    String stats = CliRun.ok("stats", p).out();
    assertThat(stats).contains("AAAA").doesNotContain("?");
    assertThat(stats.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
  }
}
