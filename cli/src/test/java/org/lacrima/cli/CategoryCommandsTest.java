package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Developing the category system from the command line on the demo study: every operation, the
 * log, tags, diff, export of versions, the review queue, an upgrade and undo, without losing a coding.
 */
class CategoryCommandsTest {

  @TempDir
  Path dir;

  private String p;

  @BeforeEach
  void demo() {
    p = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", p);
  }

  private String codings() {
    return CliRun.ok("codings", "export", p).out();
  }

  /** Codings in an export: lines that start with a coding id (memos may span lines). */
  private static long rows(String csv) {
    return csv.lines().filter(l -> l.matches("^[0-9a-f]{8}-[0-9a-f]{4}-.*")).count();
  }

  /** The log prints who and why as given: a line break in either must not be able to forge an entry. */
  @Test
  void aNameOrReasonOfSeveralLinesCannotForgeALogEntry() {
    String forged = "#99 2020-01-01 00:00 +00:00  mallory  merge    Pause into Letting narrate";
    CliRun refused = CliRun.of("category", "rename", p, "Pause", "Pausing", "--why", "x", "--as", "bob\n" + forged);
    assertThat(refused.err()).contains("must be one line of visible text");
    // a Persian name with its zero-width non-joiner is a name like any other
    CliRun.ok("category", "rename", p, "Letting narrate", "Letting tell", "--why", "x", "--as", "\u0639\u0644\u06cc\u200c\u0631\u0636\u0627");
    CliRun.ok("category", "rename", p, "Pause", "Pausing", "--why", "first line\n" + forged);
    String log = CliRun.ok("codebook", "log", p).out();
    assertThat(log.lines().filter(l -> l.startsWith("#99"))).isEmpty();
    assertThat(log).contains("why: first line\n            " + forged);
  }

  @Test
  void developsTheSystemStepByStepAndWalksItBack() throws IOException {
    long codings = rows(codings());
    CliRun.ok("codebook", "tag", p, "pilot", "--why", "after the pilot interviews");
    assertRefused("the tag \"Pilot\" differs from \"pilot\" only in case", "codebook", "tag", p, "Pilot", "--why", "x");
    assertRefused("a new category needs a label", "category", "add", p, "", "--why", "x");
    assertRefused("the tag \"Current\" differs from \"current\" only in case", "codebook", "tag", p, "Current", "--why",
        "x");

    // a decision both categories record, so that the merge must collapse it
    Path twin = Files.writeString(dir.resolve("twin.csv"), "document,quote,category,coder,memo\n"
        + "pdt-01,Very little,Crying as resistance,mira,twin memo\n"
        + "pdt-01,Very little,Crying as manipulation,mira,\"first memo / still its first line\nits second line\"\n",
        StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, twin.toString());
    codings += 2;
    Path beforeMerge = Files.writeString(dir.resolve("before-merge.csv"), codings());
    String merged = CliRun.ok("category", "merge", p, "Crying as manipulation", "Crying as resistance", "--why",
        "manipulation is rarely coded; the team reads it as a kind of resistance").out();
    // an export from before the merge names the merged category: its codings are in the project still, moved on
    assertThat(CliRun.of("codings", "import", p, beforeMerge.toString()).err())
        .contains("\"Crying as manipulation\" is merged into \"Crying as resistance\" and takes no new codings; coding ")
        .contains("is in the project on \"Assumptions > The therapeutic process > Crying impedes the process "
            + "(resistance to change) > Crying as resistance\" now, where the operation took it (this file was "
            + "written before it: export again)");
    assertThat(merged).contains("1 collapsed into the same coding");
    // the built-in system links both to Protest crying and to Crying as a relational challenge (the issue's
    // "linked to" list; the paper: Results, Crying Impedes the Process)
    assertThat(merged).contains("2 relations dropped").contains("\"Crying as manipulation\" linked to \"Protest crying\"");
    assertThat(rows(codings())).isEqualTo(codings - 1);
    assertThat(codings()).contains("\"twin memo\nfirst memo / still its first line\nits second line\"");
    // the log shows what the merge collapsed: the coding removed, its span, coder and memo
    String trail = CliRun.ok("codebook", "log", p, "--codings").out();
    assertThat(trail).containsPattern("codings: \\d+ moved, 1 collapsed\n +[0-9a-f-]{36}  pdt-01 \\d+\\.\\.\\d+  mira  "
        + "into [0-9a-f-]{36}  memo: first memo / still its first line\n {17}its second line\n");
    assertThat(CliRun.ok("codebook", "log", p).out()).doesNotContain("codings: ");
    // the merged category's row says where its codings are counted now
    assertThat(CliRun.ok("stats", p).out()).contains("Crying as manipulation [merged into Crying as resistance]");

    String split = CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "text~(?i)death|died|funeral -> Grief about a death",
        "--rule", "coder=jonas -> Grief about a separation", "--why", "two kinds of loss").out();
    assertThat(split).contains("wait for review");
    String queue = CliRun.ok("category", "review", p).out();
    Matcher first = Pattern.compile("\\n  ([0-9a-f-]{36}) ").matcher(queue);
    assertThat(first.find()).isTrue();
    CliRun.ok("category", "review", p, "--place", first.group(1), "--to", "Grief about a separation", "--why",
        "the loss of a parent by divorce");

    CliRun.ok("category", "retire", p, "Exploring facts", "--why", "folded into support in the revised manual");
    Path fields = Files.writeString(dir.resolve("door.yaml"), """
        label: {en: "Crying at the door", de: "Weinen an der Tür"}
        definition: {en: "Tears that come as the session ends, on the way out."}
        code_when: [{en: "The therapist reports crying at the very end of a session."}]
        examples: [{en: "She always cried with her hand on the door handle."}]
        """, StandardCharsets.UTF_8);
    CliRun.ok("category", "add", p, "Crying at the door", "--parent", "Forms of emotional crying", "--from",
        fields.toString(), "--why", "found in three interviews");
    CliRun.ok("category", "edit", p, "Crying at the door", "--indicator", "The session has formally ended",
        "--why", "indicator from the second coder");
    CliRun.ok("category", "rename", p, "Pause", "Therapeutic pause", "--why", "clearer name");
    CliRun.ok("category", "move", p, "Crying at the door", "--parent", "The therapeutic process", "--why",
        "it is about the process, not a form");
    CliRun.ok("category", "exclusive", p, "Forms of emotional crying", "on", "--why", "one form per episode");

    String log = CliRun.ok("codebook", "log", p).out();
    for (String kind : new String[] {"seed", "tag", "merge", "split", "place", "retire", "add", "edit", "rename",
        "move", "exclusive"}) {
      assertThat(log).as(kind).containsPattern("#\\d+ .* " + kind + " ");
    }
    assertThat(log).contains("why: manipulation is rarely coded");

    String diff = CliRun.ok("codebook", "diff", p, "pilot", "current").out();
    // a tag typed with a stray space is the tag, as "codebook tag" stored it
    assertThat(CliRun.ok("codebook", "diff", p, " pilot ", "current").out()).isEqualTo(diff);
    assertThat(diff).contains("added").contains("Crying at the door").contains("merged").contains("split")
        .contains("renamed").contains("Therapeutic pause").contains("moved").contains("retired")
        .contains("exclusive").contains("relation removed");

    Path pilot = dir.resolve("pilot.json");
    CliRun.ok("codebook", "export", p, "--version", "pilot", "--format", "json", "-o", pilot.toString());
    assertThat(Files.readString(pilot)).contains("\"Pause\"").doesNotContain("Crying at the door");
    Path base = dir.resolve("base.json");
    CliRun.ok("codebook", "export", p, "--version", "base", "--format", "json", "-o", base.toString());
    // the same system, each file naming the version it was written from
    assertThat(Files.readString(pilot)).contains("\"_edition\" : \"the project's version \\\"pilot\\\" of "
        + "crying-working-models 1.0.0\"");
    assertThat(Files.readString(base)).contains("the project's version \\\"base\\\"");
    assertThat(Files.readString(base).replaceFirst("\"_edition\" : .*\n", ""))
        .isEqualTo(Files.readString(pilot).replaceFirst("\"_edition\" : .*\n", ""));

    // the placed coding and every other one is still there; the queue is what is left
    assertThat(rows(codings())).isEqualTo(codings - 1);
    assertThat(CliRun.of("codings", "import", p, Files.writeString(dir.resolve("late.csv"),
        "document,quote,category,coder\npdt-01,Very little,Exploring facts,mira\n").toString()).err())
        .contains("line 2").contains("\"Exploring facts\" is retired and takes no new codings");

