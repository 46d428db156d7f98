package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consensus layer when the study, the documents or the categories change after it was built, and decisions
 * that cannot stand. One interview, coders ann and bob; worked by hand: turn 2 (24..53) ann and bob give Alpha
 * (agreed), ann Beta; turn 4 (70..96) ann G1, bob G2 (children of the group Grp) and bob Beta; turn 1 both Gamma.
 * Four disagreements: Beta in turn 2, G1, G2 and Beta in turn 4.
 */
class ConsensusStudyChangesTest {

  @TempDir
  Path dir;

  private String p;

  @BeforeEach
  void study() throws Exception {
    p = dir.resolve("s.lacrima").toString();
    CliRun.ok("init", "--empty", p);
    for (String c : new String[] {"Alpha", "Beta", "Gamma", "Grp"}) {
      CliRun.ok("category", "add", p, c, "--why", "test");
    }
    CliRun.ok("category", "add", p, "G1", "--parent", "Grp", "--why", "test");
    CliRun.ok("category", "add", p, "G2", "--parent", "Grp", "--why", "test");
    Files.writeString(dir.resolve("doc1.txt"),
        "I: How did it start?\nB: She cried a lot. It was hard.\nI: And then?\nB: We paused. Then we talked.\n");
    CliRun.ok("import", p, dir.resolve("doc1.txt").toString());
    Files.writeString(dir.resolve("c.csv"), """
        document,start,end,category,coder
        doc1,24,40,Alpha,ann
        doc1,24,53,Alpha,bob
        doc1,41,53,Beta,ann
        doc1,70,80,G1,ann
        doc1,70,80,G2,bob
        doc1,0,20,Gamma,ann
        doc1,0,20,Gamma,bob
        doc1,81,96,Beta,bob
        """);
    CliRun.ok("codings", "import", p, dir.resolve("c.csv").toString());
  }

  /** The disagreements a build lists, by "category@start" (Beta@24, G1@70, G2@70, Beta@70). */
  private Map<String, String> build(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "consensus";
    args[1] = p;
    System.arraycopy(options, 0, args, 2, options.length);
    Matcher m = Pattern.compile("(?m)^(D[0-9a-f]{10})  doc1 (\\d+)\\.\\.\\d+  (?:.* > )?(\\S+)$")
        .matcher(CliRun.ok(args).out());
    Map<String, String> ids = new LinkedHashMap<>();
    while (m.find()) {
      ids.put(m.group(3) + "@" + m.group(2), m.group(1));
    }
    return ids;
  }

  private String layer() {
    return CliRun.ok("codings", "export", p).out().lines().filter(l -> l.contains(",consensus,"))
        .map(l -> l.replaceFirst("^[^,]+,", "")).sorted().toList().toString();
  }

  /** Over other units than its own, the layer's union rule shows as disagreements nobody decided: said so. */
  @Test
  void agreementWithTheLayerOverOtherUnitsSaysWhatItWasBuiltOn() throws Exception {
    build("--coders", "ann,bob");
    JsonNode sentences = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "consensus,ann", "--unit",
        "sentence", "--bootstrap", "0", "--format", "json").out());
    assertThat(sentences.get("provenance").get("notes").toString())
        .contains("the consensus layer was built and decided over turn units; compared over sentence units");
    JsonNode turns = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "consensus,ann", "--unit",
        "turn", "--bootstrap", "0", "--format", "json").out());
    assertThat(turns.get("provenance").get("notes").toString()).doesNotContain("the consensus layer was built");
  }

  /** A rebuild naming the coders takes the other options' defaults (all but --unit): the build says what changed. */
  @Test
  void aBuildShowsItsStudyAndSaysWhenTheStudyChanged() {
    String first = CliRun.ok("consensus", p, "--coders", "ann,bob", "--min-cover", "50").out();
    assertThat(first).contains("Consensus layer \"consensus\" (--coders ann,bob --unit turn --min-cover 50):")
        .doesNotContain("another study before");
    assertThat(CliRun.ok("consensus", p).out()).doesNotContain("another study before");
    assertThat(CliRun.ok("consensus", p, "--coders", "ann,bob").out())
        .contains("Consensus layer \"consensus\" (--coders ann,bob --unit turn):")
        .contains("note: the layer was built for another study before (--coders ann,bob --unit turn --min-cover 50)");
  }

  @Test
  void eachVersionIsListedWithTheTextItMarks() {
    String listed = CliRun.ok("consensus", p, "--coders", "ann,bob").out();
    assertThat(listed).contains("    ann: coded [41..53 \"It was hard.\"]").contains("    bob: not coded");
  }

  @Test
  void aDocumentWithoutTurnsAddedLaterLeavesTheStudyOnItsTurns() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    assertThat(ids).containsOnlyKeys("Beta@24", "G1@70", "G2@70", "Beta@70");
    for (String id : ids.values()) {
      CliRun.ok("consensus", "decide", p, id, "--neither", "--why", "not meant");
    }
    Files.writeString(dir.resolve("notes.txt"), "A note without speakers.\n");
    CliRun.ok("import", p, dir.resolve("notes.txt").toString());
    // "auto" chose turns when the layer was built; a document without turns does not turn the study into sentences
    assertThat(CliRun.ok("consensus", "status", p).out()).startsWith("4 of 4 disagreements decided.")
        .doesNotContain("applied nowhere");
    // nor does a rebuild with the coders named again and the unit left out, or one with nothing named
    assertThat(CliRun.ok("consensus", p, "--coders", "ann,bob").out()).contains("4 of 4 disagreements decided");
    assertThat(CliRun.ok("consensus", p).out()).contains("4 of 4 disagreements decided");
    // and status and decide, given the coders alone, take the study as the rebuild did
    assertThat(CliRun.ok("consensus", "status", p, "--coders", "ann,bob").out()).startsWith("4 of 4");
  }

  /**
   * A study of named categories keeps them by id; one merged or split since stands for the categories that took its
   * codings, so a rebuild neither empties the layer nor calls its codings "outside this study".
   */
  @Test
  void aStudyOfNamedCategoriesFollowsAMergeAndASplit() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob", "--categories", "Beta");
    assertThat(ids).containsOnlyKeys("Beta@24", "Beta@70");
    CliRun.ok("consensus", "decide", p, ids.get("Beta@24"), "--both", "--why", "it is there");
    assertThat(layer()).contains("Beta,41,53");
    assertThat(CliRun.ok("category", "merge", p, "Beta", "Gamma", "--why", "one category").out())
        .contains("1 consensus decision on \"Beta\" now rests on \"Gamma\"");
    String rebuilt = CliRun.ok("consensus", p).out();
    // Gamma now: turn 1 agreed (3..20, the turn without its label), turn 2 decided both (ann's 41..53, once Beta), turn 4 bob alone (81..96)
    assertThat(rebuilt).contains("note: --categories: \"Beta\" was merged into \"Gamma\" since; compared as \"Gamma\"")
        .contains("1 agreed code carried over; 1 of 2 disagreements decided").doesNotContain("outside this study");
    assertThat(layer()).contains("Gamma,3,20").contains("Gamma,41,53").doesNotContain("81,96");
    CliRun.ok("category", "split", p, "Gamma", "--into", "Early", "--into", "Late", "--rule", "text~start -> Early",
        "--rule", "text~. -> Late", "--why", "two kinds");
    assertThat(CliRun.ok("consensus", p).out()).contains("compared as \"Early\", \"Late\"")
        .doesNotContain("outside this study");
    assertThat(layer()).contains("Early,3,20");
  }

  /**
   * Under --min-cover a coder whose spans cover too little of the unit counts as absent; the listing shows what that
   * coder marked all the same, and "both" keeps it. Turn 4 (70..96, 26 code points): bob's Beta 81..96 covers 57 %,
   * ann's 70..75 19 %.
   */
  @Test
  void aVersionBelowMinCoverIsShownAndBothKeepsIt() throws Exception {
    Files.writeString(dir.resolve("more.csv"), "document,start,end,category,coder\ndoc1,70,75,Beta,ann\n");
    CliRun.ok("codings", "import", p, dir.resolve("more.csv").toString());
    Map<String, String> ids = build("--coders", "ann,bob", "--min-cover", "50");
    String listed = CliRun.ok("consensus", "status", p).out();
    assertThat(listed).contains("    ann: coded [70..75 \"We pa\"], 19 % of the unit: below --min-cover, so absent")
        .contains("    bob: coded [81..96 \"Then we talked.\"]");
    JsonNode report = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "ann,bob", "--min-cover", "50",
        "--bootstrap", "0", "--format", "json").out());
    assertThat(report.get("disagreements").toString()).contains("\"not_coded_by\":[\"ann\"],\"below_min_cover_by\":"
        + "{\"ann\":[[70,75]]}");
    CliRun.ok("consensus", "decide", p, ids.get("Beta@70"), "--both", "--why", "both marked it");
    assertThat(layer()).contains("Beta,70,75").contains("Beta,81,96");
  }

  /**
   * The layer is built when the team builds or decides; a coder's coding deleted since leaves it holding what the
   * coders no longer agree on. Status and agreement say so until it is built again. Turn 2: ann's Alpha 24..40 goes,
   * so the agreed Alpha 24..53 (the union) is no longer agreed.
   */
  @Test
  void aLayerBuiltBeforeACodersChangeIsSaidToBeOutOfDate() throws Exception {
    build("--coders", "ann,bob");
    String status = CliRun.ok("consensus", "status", p).out();
    assertThat(status).doesNotContain("out of date");
    String alpha = CliRun.ok("codings", "export", p).out().lines().filter(l -> l.contains(",ann,")
        && l.contains(",Alpha,24,40,")).findFirst().orElseThrow().substring(0, 36);
    CliRun.ok("codings", "delete", p, alpha, "--why", "not alpha after all");
    String stale = "the consensus layer is out of date: built again now, it would gain 0 codings and lose 1";
    assertThat(CliRun.ok("consensus", "status", p).out()).contains(stale);
    assertThat(CliRun.ok("agreement", p, "--coders", "bob,consensus", "--bootstrap", "0").out()).contains(stale);
    CliRun.ok("consensus", p);
    assertThat(CliRun.ok("consensus", "status", p).out()).doesNotContain("out of date");
    assertThat(layer()).doesNotContain("Alpha");
  }

  /** The open disagreements a comparison with the layer is told of are those of the documents and categories compared. */
  @Test
  void theOpenDisagreementsNotedAreThoseCompared() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    CliRun.ok("consensus", "decide", p, ids.get("G1@70"), "--neither", "--why", "no");
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,consensus", "--bootstrap", "0").out())
        .contains("leaves 3 disagreements of 4 in these documents and categories undecided");
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,consensus", "--bootstrap", "0", "--categories", "Beta").out())
        .contains("leaves 2 disagreements of 2 in these documents and categories undecided");
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,consensus", "--bootstrap", "0", "--categories", "G1").out())
        .doesNotContain("undecided");
    // every disagreement lies in B's turns: compared over I's, none is open
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,consensus", "--bootstrap", "0", "--speaker", "I").out())
        .doesNotContain("undecided");
  }

  /** A study named by its group keeps a child merged out of the group, as the category that took it over. */
  @Test
  void aGroupStudyFollowsAChildMergedOutOfTheGroup() {
    Map<String, String> ids = build("--coders", "ann,bob", "--categories", "Grp");
    assertThat(ids).containsOnlyKeys("G1@70", "G2@70");
    CliRun.ok("consensus", "decide", p, ids.get("G1@70"), "--take", "ann", "--why", "G1 it is");
    CliRun.ok("category", "merge", p, "G1", "Gamma", "--why", "one category");
    // Gamma now: turn 1 agreed, turn 4 ann's (once G1), on which the decision follows
    assertThat(CliRun.ok("consensus", p).out()).contains("1 agreed code carried over; 1 of 2 disagreements decided")
        .doesNotContain("outside this study").contains("note: --categories: \"G1\" of \"Grp\" was merged since, "
            + "into \"Gamma\" outside it; compared as \"Gamma\", with all of its codings");
    assertThat(layer()).contains("Gamma,3,20").contains("Gamma,70,80");
  }

  /** A second coder coding a document for the first time makes the layer judge it: until rebuilt, it is out of date. */
  @Test
  void aDocumentASecondCoderCodesLaterMakesTheLayerOutOfDate() throws Exception {
    Files.writeString(dir.resolve("doc2.txt"), "I: Why?\nB: No idea.\n");
    CliRun.ok("import", p, dir.resolve("doc2.txt").toString());
    Files.writeString(dir.resolve("d2a.csv"), "document,quote,category,coder\ndoc2,No idea.,Alpha,ann\n");
    CliRun.ok("codings", "import", p, dir.resolve("d2a.csv").toString());
    build("--coders", "ann,bob");
    assertThat(CliRun.ok("consensus", "status", p).out()).doesNotContain("out of date");
    Files.writeString(dir.resolve("d2b.csv"), "document,quote,category,coder\ndoc2,No idea.,Beta,bob\n");
    CliRun.ok("codings", "import", p, dir.resolve("d2b.csv").toString());
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("out of date: built again now, it would judge "
        + "other units (");
  }

  /** --coders is split at commas; a coder whose name has one ("Smith, J") is still named there, and in any case. */
  @Test
  void aCoderWithACommaInItsNameCanBeNamed() throws Exception {
    Files.writeString(dir.resolve("smith.csv"), "document,start,end,category,coder\ndoc1,24,53,Alpha,\"Smith, J\"\n");
    CliRun.ok("codings", "import", p, dir.resolve("smith.csv").toString());
    assertThat(CliRun.ok("consensus", p, "--coders", "ann,Smith, J").out()).contains("Consensus layer");
    // the study is kept with the names as the project has them: status given the same coders in another case is it
    assertThat(CliRun.ok("consensus", "status", p, "--coders", "ANN,smith, j").out()).contains("decided");
    assertThat(CliRun.of("agreement", p, "--coders", "ann,Smith").err()).contains("no coder named \"Smith\"");
    // the layer's agreed code says "agreed by ann, Smith, J": still a build's own memo, so deciding and rebuilding work
    assertThat(layer()).contains("Alpha,24,53,She cried a lot. It was hard.,\"agreed by ann, Smith, J\"");
    assertThat(CliRun.ok("consensus", "status", p).out()).doesNotContain("out of date");
    String id = CliRun.ok("consensus", "status", p).out().lines().filter(l -> l.matches("^D[0-9a-f]{10} .*"))
        .findFirst().orElseThrow().substring(0, 11);
    CliRun.ok("consensus", "decide", p, id, "--take", "Smith, J", "--why", "x");
    CliRun.ok("consensus", p);
  }

  /** A decisions file's rationale may stand under "why"; a file with none, and no --why, is refused at its header. */
  @Test
  void aDecisionsFileNamesItsRationaleColumnOrIsRefused() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    Files.writeString(dir.resolve("why.csv"), "id,decision,why\n" + ids.get("G1@70") + ",neither,not meant\n");
    CliRun.ok("consensus", "decide", p, "--from", dir.resolve("why.csv").toString());
    assertThat(CliRun.ok("consensus", "status", p, "--decided").out()).contains("not meant");
    Path none = Files.writeString(dir.resolve("none.csv"), "id,decision,reasoning\n" + ids.get("G2@70") + ",neither,x\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", none.toString()).err())
        .contains(none + ", line 1: has no column rationale (its columns: id, decision, reasoning)");
    // a column of reasons under another name would give way to --why without a word; other columns are named as unread
    Path notes = Files.writeString(dir.resolve("notes.csv"), "id,decision,notes\n" + ids.get("G2@70")
        + ",neither,the team's own reason\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", notes.toString(), "--why", "meeting 3").err())
        .contains(notes + ", line 1: has a column \"notes\", which is not read");
    Path german = Files.writeString(dir.resolve("german.csv"), "id,decision,Bemerkungen\n" + ids.get("G2@70")
        + ",neither,weil\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", german.toString(), "--why", "meeting 3").err())
        .contains(german + ", line 1: has a column \"Bemerkungen\", which is not read");
    Path extra = Files.writeString(dir.resolve("extra.csv"), "id,decision,why,excerpt\n" + ids.get("G2@70")
        + ",neither,not meant,We paused\n");
    assertThat(CliRun.ok("consensus", "decide", p, "--from", extra.toString()).out())
        .contains("Note: not read, as no part of a decision stands there: the column excerpt.");
    // two columns for the rationale: which one the team meant, the file does not say
    Path two = Files.writeString(dir.resolve("two.csv"), "id,decision,why,reason\n" + ids.get("G2@70")
        + ",neither,x,y\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", two.toString()).err())
        .contains(two + ", line 1: has 2 columns for the rationale (why, reason); keep one of them");
    // a header alone decides nothing, and says so rather than reporting success
    Path empty = Files.writeString(dir.resolve("empty.csv"), "id,decision,rationale\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", empty.toString()).err())
        .contains(empty + ", line 1: has a header and no decisions below it");
  }

  /**
   * A split moves the layer's agreed Alpha (turn 2) to a part; a rebuild then replaces the layer's codings. Undoing the
   * split says so, instead of counting the build's coding as one a person deleted.
   */
  @Test
  void undoingASplitAfterARebuildDoesNotCallTheLayersCodingsDeleted() {
    build("--coders", "ann,bob");
    CliRun.ok("category", "split", p, "Alpha", "--into", "A1", "--into", "A2", "--rule", "coder=ann -> A1", "--rule",
        "text~. -> A2", "--why", "s");
    CliRun.ok("consensus", p);
    assertThat(CliRun.ok("category", "undo", p, "--why", "u").out())
        .contains("1 consensus coding replaced by a consensus build since").doesNotContain("deleted since");
  }

  /** A new version beside an agreed code of its category joins it: the layer holds those characters once. */
  @Test
  void aNewVersionOverlappingAnAgreedCodeOfItsCategoryJoinsIt() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    // turn 2: Alpha agreed (24..53); Beta disputed there, decided as a new version Alpha 41..53
    CliRun.ok("consensus", "decide", p, ids.get("Beta@24"), "--span", "41..53", "--category", "Alpha", "--why", "alpha");
    assertThat(layer()).contains("Alpha,24,53").doesNotContain("Alpha,41,53");
    assertThat(CliRun.ok("codings", "export", p).out()).contains("Alpha,24,53,She cried a lot. It was hard.,"
        + "\"agreed by ann, bob\ndecided (new): alpha\"");
    JsonNode report = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "ann,consensus", "--bootstrap",
        "0", "--format", "json").out());
    assertThat(report.get("provenance").get("notes").toString()).doesNotContain("merged");
  }

  @Test
  void aCoderNamedLikeTheLayerIsToldApart() throws Exception {
    Files.writeString(dir.resolve("cap.csv"), "document,start,end,category,coder\ndoc1,0,20,Gamma,Consensus\n");
    CliRun.ok("codings", "import", p, dir.resolve("cap.csv").toString());
    assertThat(CliRun.ok("consensus", p, "--coders", "ann,bob").out()).contains("note: the coder \"Consensus\" is not "
        + "the consensus layer, which is always \"consensus\"");
  }

  /** --where filters are kept in the order given, and a study is the same however they are ordered or spelt. */
  @Test
  void aStudyFilteredByVariablesIsTheSameHoweverTheFiltersAreWritten() throws Exception {
    Files.writeString(dir.resolve("vars.csv"), "document,orientation,interviewer\ndoc1,CBT,lena\n");
    CliRun.ok("import", p, "--vars", dir.resolve("vars.csv").toString());
    JsonNode report = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "ann,bob", "--where",
        "interviewer=lena", "--where", "orientation=CBT", "--bootstrap", "0", "--format", "json").out());
    assertThat(report.get("provenance").get("filters").toString())
        .isEqualTo("{\"where_interviewer\":\"lena\",\"where_orientation\":\"CBT\"}");
    build("--coders", "ann,bob", "--where", "interviewer=lena", "--where", "orientation=CBT");
    assertThat(CliRun.ok("consensus", "status", p, "--coders", "ann,bob", "--where", "Orientation=KVT", "--where",
        "interviewer=lena").out()).contains("disagreements decided");
  }

  /** A coded document the study's units miss is in no disagreement: said, and the layer is not called complete. */
  @Test
  void aCodedDocumentWithoutTheStudysUnitsIsNamedNotPassedOver() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    Files.writeString(dir.resolve("doc2.txt"), "She cried a lot. It was about her father.\n");
    CliRun.ok("import", p, dir.resolve("doc2.txt").toString());
    Files.writeString(dir.resolve("d2.csv"), "document,start,end,category,coder\ndoc2,0,16,Alpha,ann\ndoc2,0,16,Beta,bob\n");
    CliRun.ok("codings", "import", p, dir.resolve("d2.csv").toString());
    String note = "note: 1 coded document in scope has no turn units, so its codings are compared nowhere: doc2 "
        + "(no speaker turns; --unit sentence compares them)";
    assertThat(CliRun.ok("consensus", p).out()).contains(note);
    assertThat(CliRun.ok("consensus", "status", p).out()).contains(note);
    for (String id : ids.values()) {
      CliRun.ok("consensus", "decide", p, id, "--neither", "--why", "not meant");
    }
    assertThat(CliRun.ok("consensus", "decide", p, ids.get("Beta@24"), "--both", "--why", "meant after all").out())
        .contains("4 of 4 disagreements decided; but 1 coded document of the study has no units of its kind")
        .doesNotContain("complete");
    JsonNode report = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "ann,bob", "--unit", "turn",
        "--bootstrap", "0", "--format", "json").out());
    assertThat(report.get("provenance").get("notes").toString()).contains("compared nowhere: doc2");
  }

  @Test
  void aDecisionTakingTheVersionOfACoderNoLongerComparedLeavesTheDisagreementOpen() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    CliRun.ok("consensus", "decide", p, ids.get("G1@70"), "--take", "ANN", "--why", "ann heard it right");
    assertThat(layer()).contains("G1,70,80");
    Files.writeString(dir.resolve("cat.csv"), "document,start,end,category,coder\ndoc1,70,80,G1,cat\ndoc1,0,20,Gamma,cat\n");
    CliRun.ok("codings", "import", p, dir.resolve("cat.csv").toString());
    // bob and cat: G1 in turn 4 is disputed again (cat gave it, bob did not), and "take ann" cannot settle it
    String out = CliRun.ok("consensus", p, "--coders", "bob,cat").out();
    assertThat(out).contains(ids.get("G1@70") + "  doc1 70..96").contains("1 earlier decision settles no disagreement")
        .contains("  " + ids.get("G1@70") + "  take ann, ann heard it right");
    assertThat(layer()).doesNotContain("G1,");
  }

  /**
   * "Take ann" was decided when ann had given G1 in turn 4 and bob had not; then ann's coding goes and bob gives it.
   * Applied as it reads, the decision would now keep G1 off: the opposite of what the team decided.
   */
  @Test
  void aTakenVersionWhoseCoderChangedSidesIsNotTurnedRound() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    String g1 = ids.get("G1@70");
    CliRun.ok("consensus", "decide", p, g1, "--take", "ann", "--why", "ann heard it right");
    assertThat(layer()).contains("G1,70,80");
    String annsG1 = CliRun.ok("codings", "export", p).out().lines()
        .filter(l -> l.contains(",ann,") && l.contains(" G1,70,80,")).findFirst().orElseThrow().split(",")[0];
    CliRun.ok("codings", "delete", p, annsG1, "--why", "moved to bob's layer");
    Files.writeString(dir.resolve("bob.csv"), "document,start,end,category,coder\ndoc1,70,80,G1,bob\n");
    CliRun.ok("codings", "import", p, dir.resolve("bob.csv").toString());
    String rebuilt = CliRun.ok("consensus", p, "--coders", "ann,bob").out();
    assertThat(rebuilt).contains(g1 + "  doc1 70..96").contains("1 earlier decision settles no disagreement")
        .contains("  " + g1 + "  take ann, ann heard it right");
    // decided again: the earlier decision is named as replaced, and kept
    String again = CliRun.ok("consensus", "decide", p, g1, "--take", "bob", "--why", "bob heard it right").out();
    assertThat(again).contains(g1 + ": replaces the decision of ").contains("take ann, ann heard it right");
    assertThat(layer()).contains("G1,70,80");
    // the same decision once more (a decisions file run twice) replaces nothing
    assertThat(CliRun.ok("consensus", "decide", p, g1, "--take", "bob", "--why", "bob heard it right").out())
        .doesNotContain("replaces");
    // the record: what stands, who decided it, and what it replaced
    String record = CliRun.ok("consensus", "status", p, "--decided").out();
    assertThat(record).containsPattern("(?m)^" + g1 + "  doc1 70\\.\\.96  Grp > G1\n    decided: take bob by \\S+, "
        + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\S+: bob heard it right\n    replaced: take ann by \\S+, .*: ann heard it right$");
    // a new version names the category it gives
    CliRun.ok("consensus", "decide", p, ids.get("Beta@70"), "--span", "81..96", "--category", "Alpha", "--why", "x");
    assertThat(CliRun.ok("consensus", "status", p, "--decided").out()).contains("decided: new 81..96 as \"Alpha\" by ");
  }

  /** The layer goes whole, its decisions stay: built again, it is the layer it was. */
  @Test
  void aDroppedLayerComesBackAsItWasWhenBuiltAgain() {
    Map<String, String> ids = build("--coders", "ann,bob");
    CliRun.ok("consensus", "decide", p, ids.get("Beta@70"), "--take", "bob", "--why", "it was said");
    String before = layer();
    assertThat(CliRun.of("consensus", "drop", p).err()).contains("--why");
    String dropped = CliRun.ok("consensus", "drop", p, "--why", "built with the wrong coders").out();
    assertThat(dropped).contains("Dropped the consensus layer").contains("1 decision kept");
    assertThat(layer()).isEqualTo("[]");
    assertThat(CliRun.of("consensus", "status", p).err()).contains("the consensus layer was dropped (its 1 decision "
        + "kept").contains("build it again with");
    // the record stays readable while the layer is gone
    assertThat(CliRun.ok("consensus", "status", p, "--decided").out()).contains("The consensus layer was dropped; "
        + "1 decision on record").containsPattern("(?m)^" + ids.get("Beta@70") + "  doc1 70\\.\\.96  Beta\n"
        + "    decided: take bob by \\S+, .*: it was said$");
    assertThat(CliRun.ok("codings", "memos", p).out()).contains("Consensus layer dropped by")
        .contains("built with the wrong coders");
    build("--coders", "ann,bob");
    assertThat(layer()).isEqualTo(before).contains("Beta,81,96");
  }

  @Test
  void aLayerDroppedBeforeAnyDecisionIsSaidToBeDroppedNotNeverBuilt() {
    build("--coders", "ann,bob");
    CliRun.ok("consensus", "drop", p, "--why", "again");
    assertThat(CliRun.of("consensus", "status", p).err()).contains("the consensus layer was dropped (codings memos "
        + "PROJECT shows why)").doesNotContain("has been built");
  }

  /** A build's coding deleted by hand came back with the next build, while status called the layer complete. */
  @Test
  void aCodingTheBuildMadeIsNotDeletedByHand() {
    build("--coders", "ann,bob");
    String before = layer();
    String agreed = CliRun.ok("codings", "export", p).out().lines()
        .filter(l -> l.contains(",consensus,") && l.contains("Alpha,24,53")).findFirst().orElseThrow().split(",")[0];
    CliRun refused = CliRun.of("codings", "delete", p, agreed, "--why", "not agreed after all");
    assertThat(refused.err()).contains("1 coding (" + agreed + ") was made by the consensus build")
        .contains("nothing was deleted");
    assertThat(layer()).isEqualTo(before);
    // a coder's own coding is deleted as before
    String annsBeta = CliRun.ok("codings", "export", p).out().lines()
        .filter(l -> l.contains(",ann,") && l.contains("Beta,41,53")).findFirst().orElseThrow().split(",")[0];
    CliRun.ok("codings", "delete", p, annsBeta, "--why", "coded by mistake");
  }

  @Test
  void aNarrowerStudyTakesTheEarlierBuildOffTheRestOfTheLayer() {
    Map<String, String> ids = build("--coders", "ann,bob");
    CliRun.ok("consensus", "decide", p, ids.get("Beta@70"), "--take", "bob", "--why", "it was said");
    assertThat(layer()).contains("Beta,81,96").contains("Alpha,24,53");
    String narrower = CliRun.ok("consensus", p, "--coders", "ann,bob", "--categories", "Alpha,Gamma").out();
    assertThat(narrower).contains("1 coding of an earlier build outside this study was taken off the layer");
    assertThat(layer()).doesNotContain("Beta").contains("Alpha,24,53").contains("Gamma,3,20");
    // the decision is kept: the wider study, built again, brings it back
    build("--coders", "ann,bob");
    assertThat(layer()).contains("Beta,81,96");
    // another unit over the same documents and categories takes nothing "outside" off
    assertThat(CliRun.ok("consensus", p, "--coders", "ann,bob", "--unit", "sentence").out()).doesNotContain("taken off");
  }

  @Test
  void aCodingGivenTheLayerByHandIsRefusedWhateverItsMemoSays() throws Exception {
    build("--coders", "ann,bob");
    String before = layer();
    // as an edited export would bring it: the memo a build writes, on a span no build made
    Files.writeString(dir.resolve("hand.csv"), "document,start,end,category,coder,memo\n"
        + "doc1,81,96,Beta,consensus,\"agreed by ann, bob\"\n");
    CliRun.ok("codings", "import", p, dir.resolve("hand.csv").toString());
    CliRun refused = CliRun.of("consensus", p, "--coders", "ann,bob");
    assertThat(refused.err()).contains("1 coding of the coder \"consensus\" was not made by a consensus build (doc1 81..96)");
    assertThat(layer()).contains("Beta,81,96");
    assertThat(before).doesNotContain("Beta,81,96");
  }

  /**
   * Codings given the coder "consensus" outside a build (by hand, or from another project's export) are said to be so
   * as they come in, by status while they block the next build, and no layer is called "dropped" that never was.
   */
  @Test
  void codingsGivenTheLayerByHandAreSaidToBlockItsBuildsFromTheStart() throws Exception {
    Files.writeString(dir.resolve("hand.csv"), "document,start,end,category,coder\ndoc1,81,96,Beta,consensus\n");
    String imported = CliRun.ok("codings", "import", p, dir.resolve("hand.csv").toString()).out();
    assertThat(imported).contains("Note: 1 coding of the coder \"consensus\" was not made as they are by a consensus "
        + "build of this project").doesNotContain("table import");
    String never = CliRun.of("consensus", "status", p).err();
    assertThat(never).contains("no consensus layer is built in this project: 1 coding of the coder \"consensus\"")
        .doesNotContain("dropped");
    // importing the same file again adds nothing, and says nothing new
    assertThat(CliRun.ok("codings", "import", p, dir.resolve("hand.csv").toString()).out()).doesNotContain("Note:");
    // deleted again, they leave no layer to call dropped
    String hand = CliRun.ok("codings", "export", p).out().lines().filter(l -> l.contains(",consensus,")).findFirst()
        .orElseThrow().split(",")[0];
    CliRun.ok("codings", "delete", p, hand, "--why", "given by mistake");
    assertThat(CliRun.of("consensus", "status", p).err()).contains("no consensus layer has been built in this project "
        + "yet").doesNotContain("dropped");
  }

  @Test
  void statusSaysWhatBlocksDecisionsOnALayerGivenACodingByHand() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    Files.writeString(dir.resolve("hand.csv"), "document,start,end,category,coder\ndoc1,0,10,Beta,consensus\n");
    CliRun.ok("codings", "import", p, dir.resolve("hand.csv").toString());
    assertThat(CliRun.of("consensus", "decide", p, ids.get("G1@70"), "--neither", "--why", "x").err())
        .contains("was not made by a consensus build (doc1 0..10)");
    assertThat(CliRun.ok("consensus", "status", p).out()).startsWith("0 of 4")
        .contains("note: 1 coding of the coder \"consensus\" was not made as they are by a consensus build");
  }

  /** The same decision again (a decisions file run twice) keeps the first, with its who and when, and says so. */
  @Test
  void theSameDecisionAgainKeepsTheFirstAndSaysSo() {
    Map<String, String> ids = build("--coders", "ann,bob");
    String id = ids.get("Beta@24");
    CliRun.ok("consensus", "decide", p, id, "--take", "ann", "--why", "said twice", "--as", "ann");
    String again = CliRun.ok("consensus", "decide", p, id, "--take", "ann", "--why", "said twice", "--as", "bob").out();
    assertThat(again).contains(id + ": decided so already by ann (").contains("kept as it was")
        .doesNotContain("replaces");
    assertThat(CliRun.ok("consensus", "status", p, "--decided").out()).contains("by ann").doesNotContain("by bob");
    // the same rationale typed decomposed, with a line ended CRLF and a blank after: the same, as every text is
    String id2 = ids.get("G1@70");
    CliRun.ok("consensus", "decide", p, id2, "--neither", "--why", "J\u00fcrgen said\nno");
    assertThat(CliRun.ok("consensus", "decide", p, id2, "--neither", "--why", "Ju\u0308rgen said\r\nno ").out())
        .contains(id2 + ": decided so already");
  }

  /**
   * A coding the team decided (ann's Beta in turn 2, taken) that the other coder then codes the same way is agreed:
   * the layer would keep it where it is, with another memo; said as that, not as one coding gained and one lost.
   */
  @Test
  void aDecidedCodingAgreedSinceIsSaidToChangeItsMemoOnly() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    CliRun.ok("consensus", "decide", p, ids.get("Beta@24"), "--take", "ann", "--why", "it was said");
    Files.writeString(dir.resolve("bob.csv"), "document,start,end,category,coder\ndoc1,41,53,Beta,bob\n");
    CliRun.ok("codings", "import", p, dir.resolve("bob.csv").toString());
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("out of date: built again now, it would give "
        + "1 coding another memo").doesNotContain("would gain");
  }

  @Test
  void aBuildsCodingThatANoteWasJoinedToIsNotRebuiltOverTheNote() throws Exception {
    build("--coders", "ann,bob");
    String agreed = CliRun.ok("codings", "export", p).out().lines()
        .filter(l -> l.contains(",consensus,") && l.contains("Alpha,24,53")).findFirst().orElseThrow().split(",")[0];
    // a row repeating the build's coding, with a note: the import joins the note to its memo
    Files.writeString(dir.resolve("note.csv"), "document,start,end,category,coder,memo\n"
        + "doc1,24,53,Alpha,consensus,checked again in the team meeting\n");
    CliRun.ok("codings", "import", p, dir.resolve("note.csv").toString());
    CliRun refused = CliRun.of("consensus", p, "--coders", "ann,bob");
    assertThat(refused.err()).contains("1 coding of the consensus layer carries a note added since the build ("
        + agreed + "), which rebuilding the layer would lose").doesNotContain("not made by a consensus build");
    assertThat(CliRun.ok("codings", "export", p).out()).contains("agreed by ann, bob\nchecked again in the team meeting");
    // deleted, its memo stays with the deletion; the next build makes the coding again
    CliRun.ok("codings", "delete", p, agreed, "--why", "the note is kept with the deletion");
    build("--coders", "ann,bob");
    assertThat(layer()).contains("Alpha,24,53");
    assertThat(CliRun.ok("codings", "export", p).out()).doesNotContain("team meeting");
    assertThat(CliRun.ok("codings", "memos", p, "doc1").out()).contains("checked again in the team meeting");
  }

  @Test
  void decisionsThatTogetherBreakAnExclusiveGroupAreFoundInAnyOrder() {
    CliRun.ok("category", "exclusive", p, "Grp", "on", "--why", "one per turn");
    Map<String, String> ids = build("--coders", "ann,bob");
    // a new version puts G1 on turn 4 through the Beta disagreement, which comes before G1's own "neither"
    CliRun.ok("consensus", "decide", p, ids.get("Beta@70"), "--span", "81..96", "--category", "G1", "--why", "x");
    CliRun.ok("consensus", "decide", p, ids.get("G1@70"), "--neither", "--why", "x");
    String last = CliRun.ok("consensus", "decide", p, ids.get("G2@70"), "--take", "bob", "--why", "x").out();
    assertThat(layer()).contains("G1,81,96").contains("G2,70,80");
    // G1 named by the disagreement whose new version put it there, not by its own
    assertThat(last).doesNotContain("the consensus layer is complete").contains("holds G1 (" + ids.get("Beta@70")
        + ") and G2 (" + ids.get("G2@70") + ")");
  }

  /** A subcategory stands for its child of the group: agreed G1a (under G1) beside agreed G2 breaks the group. */
  @Test
  void agreedCodesUnderTwoChildrenOfAnExclusiveGroupAreListedToDecide() throws Exception {
    CliRun.ok("category", "add", p, "G1a", "--parent", "G1", "--why", "test");
    CliRun.ok("category", "exclusive", p, "Grp", "on", "--why", "one per turn");
    Files.writeString(dir.resolve("sub.csv"), """
        document,start,end,category,coder
        doc1,3,20,G1a,ann
        doc1,3,20,G1a,bob
        doc1,3,20,G2,ann
        doc1,3,20,G2,bob
        """);
    CliRun.ok("codings", "import", p, dir.resolve("sub.csv").toString());
    Map<String, String> ids = build("--coders", "ann,bob");
    assertThat(ids).containsKeys("G1a@3", "G2@3");
    CliRun.ok("consensus", "decide", p, ids.get("G1a@3"), "--neither", "--why", "the group takes one");
    CliRun.ok("consensus", "decide", p, ids.get("G2@3"), "--both", "--why", "the group takes one");
    assertThat(layer()).contains("G2,3,20").doesNotContain("G1a,");
  }

  @Test
  void aNewVersionTooShortToCountUnderTheStudysMinimumCoverIsRefused() {
    Map<String, String> ids = build("--coders", "ann,bob", "--min-cover", "50");
    // turn 4 is 26 characters long; 81..85 covers 4 of them
    CliRun refused = CliRun.of("consensus", "decide", p, ids.get("Beta@70"), "--span", "81..85", "--category", "Beta",
        "--why", "x");
    assertThat(refused.err()).contains("covers less of the unit 70..96 than the study's --min-cover 50 %");
    CliRun.ok("consensus", "decide", p, ids.get("Beta@70"), "--span", "81..96", "--category", "Beta", "--why", "x");
  }

  @Test
  void aStudyWithoutUnitsLeavesTheLayerAsItWas() {
    build("--coders", "ann,bob");
    String before = layer();
    assertThat(CliRun.of("consensus", p, "--coders", "ann,bob", "--unit", "meaning-unit").err())
        .contains("no meaning units yet").contains("left as it was");
    assertThat(layer()).isEqualTo(before).contains("Alpha,24,53");
  }

  @Test
  void aRenamedCategoryStaysInTheSavedStudy() {
    build("--coders", "ann,bob", "--categories", "Alpha,Beta");
    CliRun.ok("category", "rename", p, "Alpha", "AlphaX", "--why", "a clearer name");
    assertThat(CliRun.ok("consensus", "status", p).out()).startsWith("0 of 2 disagreements decided.");
    // the same study named by the new label, the categories in another order
    CliRun.ok("consensus", "status", p, "--coders", "bob,ann", "--categories", "Beta,AlphaX");
  }

  @Test
  void undoingTheAdditionOfANewVersionsCategorySaysItsDecisionAppliesNowhere() {
    CliRun.ok("category", "add", p, "Delta", "--why", "a category found in the material");
    Map<String, String> ids = build("--coders", "ann,bob");
    String id = ids.get("Beta@70");
    CliRun.ok("consensus", "decide", p, id, "--span", "81..96", "--category", "Delta", "--why", "x");
    assertThat(layer()).contains("Delta,81,96");
    // a category added again would have another id: the decision applies nowhere, for good, and the undo says so
    // rather than "until the layer is built again"
    assertThat(CliRun.ok("category", "undo", p, "--why", "Delta was premature").out())
        .contains("1 consensus decision resting on a category the undo removes (" + id + ") kept on record but "
            + "applying nowhere now");
    assertThat(layer()).doesNotContain("Delta");
    String rebuilt = CliRun.ok("consensus", p, "--coders", "ann,bob").out();
    assertThat(rebuilt).contains("0 of 4 disagreements decided").contains("1 earlier decision settles no disagreement")
        .contains("  " + id + "  new, x");
    // the disagreement is there to decide anew
    CliRun.ok("consensus", "decide", p, id, "--take", "bob", "--why", "bob's reading");
    assertThat(CliRun.ok("consensus", "status", p, "--decided").out()).contains("replaced: new").contains("take bob");
  }

  /** Undoing a split whose parts carry decisions says that those decisions apply nowhere now, not "until rebuilt". */
  @Test
  void undoingASplitNamesTheDecisionsOnItsParts() {
    CliRun.ok("category", "split", p, "Beta", "--into", "B1", "--into", "B2", "--rule", "coder=ann -> B1", "--rule",
        "coder=bob -> B2", "--why", "two kinds");
    Map<String, String> ids = build("--coders", "ann,bob");
    CliRun.ok("consensus", "decide", p, ids.get("B2@70"), "--take", "bob", "--why", "said so");
    assertThat(CliRun.ok("category", "undo", p, "--why", "one kind after all").out())
        .contains("1 consensus decision resting on a category the undo removes (" + ids.get("B2@70") + ") kept on "
            + "record but applying nowhere now");
    assertThat(CliRun.ok("consensus", "status", p, "--decided").out()).contains(ids.get("B2@70"));
  }

  @Test
  void buildCodingsJoinedByAMergeOrFoldedBackByAnUndoStayTheBuilds() {
    Map<String, String> ids = build("--coders", "ann,bob");
    // two decisions put Alpha and Beta on the same span of turn 4; merging Alpha into Beta joins them
    CliRun.ok("consensus", "decide", p, ids.get("Beta@70"), "--take", "bob", "--why", "said so");
    CliRun.ok("consensus", "decide", p, ids.get("G1@70"), "--span", "81..96", "--category", "Alpha", "--why", "also");
    CliRun.ok("category", "merge", p, "Alpha", "Beta", "--why", "one category after all");
    assertThat(CliRun.ok("consensus", p, "--coders", "ann,bob").out()).contains("disagreements decided");
    CliRun.ok("category", "undo", p, "--why", "two after all");
    // a split, a rebuild on its parts, and the split undone: the layer is still the build's to rebuild
    CliRun.ok("category", "split", p, "Gamma", "--into", "G-a", "--into", "G-b", "--rule", "coder=ann -> G-a",
        "--rule", "coder=bob -> G-a", "--rule", "coder=consensus -> G-a", "--why", "x");
    CliRun.ok("consensus", p, "--coders", "ann,bob");
    assertThat(layer()).contains("G-a,3,20");
    assertThat(CliRun.ok("category", "undo", p, "--why", "x").out()).contains("consensus coding")
        .contains("built on them taken off");
    // until the next build, the layer judged nothing of Gamma: missing, not absent beside ann's Gamma
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,consensus", "--categories", "Gamma", "--bootstrap", "0",
        "--format", "json").out()).containsPattern("\"units_pairable\" ?: ?0\\b");
    CliRun.ok("consensus", p, "--coders", "ann,bob");
    assertThat(layer()).contains("Gamma,3,20").doesNotContain("G-a");
  }

  @Test
  void ofTwoDecisionsAMergeBringsTogetherTheEarlierIsListedAsReplaced() {
    Map<String, String> ids = build("--coders", "ann,bob");
    CliRun.ok("consensus", "decide", p, ids.get("G1@70"), "--take", "ann", "--why", "first");
    CliRun.ok("consensus", "decide", p, ids.get("G2@70"), "--take", "bob", "--why", "second");
    CliRun.ok("category", "merge", p, "G1", "G2", "--why", "one category after all");
    // the merge makes both coders' codes G2 (no disagreement left) and both decisions ones on G2 in turn 4: each
    // is listed, the earlier too, which a later one on the same unit and category would replace
    String status = CliRun.ok("consensus", "status", p).out();
    assertThat(status).contains("2 earlier decisions settle no disagreement").containsPattern("  D[0-9a-f]{10}  take ann, "
        + "first  \\(.*\\)\n  D[0-9a-f]{10}  take bob, second  \\(");
  }

  @Test
  void aStudyOfOneSpeakerJudgedOnlyItsTurns() throws Exception {
    build("--coders", "ann,bob", "--speaker", "B");
    // the interviewer's turns lie between B's: the layer judged none of them, only B's two turns
    com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        CliRun.ok("agreement", p, "--coders", "ann,consensus", "--bootstrap", "0", "--format", "json").out());
    java.util.Map<String, Integer> pairable = new java.util.HashMap<>();
    report.get("categories").forEach(r -> pairable.put(r.get("label").asText(), r.get("units_pairable").asInt()));
    assertThat(pairable).containsEntry("Gamma", 2).containsEntry("Alpha", 2).containsEntry("Beta", 2);
  }

  @Test
  void theLayerOfAStudyOfFewerCategoriesJudgedNoneOfTheOthers() throws Exception {
    build("--coders", "ann,bob", "--categories", "Alpha");
    // Beta was not in the study: the consensus is missing there, not absent from every unit
    com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        CliRun.ok("agreement", p, "--coders", "ann,consensus", "--categories", "Alpha,Beta", "--bootstrap", "0",
            "--format", "json").out());
    java.util.Map<String, Integer> pairable = new java.util.HashMap<>();
    report.get("categories").forEach(r -> pairable.put(r.get("label").asText(), r.get("units_pairable").asInt()));
    assertThat(pairable).containsEntry("Beta", 0);
    assertThat(pairable.get("Alpha")).isPositive();
  }

  @Test
  void decisionsSayOnceWhatTheyMean() throws Exception {
    Map<String, String> ids = build("--coders", "ann,bob");
    String id = ids.get("Beta@24");
    assertThat(CliRun.of("consensus", "decide", p, id, "--take", "ann", "--category", "Gamma", "--why", "x").err())
        .contains("--category goes with --span");
    CliRun both = CliRun.of("consensus", "decide", p, id, "--take", "ann", "--both", "--why", "x");
    assertThat(both.err().strip().lines()).hasSize(2).first().asString()
        .isEqualTo("lacrima: --take=CODER, --both are mutually exclusive (specify only one)");
    Files.writeString(dir.resolve("twice.csv"), "id,decision,coder,rationale\n" + id + ",take,ann,x\n"
        + id.toLowerCase(java.util.Locale.ROOT) + ",neither,,y\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", dir.resolve("twice.csv").toString()).err())
        .contains("twice.csv, line 3: " + id.toLowerCase(java.util.Locale.ROOT) + " is decided on line 2 already");
    // a single decision beside a file, or a row filled in for two kinds of decision, would drop one part unsaid
    Files.writeString(dir.resolve("one.csv"), "id,decision,coder,rationale\n" + id + ",neither,,x\n");
    assertThat(CliRun.of("consensus", "decide", p, id, "--take", "ann", "--from", dir.resolve("one.csv").toString())
        .err()).contains("decides what the file lists; a single decision");
    Files.writeString(dir.resolve("mixed.csv"), "id,decision,coder,start,end,category,rationale\n" + id
        + ",take,ann,24,30,Beta,x\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", dir.resolve("mixed.csv").toString()).err())
        .contains("mixed.csv, line 2: a \"take\" decision keeps the disputed span and category");
    Files.writeString(dir.resolve("coder.csv"), "id,decision,coder,rationale\n" + id + ",neither,ann,x\n");
    assertThat(CliRun.of("consensus", "decide", p, "--from", dir.resolve("coder.csv").toString()).err())
        .contains("coder.csv, line 2: a \"neither\" decision names no coder");
    assertThat(CliRun.ok("consensus", "status", p).out()).startsWith("0 of 4");
    // --why gives the rationale of the rows that have none
    Files.writeString(dir.resolve("plain.csv"), "id,decision,coder\n" + id + ",both,\n");
    CliRun.ok("consensus", "decide", p, "--from", dir.resolve("plain.csv").toString(), "--why", "read together");
    assertThat(CliRun.ok("codings", "export", p).out()).contains("read together");
    // ids and coders as listed, in any case
    CliRun.ok("consensus", "decide", p, id.toLowerCase(java.util.Locale.ROOT), "--take", "Ann", "--why", "x");
    assertThat(CliRun.ok("consensus", "status", p).out()).startsWith("1 of 4").contains("1 take");
    assertThat(CliRun.ok("codings", "export", p).out()).doesNotContain("read together");
  }
}