    for (int i = 0; i < 9; i++) { // merge, split, place, retire, add, edit, rename, move, exclusive
      CliRun.ok("category", "undo", p, "--why", "walking back to the pilot version");
    }
    assertThat(CliRun.ok("codebook", "diff", p, "pilot", "current").out()).contains("No differences");
    assertThat(rows(codings())).isEqualTo(codings);
    assertThat(codings()).containsPattern(",twin memo\\r?\\n").contains(",\"first memo / still its first line\nits second line\"");
    assertThat(CliRun.of("category", "undo", p, "--why", "once more").err()).contains("no category operation left");
  }

  private static final String IMPEDES =
      "Assumptions > The therapeutic process > Crying impedes the process (resistance to change) > ";
  private static final String MANIPULATION = IMPEDES + "Crying as manipulation";
  private static final String RESISTANCE = IMPEDES + "Crying as resistance";

  /** Mira's codings of "Very little" in pdt-01 as "category path | memo" lines, sorted. */
  private String veryLittle() throws IOException {
    StringBuilder out = new StringBuilder();
    CSVFormat header = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    try (CSVParser rows = CSVParser.parse(codings(), header)) {
      rows.stream().filter(r -> r.get("document").equals("pdt-01") && r.get("coder").equals("mira")
              && r.get("text").equals("Very little"))
          .map(r -> r.get("category_path") + " | " + r.get("memo") + "\n").sorted().forEach(out::append);
    }
    return out.toString();
  }

  private void importCsv(String name, String csv) throws IOException {
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve(name), "document,quote,category,coder,memo\n"
        + csv, StandardCharsets.UTF_8).toString());
  }

  @Test
  void agreementLeavesOutMergedCategoriesAndSplitOnesWithNothingLeftToReview() {
    CliRun.ok("category", "merge", p, "Crying as manipulation", "Crying as resistance", "--why", "one category");
    CliRun.ok("category", "split", p, "Pause", "--into", "Short pause", "--into", "Long pause", "--rule",
        "coder=jonas -> Short pause", "--rule", "coder=mira -> Long pause", "--why", "two kinds");
    String rows = CliRun.ok("agreement", p, "--coders", "jonas,mira", "--bootstrap", "0", "--format", "csv").out();
    assertThat(rows).doesNotContain("Crying as manipulation").doesNotContain("> Pause,").contains("Short pause")
        .contains("Crying as resistance");
  }

  /** Pause's codings in an export, one line each (the demo's memos on them are single lines). */
  private java.util.List<String> pauseRows() {
    return codings().lines().filter(l -> l.contains("> Pause,")).toList();
  }

  @Test
  void anIdsFileCountsEveryLineWhetherItHasAHeaderOrNot() throws IOException {
    java.util.List<String> pauses = pauseRows();
    assertThat(pauses).hasSizeGreaterThanOrEqualTo(3);
    java.util.List<String> ids = pauses.stream().map(l -> l.substring(0, 36)).toList();
    // a bare list of ids, a filtered export without its header, and a file with a header: each places all three
    String[] files = {String.join("\n", ids.subList(0, 3)) + "\n", String.join("\n", pauses.subList(0, 3)) + "\n",
        "id,note\n" + ids.get(0) + ",a\n" + ids.get(1) + ",b\n" + ids.get(2) + ",c\n"};
    for (int i = 0; i < files.length; i++) {
      Path file = Files.writeString(dir.resolve("ids" + i + ".csv"), files[i], StandardCharsets.UTF_8);
      String out = CliRun.ok("category", "split", p, "Pause", "--into", "Chosen", "--into", "Other", "--rule",
          "ids=" + file + " -> Chosen", "--rule", "coder=jonas -> Other", "--rule", "coder=mira -> Other", "--why",
          "pauses picked by hand").out();
      assertThat(out).as(files[i]).contains("3 to \"Chosen\"");
      CliRun.ok("category", "undo", p, "--why", "try the next file");
    }
    Path bad = Files.writeString(dir.resolve("bad.csv"), ids.get(0) + "\n1-1-1-1-1\n", StandardCharsets.UTF_8);
    assertThat(CliRun.of("category", "split", p, "Pause", "--into", "Chosen", "--into", "Other", "--rule",
        "ids=" + bad + " -> Chosen", "--why", "x").err()).contains("bad.csv, line 2").contains("not a coding id");
  }

  @Test
  void undoingASplitTakesBackACodingDecidedAgainOnAPart() throws IOException {
    long before = rows(codings());
    CliRun.ok("category", "split", p, "Pause", "--into", "Silent pause", "--into", "Counting pause", "--rule",
        "coder=mira -> Silent pause", "--rule", "coder=jonas -> Counting pause", "--why", "two kinds of pause");
    String onPart = codings().lines().filter(l -> l.contains(",mira,") && l.contains("Silent pause")).findFirst()
        .orElseThrow();
    String[] f = onPart.split(",");
    // mira decides one of her pauses again on its part, with a memo: a repetition, no new coding
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("again-part.csv"),
        "document,start,end,category,coder,memo\n" + f[1] + "," + f[5] + "," + f[6] + ",Silent pause,mira,second look\n",
        StandardCharsets.UTF_8).toString());
    // the part goes away with the undo: the coding goes back to Pause as it is now, memo and all
    CliRun.ok("category", "undo", p, "--why", "one kind of pause after all");
    assertThat(rows(codings())).isEqualTo(before);
    assertThat(codings()).contains(f[0] + "," + f[1] + ",mira,").contains("second look")
        .doesNotContain("Silent pause");
  }

  @Test
  void aProjectThatStartedEmptyHasNothingToUpgradeFrom() {
    String q = dir.resolve("empty.lacrima").toString();
    CliRun.ok("init", "--empty", q);
    CliRun.ok("category", "add", q, "Mine", "--why", "our own");
    CliRun refused = CliRun.of("codebook", "upgrade", q, "--accept", "all", "--why", "x");
    assertThat(refused.err()).contains("but this project's rests on \"empty\"").contains("started without categories");
    assertThat(CliRun.ok("codebook", q).out()).contains("Mine").doesNotContain("Protest crying");
  }

  @Test
  void markingCategoriesExclusiveSaysWhereCodingsAlreadyOverlap() throws IOException {
    String q = dir.resolve("x.lacrima").toString();
    CliRun.ok("init", "--empty", q);
    Path text = Files.writeString(dir.resolve("d.txt"), "I: " + "a".repeat(60) + "\n", StandardCharsets.UTF_8);
    CliRun.ok("import", q, text.toString());
    CliRun.ok("category", "add", q, "Emotion", "--why", "t");
    CliRun.ok("category", "add", q, "Sad", "--parent", "Emotion", "--why", "t");
    CliRun.ok("category", "add", q, "Happy", "--parent", "Emotion", "--why", "t");
    // A: Sad 3..13 and Happy 8..18 overlap (1); Sad 20..30 and Happy 40..50 do not; B's Happy 8..18 is another
    // coder's and does not count against A
    Path codings = Files.writeString(dir.resolve("c.csv"), """
        document,start,end,category,coder
        d,3,13,Sad,A
        d,8,18,Happy,A
        d,20,30,Sad,A
        d,40,50,Happy,A
        d,8,18,Happy,B
        """, StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", q, codings.toString());
    assertThat(CliRun.of("category", "exclusive", q, "Sad", "on", "--why", "t").err())
        .contains("has 0 subcategories");
    assertThat(CliRun.ok("category", "exclusive", q, "Emotion", "on", "--why", "t").out())
        .contains("1 place where one coder's codings of two of them overlap");
  }

  @Test
  void undoingAMergeKeepsADecisionMadeAgainOnTheCategoryMergedInto() throws IOException {
    importCsv("first.csv", "pdt-01,Very little,Crying as manipulation,mira,seemed staged\n");
    CliRun.ok("category", "merge", p, "Crying as manipulation", "Crying as resistance", "--why", "one kind");
    // the coder decides the same span on resistance: a repetition of the moved coding, whose memo it extends
    importCsv("again.csv", "pdt-01,Very little,Crying as resistance,mira,on reading it again: holding back\n");
    String undone = CliRun.ok("category", "undo", p, "--why", "keep them apart").out();

    assertThat(undone).contains("1 decision made again since").contains("no category operation is left to undo");
    assertThat(veryLittle()).isEqualTo(MANIPULATION + " | seemed staged\n"
        + RESISTANCE + " | on reading it again: holding back\n");
    // the coding that now holds the later decision is a new one: the undo names it, and the log with it
    CSVFormat header = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    String kept;
    try (CSVParser rows = CSVParser.parse(codings(), header)) {
      kept = rows.stream().filter(r -> r.get("category_path").equals(RESISTANCE) && r.get("text").equals("Very little")
          && r.get("coder").equals("mira")).map(r -> r.get("id")).findFirst().orElseThrow();
    }
    assertThat(undone).contains("with the memo added, as the coding " + kept);
    assertThat(CliRun.ok("codebook", "log", p).out()).contains(kept);
  }

  /**
   * Merge, split, a coding made on a part, then both undone: undoing the split joins the new coding with the moved
   * one of the same span and coder; undoing the merge takes only the moved one back and leaves the coder's new
   * coding, with its own id, where it was joined.
   */
  @Test
  void undoingAMergeAfterAnUndoneSplitKeepsACodingMadeOnAPartInBetween() throws IOException {
    importCsv("first.csv", "pdt-01,Very little,Crying as manipulation,mira,seemed staged\n");
    CliRun.ok("category", "merge", p, "Crying as manipulation", "Crying as resistance", "--why", "one kind");
    CliRun.ok("category", "split", p, "Crying as resistance", "--into", "Mine", "--into", "Theirs", "--rule",
        "coder=mira -> Mine", "--rule", "text~. -> Theirs", "--why", "by coder");
    importCsv("part.csv", "pdt-01,Very little,Theirs,mira,\n");
    String made = codings().lines().filter(l -> l.contains(",mira,") && l.contains("Theirs") && l.contains("Very little"))
        .findFirst().orElseThrow().substring(0, 36);
    long withIt = rows(codings());
    CliRun.ok("category", "undo", p, "--why", "no split");
    String undone = CliRun.ok("category", "undo", p, "--why", "no merge").out();

    assertThat(undone).contains("1 coding made since, which an undo had joined with one moved back, kept apart");
    assertThat(veryLittle()).isEqualTo(MANIPULATION + " | seemed staged\n" + RESISTANCE + " | \n");
    assertThat(codings()).contains(made + ",pdt-01,mira,");
    assertThat(rows(codings())).isEqualTo(withIt);
  }

  /**
   * Labels are looked up in NFC, in any case and without the characters that do not show; siblings whose labels
   * differ only so would answer to one name, and a no-break space around ">" still reads as a path.
   */
  @Test
  void siblingLabelsThatLookAlikeAreRefused() {
    // "Überwältigtes Weinen" typed with separate accents: the German label of Overwhelmed crying
    String decomposed = "U\u0308berwa\u0308ltigtes Weinen";
    assertThat(CliRun.of("category", "rename", p, "Protest crying", decomposed, "--lang", "de", "--why", "r").err())
        .contains("is the label of its sibling \"Overwhelmed crying\"");
    CliRun.ok("category", "add", p, "A\u0308rger", "--parent", "Giving space", "--why", "a");
    assertThat(CliRun.of("category", "add", p, "\u00c4rger", "--parent", "Giving space", "--why", "a").err())
        .contains("siblings need labels that differ");
    // stored in NFC: the path typed either way names it
    CliRun.ok("category", "edit", p, "Interventions > Giving space > \u00c4rger", "--definition", "x", "--why", "e");
    assertThat(CliRun.of("category", "add", p, "Pau\u200bse", "--parent", "Giving space", "--why", "a").err())
        .contains("siblings need labels that differ");
    assertThat(CliRun.of("category", "add", p, "Pa\u00a0>\u00a0use", "--parent", "Giving space", "--why", "a").err())
        .contains("separates the levels of a category path");
    // an edit's clash names the category edited, not its sibling
    assertThat(CliRun.of("category", "edit", p, "Pause", "--label", "letting NARRATE", "--why", "e").err())
        .contains("cannot edit \"Pause\": the label \"letting NARRATE\" (en) is the label of its sibling \"Letting narrate\"");
  }

  /** A merge or move that brings into an exclusive group what it rules out says so, as marking the group does. */
  @Test
  void aMergeIntoAnExclusiveGroupSaysWhereCodingsNowOverlap() {
    CliRun.ok("category", "exclusive", p, "Forms of emotional crying", "on", "--why", "one form per episode");
    assertThat(CliRun.ok("category", "merge", p, "Crying as resistance", "Overwhelmed crying", "--why", "m").out())
        .containsPattern("[0-9]+ places? where one coder's codings of two of the exclusive children of \"Forms of "
            + "emotional crying\" overlap now");
    CliRun.ok("category", "undo", p, "--why", "u");
    assertThat(CliRun.ok("category", "move", p, "Crying as resistance", "--parent", "Forms of emotional crying", "--why",
        "m").out()).contains("overlap now");
  }

  /** Codings that give one coder two overlapping categories of an exclusive group are said when imported. */
  @Test
  void anImportThatGivesACoderTwoValuesOfAnExclusiveGroupSaysSo() throws IOException {
    CliRun.ok("category", "exclusive", p, "Giving space", "on", "--why", "one way per passage");
    Path overlapping = Files.writeString(dir.resolve("kai.csv"), "document,start,end,category,coder\n"
        + "pdt-01,0,5,Pause,kai\npdt-01,3,8,Letting narrate,kai\npdt-01,20,30,Pause,kai\n");
    assertThat(CliRun.ok("codings", "import", p, overlapping.toString()).out()).contains("Note: in the documents this "
        + "file codes, its coders hold 1 pair of codings, each of one coder, that give two values of one exclusive "
        + "group on overlapping spans");
    Path apart = Files.writeString(dir.resolve("lea.csv"), "document,start,end,category,coder\n"
        + "pdt-01,0,5,Pause,lea\npdt-01,5,8,Letting narrate,lea\n");
    assertThat(CliRun.ok("codings", "import", p, apart.toString()).out()).doesNotContain("exclusive group");
  }

  /** A category moved to the top level is said to go there, in the operation's summary and in the diff. */
  @Test
  void aMoveToTheTopLevelSaysSo() {
    CliRun.ok("codebook", "tag", p, "before");
    assertThat(CliRun.ok("category", "move", p, "Positive crying", "--top", "--why", "its own domain").out())
        .contains("\"Assumptions > Forms of emotional crying > Positive crying\" to the top level");
    assertThat(CliRun.ok("codebook", "diff", p, "before", "current").out())
        .contains("moved from \"Assumptions > Forms of emotional crying > Positive crying\" to the top level");
  }

  /** Placing in a part merged away since names the part's state and that of the category it went into. */
  @Test
  void placingInAPartMergedAwaySaysWhatBecameOfIt() {
    CliRun.ok("category", "split", p, "Crying as resistance", "--into", "P1", "--into", "P2", "--rule", "coder=jonas -> P1",
        "--why", "s");
    CliRun.ok("category", "merge", p, "P2", "Crying as manipulation", "--why", "m");
    CliRun.ok("category", "split", p, "Crying as manipulation", "--into", "M1", "--into", "M2", "--rule",
        "coder=jonas -> M1", "--why", "s2");
    Matcher queued = Pattern.compile("(?s)Crying as resistance\",[^\n]*\n  ([0-9a-f-]{36}) ")
        .matcher(CliRun.ok("category", "review", p).out());
    assertThat(queued.find()).isTrue();
    assertThat(CliRun.of("category", "review", p, "--place", queued.group(1), "--to", "P2", "--why", "p").err())
        .contains("(it is merged into \"Crying as manipulation\", and \"Crying as manipulation\" is split into \"M1\", "
            + "\"M2\")");
  }

  /** A retired category's codings count: it may be merged into another, and it can be opened for coding again. */
  @Test
  void aRetiredCategoryCanBeMergedAwayOrReactivated() throws IOException {
    long before = rows(codings());
    CliRun.ok("category", "retire", p, "Positive crying", "--why", "rare");
    assertThat(CliRun.of("category", "merge", p, "Crying in grief", "Positive crying", "--why", "m").err())
        .contains("it is retired (lacrima category reactivate opens it again)");
    CliRun.ok("category", "reactivate", p, "Positive crying", "--why", "it came up again");
    assertThat(CliRun.ok("codebook", "log", p).out()).contains("reactivated \"Assumptions > Forms of emotional crying > "
        + "Positive crying\"");
    CliRun.ok("category", "undo", p, "--why", "retired after all");
    assertThat(CliRun.ok("codebook", p).out()).contains("Positive crying  [retired]");
    assertThat(CliRun.ok("codebook", p, "--lang", "de").out()).contains("Positives Weinen  [stillgelegt]");
    CliRun.ok("category", "merge", p, "Positive crying", "Crying in grief", "--why", "one form");
    assertThat(codings()).doesNotContain("Positive crying");
    assertThat(rows(codings())).isEqualTo(before);
    CliRun.ok("category", "undo", p, "--why", "apart again");
    assertThat(CliRun.ok("codebook", p).out()).contains("Positive crying  [retired]");
    assertThat(CliRun.of("category", "reactivate", p, "Pause", "--why", "x").err()).contains("it is active already");
  }

  @Test
  void undoingAMergeTakesTheCollapsedMemoBackButKeepsAMemoAddedSince() throws IOException {
    importCsv("twins.csv", "pdt-01,Very little,Crying as resistance,mira,holding back\n"
        + "pdt-01,Very little,Crying as manipulation,mira,seemed staged\n");
    CliRun.ok("category", "merge", p, "Crying as manipulation", "Crying as resistance", "--why", "one kind");
    importCsv("later.csv", "pdt-01,Very little,Crying as resistance,mira,asked the supervisor\n");
    CliRun.ok("category", "undo", p, "--why", "keep them apart");

    assertThat(veryLittle()).isEqualTo(MANIPULATION + " | seemed staged\n"
        + RESISTANCE + " | holding back\nasked the supervisor\n");
  }

  @Test
  void placingInAPartWhereTheCoderHasTheSameSpanMakesOneCodingAndUndoSeparatesThemAgain() throws IOException {
    CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "coder=jonas -> Grief about a separation", "--why", "two kinds of loss");
    Matcher queued = Pattern.compile("\\n  ([0-9a-f-]{36})  pdt-02 (\\d+)\\.\\.(\\d+)  mira ")
        .matcher(CliRun.ok("category", "review", p).out());
    assertThat(queued.find()).isTrue();
    // mira codes the same span on one of the parts herself before the queue is reviewed
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("death.csv"),
        "document,start,end,category,coder,memo\npdt-02," + queued.group(2) + "," + queued.group(3)
            + ",Grief about a death,mira,her father\n", StandardCharsets.UTF_8).toString());
    long before = rows(codings());

    String placed = CliRun.ok("category", "review", p, "--place", queued.group(1), "--to", "Grief about a death",
        "--why", "the same loss").out();
    assertThat(placed).contains("collapsed into coding");
    assertThat(rows(codings())).isEqualTo(before - 1);
    assertThat(codings()).doesNotContain(queued.group(1));

    CliRun.ok("category", "undo", p, "--why", "review it again");
    assertThat(rows(codings())).isEqualTo(before);
    assertThat(CliRun.ok("category", "review", p).out()).contains(queued.group(1));
  }

  /** Several codings of the queue go to one part together, or none does; each placement is undone on its own. */
  @Test
  void severalCodingsArePlacedTogetherOrNoneIs() throws IOException {
    CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "coder=jonas -> Grief about a separation", "--why", "two kinds of loss");
    java.util.List<String> queued = Pattern.compile("\\n  ([0-9a-f-]{36}) ")
        .matcher(CliRun.ok("category", "review", p).out())
        .results().map(r -> r.group(1)).toList();
    assertThat(queued).hasSizeGreaterThan(2);
    String before = codings();
    // the third is not in the queue: nothing is placed
    assertRefused("is not waiting for review", "category", "review", p, "--place", queued.get(0) + "," + queued.get(1)
        + "," + notQueued(before, queued), "--to", "Grief about a death", "--why", "deaths");
    assertThat(codings()).isEqualTo(before);
    String placed = CliRun.ok("category", "review", p, "--place", queued.get(0) + "," + queued.get(1), "--to",
        "Grief about a death", "--why", "deaths").out();
    assertThat(placed).containsOnlyOnce("Placed coding " + queued.get(0)).containsOnlyOnce("Placed coding "
        + queued.get(1));
    String queue = CliRun.ok("category", "review", p).out();
    assertThat(queue).doesNotContain(queued.get(0)).doesNotContain(queued.get(1)).contains(queued.get(2));
    CliRun.ok("category", "undo", p, "--why", "the second was a separation");
    queue = CliRun.ok("category", "review", p).out();
    assertThat(queue).doesNotContain(queued.get(0)).contains(queued.get(1));
  }

  /** A coding of the project that is not in the review queue: the first one not listed there. */
  private static String notQueued(String export, java.util.List<String> queue) {
    return export.lines().skip(1).map(l -> l.substring(0, 36)).filter(id -> !queue.contains(id)).findFirst()
        .orElseThrow();
  }

  /** Within one script, words that merely resemble each other ("rn" and "m") are two labels, not a slip. */
  @Test
  void siblingsMayHaveLabelsThatOnlyResembleEachOther() {
    CliRun.ok("category", "add", p, "Stern", "--parent", "Giving space", "--why", "x");
    CliRun.ok("category", "add", p, "Stem", "--parent", "Giving space", "--why", "x");
    assertThat(CliRun.ok("codebook", p).out()).contains("Stern").contains("Stem");
  }

  /** A category under one that lives on only in the history is not opened for coding again there. */
  @Test
  void aRetiredCategoryUnderASplitOneIsNotReactivatedThere() {
    CliRun.ok("category", "retire", p, "Pause", "--why", "x");
    CliRun.ok("category", "retire", p, "Letting narrate", "--why", "x");
    CliRun.ok("category", "split", p, "Giving space", "--into", "Space A", "--into", "Space B", "--why", "x");
    assertRefused("cannot reactivate \"Pause\" under \"Giving space\", which is split into", "category",
        "reactivate", p, "Pause", "--why", "back");
  }

  /** A merge says what becomes of an exclusive group: lost where INTO is not exclusive, joined where it is. */
  @Test
  void aMergeSaysWhatBecomesOfExclusiveSubcategories() {
    CliRun.ok("category", "exclusive", p, "Crying promotes the process (potential for change)", "on", "--why", "x");
    assertThat(CliRun.ok("category", "merge", p, "Crying promotes the process (potential for change)",
        "Crying as incidental to the process", "--why", "one process category").out())
        .contains("were mutually exclusive and under \"Crying as incidental to the process\" are not");
    CliRun.ok("category", "undo", p, "--why", "back");
    CliRun.ok("category", "exclusive", p, "Crying impedes the process (resistance to change)", "on", "--why", "x");
    assertThat(CliRun.ok("category", "merge", p, "Forms of emotional crying",
        "Crying impedes the process (resistance to change)", "--why", "forms as obstacles").out())
        .contains("are now among the mutually exclusive children of \"Crying impedes the process");
  }

  @Test
  void aReviewQueueCanAlwaysBeEmptied() {
    CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "coder=jonas -> Grief about a separation", "--why", "two kinds of loss");
    CliRun.ok("category", "merge", p, "Grief about a death", "Grief about a separation", "--why", "one kind after all");
    assertRefused("wait for review, and no part would be left to place them in",
        "category", "retire", p, "Grief about a separation", "--why", "x");

    // the part merged away places where it went
    String queue = CliRun.ok("category", "review", p).out();
    assertThat(queue).contains("to place in \"Grief about a separation\"\n");
    Matcher queued = Pattern.compile("\\n  ([0-9a-f-]{36}) ").matcher(queue);
    assertThat(queued.find()).isTrue();
    String placed = CliRun.ok("category", "review", p, "--place", queued.group(1), "--to", "Grief about a death",
        "--why", "a death").out();
    assertThat(placed).contains("in \"Grief about a separation\"");
    assertThat(codings().lines().filter(l -> l.startsWith(queued.group(1)))).singleElement().asString()
        .contains("Grief about a separation");
  }

  @Test
  void anUpgradeThatWouldRetireTheLastPlaceOfAReviewQueueIsRefused() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "coder=jonas -> Grief about a separation", "--why", "two kinds of loss");
    // both parts end up in a category the new version drops (and so retires)
    for (String part : new String[] {"Grief about a death", "Grief about a separation"}) {
      CliRun.ok("category", "merge", p, part, "Crying as incidental to the process", "--why", "on second thought");
    }
    assertRefused("wait for review, and no part would be left to place them in",
        "codebook", "upgrade", p, "--to", next, "--accept", "all", "--why", "x");
  }

  @Test
  void refusesWhatWouldLoseWorkOrMakesNoSense() {
    String before = codings() + CliRun.ok("codebook", p).out();
    assertRefused("cannot merge \"Crying promotes the process (potential for change)\" into its own descendant",
        "category", "merge", p, "Crying promotes the process (potential for change)", "Relief/Catharsis", "--why", "x");
    assertRefused("under itself or one of its own subcategories",
        "category", "move", p, "The therapeutic process", "--parent", "Emotional access", "--why", "x");
    assertRefused("under itself or one of its own subcategories",
        "category", "move", p, "Pause", "--parent", "Pause", "--why", "x");
    assertRefused("matches none of the", "category", "split", p, "Pause", "--into", "A", "--into", "B",
        "--rule", "coder=nobody -> A", "--why", "x");
    assertRefused("has no pattern after text~", "category", "split", p, "Pause", "--into", "A", "--into", "B",
        "--rule", "text~ -> A", "--why", "x");
    assertRefused("a label is one line of text", "category", "add", p, "Multi\nline", "--why", "x");
    assertRefused("texts keep line breaks and tabs only", "category", "edit", p, "Pause", "--definition",
        "Red \u001B[31m text", "--why", "x");
    assertRefused("the built-in category system is read-only",
        "category", "rename", "builtin", "Pause", "Break", "--why", "x");
    assertRefused("Missing required option: '--why=TEXT'",
        "category", "retire", p, "Pause");
    assertRefused("needs a reason", "category", "retire", p, "Pause", "--why", "  ");
    // the log prints the reason: an escape in it would act on the terminal of whoever reads the log
    assertRefused("--why holds the control character U+001B", "category", "retire", p, "Pause", "--why",
        "done \u001b]0;title\u0007");
    // a label that prints like a sibling's: a Cyrillic "а", a no-break space, a doubled space
    for (String alike : new String[] {"P\u0430use", "Letting\u00a0narrate", "Letting  narrate"}) {
      assertRefused("is the label of its sibling", "category", "add", p, alike, "--parent", "Giving space", "--why",
          "x");
    }
    assertRefused("is the label of its sibling \"Letting narrate\"",
        "category", "rename", p, "Pause", "Letting narrate", "--lang", "de", "--why", "x");
    assertRefused("contains \" > \", which separates the levels of a category path",
        "category", "add", p, "Loss > grief", "--parent", "Forms of emotional crying", "--why", "x");
    // the id of another category as a label: naming it would lead there, since ids are looked up first
    String grief = org.lacrima.core.codebook.BuiltInCategorySystem.get().resolve("Crying in grief").id().toString();
    assertRefused("has the form of a category id", "category", "rename", p, "Exploring facts", grief, "--why", "x");
    assertThat(codings() + CliRun.ok("codebook", p).out()).isEqualTo(before);
    assertThat(CliRun.ok("codebook", "log", p).out().lines().filter(l -> l.startsWith("#")).count()).isEqualTo(1);
  }

  @Test
  void anEditFromAFileLeavesCodabilityAndExclusivityToTheirOwnOperations() throws IOException {
    String before = codings() + CliRun.ok("codebook", p).out();
    Path exclusive = Files.writeString(dir.resolve("exclusive.yaml"), "exclusive_children: true\n", StandardCharsets.UTF_8);
    assertRefused("use: lacrima category exclusive", "category", "edit", p, "Forms of emotional crying", "--from",
        exclusive.toString(), "--why", "x");
    Path grouping = Files.writeString(dir.resolve("grouping.yaml"), "codable: false\n", StandardCharsets.UTF_8);
    assertRefused("does not change whether \"Pause\" is codable", "category", "edit", p, "Pause", "--from",
        grouping.toString(), "--why", "x");
    // an empty label would leave the category without its English name, as rename refuses too
    assertRefused("a category needs an English label", "category", "edit", p, "Pause", "--label", " ", "--why", "x");
    assertThat(codings() + CliRun.ok("codebook", p).out()).isEqualTo(before);
  }

  /** A file that gives one language of a text leaves the other as it was; what a file would lose unsaid is refused. */
  @Test
  void aFileGivesTextsLanguageByLanguageAndLosesNothingUnsaid() throws IOException {
    String json = CliRun.ok("codebook", "export", p, "--format", "json").out();
    assertThat(json).contains("Protestweinen");
    Path english = Files.writeString(dir.resolve("en.yaml"), "label: Protest crying\ndefinition:\n  en: A revised "
        + "English definition.\n", StandardCharsets.UTF_8);
    CliRun.ok("category", "edit", p, "Protest crying", "--from", english.toString(), "--why", "English wording");
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.ok("codebook", "export", p, "--format",
        "json").out());
    var protest = java.util.stream.StreamSupport.stream(node.get("categories").spliterator(), false)
        .filter(c -> c.get("label").get("en").asText().equals("Protest crying")).findFirst().orElseThrow();
    var builtIn = org.lacrima.core.codebook.BuiltInCategorySystem.get().resolve("Protest crying");
    assertThat(protest.get("definition").get("en").asText()).isEqualTo("A revised English definition.");
    assertThat(protest.get("definition").get("de").asText()).isEqualTo(builtIn.definition().values().get("de"));
    assertThat(protest.get("label").get("de").asText()).isEqualTo("Protestweinen");

    String before = codings() + CliRun.ok("codebook", p).out();
    Path twoDocuments = Files.writeString(dir.resolve("two.yaml"), "definition: First\n---\nexamples:\n  - one\n  - two\n",
        StandardCharsets.UTF_8);
    assertRefused("two.yaml, line 3: starts a second YAML document", "category", "add", p, "Two documents", "--parent",
        "Giving space", "--from", twoDocuments.toString(), "--why", "x");
    Path language = Files.writeString(dir.resolve("lang.yaml"), "definition:\n  english: A text\n", StandardCharsets.UTF_8);
    assertRefused("definition.english: is not a language of the category system", "category", "add", p, "Languages",
        "--parent", "Giving space", "--from", language.toString(), "--why", "x");
    // a control character is named with the field it stands in, not as "a text" of the category
    Path control = Files.writeString(dir.resolve("control.yaml"), "examples: [\"fine\", \"\\u0085next\"]\n",
        StandardCharsets.UTF_8);
    assertRefused("control.yaml, examples item 2: holds a control character (\"?next\")", "category", "add", p,
        "Controlled", "--parent", "Giving space", "--from", control.toString(), "--why", "x");
    assertThat(codings() + CliRun.ok("codebook", p).out()).isEqualTo(before);
  }

  @Test
  void aLabelThatLooksLikeAnotherOrShowsNothingIsRefused() {
    String before = codings() + CliRun.ok("codebook", p).out();
    assertRefused("begins or ends with a blank or invisible character", "category", "add", p, "Pause\u00a0",
        "--parent", "Giving space", "--why", "x");
    assertRefused("begins or ends with a blank or invisible character", "category", "rename", p, "Letting narrate",
        "\u200bNarrating", "--why", "x");
    assertRefused("the label shows nothing", "category", "add", p, "\u2007", "--parent", "Giving space", "--why", "x");
    assertThat(codings() + CliRun.ok("codebook", p).out()).isEqualTo(before);
  }

  @Test
  void theDiffCountsAnItemGivenTwiceAndThenOnce() {
    CliRun.ok("category", "add", p, "Repeated", "--parent", "Giving space", "--example", "same words", "--example",
        "same words", "--example", "other words", "--why", "x");
    CliRun.ok("codebook", "tag", p, "twice");
    CliRun.ok("category", "edit", p, "Repeated", "--example", "same words", "--example", "other words", "--why",
        "the duplicate goes");
    assertThat(CliRun.ok("codebook", "diff", p, "twice", "current").out()).contains("- \"same words\" (en)")
        .doesNotContain("same items, new order");
  }

  @Test
  void operationsThatWouldChangeNothingTheyClaimAreRefused() throws IOException {
    String before = codings() + CliRun.ok("codebook", p).out();
    assertRefused("groups categories and takes no codings itself; its 3 subcategories would stay open", "category",
        "retire", p, "Interventions", "--why", "x");
    Path exclusive = Files.writeString(dir.resolve("lonely.yaml"), "exclusive_children: true\n", StandardCharsets.UTF_8);
    assertRefused("a new category has no subcategories yet", "category", "add", p, "Lonely group", "--parent",
        "Giving space", "--from", exclusive.toString(), "--why", "x");
    assertRefused("has 300 characters", "category", "retire", p, "Pause", "--why", "x", "--as", "n".repeat(300));
    // "bo\u200bb" would read as "bob" in the log
    assertRefused("holds a character that does not show", "category", "retire", p, "Pause", "--why", "x", "--as",
        "bo\u200bb");
    assertThat(codings() + CliRun.ok("codebook", p).out()).isEqualTo(before);
  }

  @Test
  void messagesNameWhatTheUserGaveAndWhatHappened() throws IOException {
    // a file saved as UTF-16 by a Windows editor is read; a file in no encoding Lacrima tells is refused plainly
    Path utf16 = Files.write(dir.resolve("utf16.yaml"), "\uFEFFdefinition: {en: \"Höflich\"}\n".getBytes(
        StandardCharsets.UTF_16LE));
    CliRun.ok("category", "add", p, "Polite", "--parent", "Giving space", "--from", utf16.toString(), "--why", "x");
    assertThat(CliRun.ok("codebook", "export", p, "--format", "json").out()).contains("Höflich");
    // a label given in English only says so in a German tree, as in the exports
    assertThat(CliRun.ok("codebook", p, "--lang", "de").out()).contains("Polite [nur Englisch]");
    // a new category's delimitation names its neighbour by label in the diff
    String protest = org.lacrima.core.codebook.BuiltInCategorySystem.get().resolve("Protest crying").id().toString();
    Path delimited = Files.writeString(dir.resolve("delimited.yaml"), "delimitations:\n  - neighbour: " + protest
        + "\n    text: {en: Unlike protest crying}\n", StandardCharsets.UTF_8);
    CliRun.ok("category", "add", p, "Door crying", "--parent", "Forms of emotional crying", "--from",
        delimited.toString(), "--why", "x");
    assertThat(CliRun.ok("codebook", "diff", p, "base", "current").out())
        .contains("delimitations: [from \"Protest crying\": \"Unlike protest crying\" (en)]");
    // a field's error names the category by its label, not by an id made a moment ago
    Path wrong = Files.writeString(dir.resolve("wrong.yaml"), "codable: maybe\n", StandardCharsets.UTF_8);
    assertRefused("category \"Maybe\".codable", "category", "add", p, "Maybe", "--parent", "Giving space", "--from",
        wrong.toString(), "--why", "x");
    // a name beginning with "-" is read as an option
    assertThat(CliRun.of("category", "add", p, "-5 years", "--parent", "Giving space", "--why", "x").err())
        .contains("put -- before it");
    // an undone split is not a reactivation
    CliRun.ok("codebook", "tag", p, "before-split");
    CliRun.ok("category", "split", p, "Crying in grief", "--into", "Grief about a death", "--into",
        "Grief about a separation", "--rule", "coder=jonas -> Grief about a death", "--why", "two kinds of loss");
    CliRun.ok("codebook", "tag", p, "split");
    CliRun.ok("category", "undo", p, "--why", "one kind after all");
    assertThat(CliRun.ok("codebook", "diff", p, "split", "current").out()).contains("split undone")
        .doesNotContain("reactivated");
  }

  private static void assertRefused(String message, String... args) {
    CliRun run = CliRun.of(args);
    assertThat(run.status()).as(String.join(" ", args)).isNotZero();
    assertThat(run.err()).as(String.join(" ", args)).contains(message);
  }

  @Test
  void aConflictKeptAsTheTeamsStaysDecidedAndIsLogged() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    CliRun.ok("category", "rename", p, "Letting narrate", "Letting them talk", "--why", "our team's wording");
    Matcher conflict = Pattern.compile("(U\\d+) +CONFLICT +Letting them talk · label")
        .matcher(CliRun.ok("codebook", "upgrade", p, "--to", next).out());
    assertThat(conflict.find()).isTrue();
    // several decisions in one --decide, as --accept takes several ids
    assertThat(CliRun.of("codebook", "upgrade", p, "--to", next, "--decide", conflict.group(1) + "=mine,U99=theirs",
        "--why", "x").err()).contains("--decide U99: there is no such proposal");

    CliRun decided = CliRun.ok("codebook", "upgrade", p, "--to", next, "--decide", conflict.group(1) + "=mine", "--why",
        "our label stays");
    assertThat(decided.out()).contains("kept the team's version in 1").contains("Logged as #");
    assertThat(CliRun.ok("codebook", "log", p).out()).contains("why: our label stays");
    String plan = CliRun.ok("codebook", "upgrade", p, "--to", next).out();
    assertThat(plan).contains("5 clean change(s), 0 conflict(s) with the team's edits or the project as it stands, "
        + "1 kept as the team's")
        .containsPattern(conflict.group(1) + " +kept +Letting them talk · label");

    // taking over the rest settles the upgrade without deciding the conflict again
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next, "--accept", "all", "--why", "the rest").out())
        .contains("now rests on crying-working-models 1.1.0");
    assertThat(CliRun.ok("codebook", p).out()).contains("Letting them talk");
  }

  @Test
  void aKeptConflictTheTeamSettlesByEditingNeitherBlocksNorHoldsBackTheUpgrade() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    CliRun.ok("category", "rename", p, "Letting narrate", "Letting them talk", "--why", "our team's wording");
    Matcher conflict = Pattern.compile("(U\\d+) +CONFLICT +Letting them talk · label")
        .matcher(CliRun.ok("codebook", "upgrade", p, "--to", next).out());
    assertThat(conflict.find()).isTrue();
    CliRun.ok("codebook", "upgrade", p, "--to", next, "--decide", conflict.group(1) + "=mine", "--why", "ours");
    // the team goes back to the old label: the new version's label is now a clean change, and is taken over
    CliRun.ok("category", "rename", p, "Letting them talk", "Letting narrate", "--why", "the old wording after all");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next, "--accept", "all", "--why", "the rest").out())
        .contains("now rests on crying-working-models 1.1.0");
    assertThat(CliRun.ok("codebook", p).out()).contains("Letting the patient narrate");
  }

  @Test
  void aNewLabelThatATeamsSiblingCarriesInTheOtherLanguageIsAConflictTheRestIsTakenOver() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    // the new version adds "Crying in response to the therapist" beside "Therapeutic stance"
    CliRun.ok("category", "rename", p, "Therapeutic stance", "Crying in response to the therapist", "--lang", "de",
        "--why", "a German working title");
    String plan = CliRun.ok("codebook", "upgrade", p, "--to", next).out();
    Matcher added = Pattern.compile("(U\\d+) +CONFLICT +Crying in response to the therapist\n").matcher(plan);
    assertThat(added.find()).as(plan).isTrue();
    assertThat(plan).contains("5 clean change(s), 1 conflict(s)").contains("cannot be taken over as the project stands")
        .contains("siblings need labels that differ");
    // --accept all takes the clean changes and leaves the conflict open, instead of failing as a whole
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next, "--accept", "all", "--why", "x").out())
        .contains("Took over 5 change(s)").contains("1 proposal(s) still open");
    assertRefused("cannot be taken over as the project stands", "codebook", "upgrade", p, "--to", next, "--decide",
        added.group(1) + "=theirs", "--why", "x");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next, "--decide", added.group(1) + "=mine", "--why",
        "our German title stays").out()).contains("now rests on crying-working-models 1.1.0");
    assertThat(CliRun.ok("codebook", p).out()).doesNotContain("Crying in response to the therapist");
  }

  /**
   * "All but one": a clean change the team keeps as its own is neither taken now nor by a later --accept all, and the
   * log says which were taken and which kept.
   */
  @Test
  void aCleanChangeTheTeamDeclinesStaysDeclined() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    String before = CliRun.ok("codebook", "export", p, "--format", "json").out();
    Matcher clean = Pattern.compile("(U\\d+) +clean +(.+)\n").matcher(CliRun.ok("codebook", "upgrade", p, "--to", next)
        .out());
    assertThat(clean.find()).isTrue();
    String declined = clean.group(1);
    assertRefused("take it over, or keep the project's version, not both", "codebook", "upgrade", p, "--to", next,
        "--accept", declined, "--decide", declined + "=mine", "--why", "x");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next, "--decide", declined.toLowerCase(java.util.Locale.ROOT)
        + "=mine", "--why", "not this one").out()).contains("kept the team's version in 1");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next).out())
        .containsPattern(declined + " +kept +" + Pattern.quote(clean.group(2)));
    // once declined, taking and keeping it in one run is refused as before; --accept all passes over it
    assertRefused("--accept " + declined + " and --decide " + declined + "=mine", "codebook", "upgrade", p, "--to",
        next, "--accept", declined, "--decide", declined + "=mine", "--why", "x");
    String took = CliRun.ok("codebook", "upgrade", p, "--to", next, "--accept", "all", "--why", "the rest").out();
    assertThat(took).contains("now rests on crying-working-models 1.1.0");
    // by what it changes, as the log must say: the number is the run's own
    assertThat(CliRun.ok("codebook", "log", p).out()).contains("kept the team's version in 1 (" + declined
        + " new category \"" + clean.group(2) + "\")");
    // the project now rests on 1.1.0 and differs from it where the team declined (the first clean proposal adds
    // "Crying in response to the therapist")
    assertThat(clean.group(2)).isEqualTo("Crying in response to the therapist");
    assertThat(CliRun.ok("codebook", "diff", p, "upstream", "current").out())
        .contains("removed          Crying in response to the therapist");
    assertThat(CliRun.ok("codebook", p).out()).doesNotContain("Crying in response to the therapist");
    assertThat(before).isNotEqualTo(CliRun.ok("codebook", "export", p, "--format", "json").out());
  }

  /** The fixture of the next release, with {@code change} made to it, written to a file of its own. */
  private String nextRelease(String name, java.util.function.Consumer<ObjectNode> change) throws Exception {
    ObjectNode next = (ObjectNode) new ObjectMapper().readTree(Path.of(getClass().getResource(
        "next-builtin-1.1.0.json").toURI()).toFile());
    change.accept(next);
    return Files.writeString(dir.resolve(name), next.toString()).toString();
  }

  private static ObjectNode categoryLabelled(ObjectNode system, String label) {
    for (JsonNode c : system.get("categories")) {
      if (c.path("label").path("en").asText().equals(label)) {
        return (ObjectNode) c;
      }
    }
    throw new AssertionError(label);
  }

  /**
   * What an upgrade does not take over as a proposal is said: the release's own title comes with it once settled, its
   * order of siblings is left as the project has it; a category it retires is offered like one it drops, and a merge
   * it states is the team's own operation, refused rather than lost.
   */
  @Test
  void anUpgradeSaysWhatComesWithTheReleaseAndRefusesWhatIsTheTeamsToDo() throws Exception {
    String reordered = nextRelease("reordered.json", next -> {
      ArrayNode cats = (ArrayNode) next.get("categories");
      JsonNode positive = cats.remove(5);
      assertThat(positive.path("label").path("en").asText()).isEqualTo("Positive crying");
      cats.insert(2, positive);
      ((ObjectNode) next.get("system").get("title")).put("en", "Crying in psychotherapy, revised");
      categoryLabelled(next, "Exploring facts").putObject("state").put("status", "retired").putArray("successors");
    });
    String listing = CliRun.ok("codebook", "upgrade", p, "--to", reordered).out();
    assertThat(listing).contains("Note: crying-working-models 1.1.0 orders the categories under \"Forms of emotional "
        + "crying\" otherwise; an upgrade keeps the project's order")
        .contains("takes over the new version's title")
        .contains("retired (the new version retires it; its codings stay)");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", reordered, "--accept", "all", "--why", "the release").out())
        .contains("The project now rests on crying-working-models 1.1.0, and takes over its title.");
    assertThat(CliRun.ok("codebook", "log", p).out()).contains("; now based on crying-working-models 1.1.0, with its "
        + "title");
    // the category it retires is retired in the project as in the release (the one it drops is the project's own now)
    assertThat(CliRun.ok("codebook", "diff", p, "upstream", "current").out()).doesNotContain("Exploring facts");

    String merging = nextRelease("merging.json", next -> {
      // as the release before, which retired it: a later one that reopened it would be refused too
      categoryLabelled(next, "Exploring facts").putObject("state").put("status", "retired").putArray("successors");
      String into = categoryLabelled(next, "Crying in grief").get("id").asText();
      categoryLabelled(next, "Positive crying").putObject("state").put("status", "merged").putArray("successors")
          .add(into);
      ((ObjectNode) next.get("system")).put("version", "1.2.0");
    });
    assertRefused("crying-working-models 1.2.0 gives \"Positive crying\" as merged into \"Crying in grief\": an "
        + "upgrade takes over what categories say", "codebook", "upgrade", p, "--to", merging);
    // the team merges as the release did, as the refusal says: then the release is taken over
    CliRun.ok("category", "merge", p, "Positive crying", "Crying in grief", "--why", "as the release does");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", merging, "--accept", "all", "--why", "1.2.0").out())
        .contains("The project now rests on crying-working-models 1.2.0");
  }

  /** A team that declined a change can take it after all by naming it. */
  @Test
  void aDeclinedChangeIsTakenWhenNamedLater() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    CliRun.ok("codebook", "upgrade", p, "--to", next, "--decide", "U1=mine", "--why", "not yet");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next, "--accept", "U1", "--why", "changed our mind").out())
        .contains("Took over 1 change(s)");
    assertThat(CliRun.ok("codebook", p).out()).contains("Crying in response to the therapist");
  }

  /** An upgrade goes forward, not to an older version. */
  @Test
  void anUpgradeToAnOlderVersionIsRefused() throws IOException {
    String builtIn = CliRun.ok("codebook", "export", "--format", "json").out();
    Path older = Files.writeString(dir.resolve("older.json"), builtIn.replaceFirst("\"version\" *: *\"[^\"]+\"",
        "\"version\": \"0.9.0\""), StandardCharsets.UTF_8);
    assertRefused("crying-working-models 0.9.0 is older than crying-working-models 1.0.0, the version the project "
        + "rests on", "codebook", "upgrade", p, "--to", older.toString());
  }

  /** A reason that only looks like one (a no-break or zero-width space) is none. */
  @Test
  void aReasonOfInvisibleCharactersIsNone() {
    for (String why : new String[] {"\u00a0", "\u200b", " \u00ad "}) {
      assertRefused("every change needs a reason", "category", "retire", p, "Pause", "--why", why);
    }
  }

  @Test
  void anUndoThatWouldBringBackACodingWhoseIdWasTakenSinceSaysWhich() throws IOException {
    String folded = "11111111-0000-4000-8000-000000000002";
    Path twin = Files.writeString(dir.resolve("twin.csv"), "id,document,quote,category,coder,memo\n"
        + "11111111-0000-4000-8000-000000000001,pdt-01,Very little,Crying as resistance,mira,twin\n"
        + folded + ",pdt-01,Very little,Crying as manipulation,mira,first\n", StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, twin.toString());
    CliRun.ok("category", "merge", p, "Crying as manipulation", "Crying as resistance", "--why", "x");
    assertThat(codings()).doesNotContain(folded);
    Path reuse = Files.writeString(dir.resolve("reuse.csv"), "id,document,quote,category,coder\n"
        + folded + ",pdt-01,Very little,Pause,mira\n", StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, reuse.toString());
    String before = codings();
    assertRefused("would bring back the coding " + folded + ", which it folded into another, but a coding imported "
        + "since carries that id", "category", "undo", p, "--why", "x");
    assertThat(codings()).isEqualTo(before);
    CliRun.ok("codings", "delete", p, folded, "--why", "its id belongs to the folded coding");
    CliRun.ok("category", "undo", p, "--why", "x");
    assertThat(codings()).contains(folded + ",pdt-01,mira,");
  }

  /**
   * A coding folded into its twin by a merge comes back with the undo even where the twin was deleted since, and the
   * undo names it, since only the team knows whether the deletion meant both.
   */
  @Test
  void anUndoNamesACodingItBringsBackWhoseTwinWasDeleted() throws IOException {
    String host = "11111111-0000-4000-8000-000000000001";
    String folded = "11111111-0000-4000-8000-000000000002";
    Path twin = Files.writeString(dir.resolve("twin.csv"), "id,document,quote,category,coder,memo\n"
        + host + ",pdt-01,Very little,Crying as resistance,mira,twin\n"
        + folded + ",pdt-01,Very little,Crying as manipulation,mira,first\n", StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, twin.toString());
    CliRun.ok("category", "merge", p, "Crying as manipulation", "Crying as resistance", "--why", "x");
    CliRun.ok("codings", "delete", p, host, "--why", "not crying at all");
    assertThat(CliRun.ok("category", "undo", p, "--why", "x").out())
        .contains("1 coding brought back whose twin it was folded into was deleted since (delete it too if that "
            + "deletion meant it: codings delete PROJECT " + folded + ")");
    assertThat(codings()).contains(folded + ",pdt-01,mira,").doesNotContain(host);
  }

  @Test
  void aPartIsFoundByItsLabelAlsoWhereACategoryElsewhereSharesIt() {
    // "Protest crying" is also a form of crying; as a part of Pause it is a sibling of nothing of that name
    CliRun.ok("category", "split", p, "Pause", "--into", "Protest crying", "--into", "Other pause", "--rule",
        "coder=mira -> Other pause", "--why", "x");
    Matcher queued = Pattern.compile("\\n  ([0-9a-f-]{36}) ").matcher(CliRun.ok("category", "review", p).out());
    assertThat(queued.find()).isTrue();
    CliRun.ok("category", "review", p, "--place", queued.group(1), "--to", "Protest crying", "--why", "x");
    assertThat(codings().lines().filter(l -> l.startsWith(queued.group(1)))).singleElement().asString()
        .contains("Giving space > Protest crying");
    // the statistics say why Pause's count stands still
    CliRun.ok("category", "retire", p, "Letting narrate", "--why", "x");
    assertThat(CliRun.ok("stats", p).out()).containsPattern("(?m)^ +Pause \\[split: waiting for review\\] +\\d")
        .containsPattern("(?m)^ +Letting narrate \\[retired\\] +\\d");
  }

  @Test
  void aFileIsReadWhollyOrRefusedNeverPartlyDropped() throws IOException {
    // each of these would otherwise lose or bend what the file says without a word
    String before = codings() + CliRun.ok("codebook", "export", p, "--format", "json").out();
    String[][] refused = {
        {"x: &t {en: \"shared text\"}\ndefinition: *t\n", "line 2: uses the YAML alias *t"},
        {"definiton: {en: Typo.}\n", "definiton: is not a field here (misspelt?)"},
        {"crying_form: {emotions: [], triggers: [], quality: [], interactive_function: strong, countertransference: [],"
            + " acceptance: {level: acceptance}, colour: red}\n", "crying_form.colour: is not a field here"},
        {"codable: \"no\"\n", "codable: should be true or false, not \"no\""},
        {"delimitations: \"Not Letting narrate\"\n", "delimitations: should be a list"},
        {"definition: {en: One.}\ndefinition: {en: Two.}\n", "Duplicate field 'definition'"},
        {"label: {en: Break}\n",
            "label.en: gives \"Break\" where the command names the category \"Pause\"; leave label.en out"},
        {"- definition: {en: A list.}\n", "holds no category (expected the fields of one"},
        // YAML 1.1 would make these 3.1, 8 and true
        {"paper_section: 3.10\n", "paper_section: should be a text, but the file gives the number 3.1; put it in quotes"},
        {"paper_section: 010\n", "paper_section: should be a text, but the file gives the number"},
        {"codable: yes\n", "codable: should be true or false, not \"yes\""},
        {"{\"definition\": {\"en\": \"before \\ud83d after\"}}\n", "holds half of a character (the lone surrogate U+D83D"},
        {"label: {de: \"Tr\u00e4nen \u202eevil\"}\n", "holds a line break, tab, control character or direction override"},
        // the line of the stray "}", not of the list it breaks off
        {"{\"definition\": {\"en\": \"a\"},\n \"examples\": [1, 2,\n}\n", "fields.yaml, line 3: cannot be read"},
        {"examples: " + "[".repeat(1100) + "]".repeat(1100) + "\n", "is refused: it nests deeper than Lacrima reads"}};
    for (String[] r : refused) {
      Path f = Files.writeString(dir.resolve("fields.yaml"), r[0], StandardCharsets.UTF_8);
      assertRefused(r[1], "category", "edit", p, "Pause", "--from", f.toString(), "--why", "x");
    }
    assertThat(codings() + CliRun.ok("codebook", "export", p, "--format", "json").out()).isEqualTo(before);
    // the German label alone is a field like any other
    Path german = Files.writeString(dir.resolve("german.yaml"), "label: {de: Innehalten}\n", StandardCharsets.UTF_8);
    CliRun.ok("category", "edit", p, "Pause", "--from", german.toString(), "--why", "x");
    assertThat(CliRun.ok("codebook", p, "--lang", "de").out()).contains("Innehalten");
    assertThat(CliRun.ok("codebook", p).out()).contains("Pause");
  }

  /** A text typed in a Windows shell is stored as every text is (LF, NFC); a noncharacter no export could write. */
  @Test
  void aTextTypedOnTheCommandLineIsStoredInTheNormalForm() {
    CliRun.ok("category", "edit", p, "Pause", "--definition-de", "Zeile eins\r\nZeile zwei mit Mu\u0308ll", "--why",
        "x");
    assertThat(CliRun.ok("codebook", "export", p, "--format", "json").out())
        .contains("Zeile eins\\nZeile zwei mit M\u00fcll").doesNotContain("\\r");
    assertRefused("holds the noncharacter U+FFFF", "category", "edit", p, "Pause", "--example", "a\uffffb", "--why",
        "x");
  }

  @Test
  void anEditFromAFileDoesNotMoveRetireOrSwapTheCategory() throws IOException {
    Path moving = Files.writeString(dir.resolve("moving.yaml"), "parent: Addressing\ndefinition: new\n",
        StandardCharsets.UTF_8);
    assertRefused("parent: a file gives fields, not a category's place", "category", "edit", p, "Exploring facts",
        "--from", moving.toString(), "--why", "x");
    // a category as the export writes it, its own id and path included, edits it
    Path own = Files.writeString(dir.resolve("own.yaml"), "path: Interventions > Neutralizing > Exploring facts\n"
        + "definition: {en: Our own definition.}\n", StandardCharsets.UTF_8);
    CliRun.ok("category", "edit", p, "Exploring facts", "--from", own.toString(), "--why", "x");
    assertThat(CliRun.ok("codebook", "export", p, "--format", "json").out()).contains("Our own definition.");
  }

  @Test
  void anUpgradeFileThatIsMissingOrMalformedIsOneLine() throws IOException {
    assertRefused(dir.resolve("missing.json") + ": cannot be read: no such file", "codebook", "upgrade", p, "--to",
        dir.resolve("missing.json").toString());
    Path bad = Files.writeString(dir.resolve("bad.json"), "{bad", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("codebook", "upgrade", p, "--to", bad.toString());
    assertThat(run.err()).startsWith("lacrima: " + bad + ", line ").contains("cannot be read");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void aNewCategoryUnderAMergedParentIsAConflict() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    CliRun.ok("category", "merge", p, "The therapeutic relationship", "The therapeutic process", "--why", "x");
    String plan = CliRun.ok("codebook", "upgrade", p, "--to", next).out();
    assertThat(plan).containsPattern("U\\d+ +CONFLICT +Crying in response to the therapist\n")
        .contains("its place is under \"The therapeutic relationship\", which this project has merged into \"The "
            + "therapeutic process\"");
  }

  /** The built-in system's JSON as a made-up next version, to be changed and {@link #written}. */
  private static ObjectNode builtInAs(String version) throws IOException {
    ObjectNode system = (ObjectNode) JSON.readTree(CliRun.ok("codebook", "export", "--format", "json").out());
    ((ObjectNode) system.get("system")).put("version", version);
    return system;
  }

  private Path written(ObjectNode system) throws IOException {
    Path next = dir.resolve("next-" + system.get("system").get("version").asText() + ".json");
    JSON.writeValue(next.toFile(), system);
    return next;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aVersionThatRenamesACategoryAndGivesItsNameToANewOneIsTakenOverInOneRun() throws Exception {
    ObjectNode system = builtInAs("1.2.0");
    ArrayNode categories = (ArrayNode) system.get("categories");
    for (JsonNode c : categories) {
      if (c.get("label").get("en").asText().equals("Pause")) {
        // the new version calls the old "Pause" "Silence" and gives the name to a new, narrower category
        ObjectNode narrower = c.deepCopy();
        narrower.put("id", "0b6f3c55-2d1e-4a43-9a57-3f1d3bb0c0de");
        ((ObjectNode) narrower.get("definition")).put("en", "A short pause.");
        ObjectNode renamed = (ObjectNode) c;
        ((ObjectNode) renamed.get("label")).put("en", "Silence").put("de", "Stille");
        renamed.put("path", renamed.get("path").asText().replace("Pause", "Silence"));
        categories.add(narrower);
        break;
      }
    }
    Path next = written(system);
    String before = codings();
    String plan = CliRun.ok("codebook", "upgrade", p, "--to", next.toString()).out();
    assertThat(plan).as(plan).contains("2 clean change(s), 0 conflict(s)");
    Matcher renamed = Pattern.compile("(U\\d+) +clean +Pause · label").matcher(plan);
    Matcher added = Pattern.compile("(U\\d+) +clean +Pause\n").matcher(plan);
    assertThat(renamed.find() && added.find()).as(plan).isTrue();
    // the new "Pause" alone would clash with the one the project has: the refusal names the renaming to take along
    assertRefused("take that over too (--accept " + renamed.group(1) + ")", "codebook", "upgrade", p, "--to",
        next.toString(), "--accept", added.group(1), "--why", "x");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next.toString(), "--accept", "all", "--why", "1.2.0").out())
        .contains("Took over 2 change(s)");
    assertThat(CliRun.ok("codebook", p).out()).contains("─ Silence\n").contains("─ Pause\n");
    // the codings of the old "Pause" are now the codings of "Silence", the same codings by id
    assertThat(codings().replace("Giving space > Silence", "Giving space > Pause")).isEqualTo(before);
  }

  @Test
  void aVersionFileWithAControlCharacterInAnyTextIsRefused() throws Exception {
    ObjectNode system = builtInAs("1.3.0");
    // an escape sequence in the title would clear the screen of whoever prints the codebook
    ((ObjectNode) system.get("system").get("title")).put("en", "A title\u001b[2J");
    assertRefused("system.title.en: holds a control character (\"A title?[2J\")", "codebook", "upgrade", p, "--to",
        written(system).toString());
    ObjectNode relation = builtInAs("1.3.1");
    ((ObjectNode) relation.get("relations").get(0)).putObject("note").put("en", "bell\u0007");
    assertRefused("relations[0].note.en: holds a control character", "codebook", "upgrade", p, "--to",
        written(relation).toString());
  }

  @Test
  void aVersionMakingACodedCategoryAGroupingNodeIsAConflict() throws Exception {
    ObjectNode system = builtInAs("1.2.0");
    ((ObjectNode) system.get("system").get("title")).put("en", "A new title");
    for (JsonNode c : system.get("categories")) {
      if (c.get("label").get("en").asText().equals("Pause")) {
        ((ObjectNode) c).put("codable", false);
      }
    }
    Path next = written(system);
    String before = codings();
    String plan = CliRun.ok("codebook", "upgrade", p, "--to", next.toString()).out();
    Matcher pause = Pattern.compile("(U\\d+) +CONFLICT +Pause · codable").matcher(plan);
    assertThat(pause.find()).as(plan).isTrue();
    assertThat(plan).contains("codings rest on \"Pause\", which this change would make a grouping node")
        .contains("Once every proposal is settled, the project also takes over the new version's title");
    assertRefused("codings rest on \"Pause\"", "codebook", "upgrade", p, "--to", next.toString(), "--decide",
        pause.group(1) + "=theirs", "--why", "x");
    assertThat(codings()).isEqualTo(before);
    assertThat(CliRun.ok("stats", p).out()).containsPattern("(?m)^ +Pause +\\d+");
  }

  @Test
  void takesOverARevisedBuiltInSystemThreeWay() throws URISyntaxException {
    String next = Path.of(getClass().getResource("next-builtin-1.1.0.json").toURI()).toString();
    CliRun.ok("category", "rename", p, "Letting narrate", "Letting them talk", "--why", "our team's wording");
    String plan = CliRun.ok("codebook", "upgrade", p, "--to", next).out();
    assertThat(plan).contains("to crying-working-models 1.1.0: 5 clean change(s), 1 conflict(s)");
    Matcher conflict = Pattern.compile("(U\\d+) +CONFLICT +Letting them talk · label").matcher(plan);
    assertThat(conflict.find()).as(plan).isTrue();
    Matcher pause = Pattern.compile("(U\\d+) +clean +Pause · definition").matcher(plan);
    assertThat(pause.find()).as(plan).isTrue();

    CliRun partly = CliRun.ok("codebook", "upgrade", p, "--to", next, "--accept", pause.group(1), "--why", "revised definition");
    assertThat(partly.out()).contains("Took over 1 change(s)").contains("still open");
    assertThat(CliRun.ok("codebook", "diff", p, "upstream", "current").out()).contains("Pause · definition");

    CliRun rest = CliRun.ok("codebook", "upgrade", p, "--to", next, "--accept", "all", "--decide",
        conflict.group(1) + "=mine", "--why", "take over 1.1.0, keep our label");
    assertThat(rest.out()).contains("kept the team's version in 1").contains("now rests on crying-working-models 1.1.0");
    String tree = CliRun.ok("codebook", p).out();
    assertThat(tree).contains("Letting them talk").contains("Crying in response to the therapist")
        .contains("Crying as incidental to the process  [retired]").doesNotContain("intersects with");
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next).out()).contains("0 clean change(s), 0 conflict(s)");
    CliRun.ok("category", "undo", p, "--why", "not yet");
    assertThat(CliRun.ok("codebook", p).out()).doesNotContain("Crying in response to the therapist");
    // the undo also put back the upstream the upgrade replaced: the new version is on offer again
    assertThat(CliRun.ok("codebook", "upgrade", p, "--to", next).out()).doesNotContain("0 clean change(s), 0 conflict(s)");
  }
}
