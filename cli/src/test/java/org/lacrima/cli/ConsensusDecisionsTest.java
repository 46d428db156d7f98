package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions that cannot stand together, and decisions taken on a study other than the one the layer was built
 * for. In one turn coder A gave Sad and coder B Happy, two categories of the exclusive group Emotion: two
 * disagreements, one per category, whose decisions must not leave the consensus with both.
 */
class ConsensusDecisionsTest {

  @TempDir
  Path dir;

  private String p;

  @BeforeEach
  void study() throws Exception {
    p = dir.resolve("p.lacrima").toString();
    CliRun.ok("init", "--empty", p);
    Path text = Files.writeString(dir.resolve("d1.txt"), "T: Hello.\nC: It was hard \uD83D\uDC69\u200D\uD83D\uDC67.\nT: Tell me.\nC: I cried.\n");
    CliRun.ok("import", p, text.toString());
    CliRun.ok("category", "add", p, "Emotion", "--why", "test");
    CliRun.ok("category", "add", p, "Sad", "--parent", "Emotion", "--why", "test");
    CliRun.ok("category", "add", p, "Happy", "--parent", "Emotion", "--why", "test");
    CliRun.ok("category", "exclusive", p, "Emotion", "on", "--why", "one emotion per turn");
    Path codings = Files.writeString(dir.resolve("c.csv"), """
        document,quote,category,coder
        d1,It was hard \uD83D\uDC69\u200D\uD83D\uDC67.,Sad,A
        d1,It was hard \uD83D\uDC69\u200D\uD83D\uDC67.,Happy,B
        d1,I cried.,Sad,A
        d1,I cried.,Sad,B
        """);
    CliRun.ok("codings", "import", p, codings.toString());
  }

  private List<String> built() {
    Matcher m = Pattern.compile("(?m)^(D[0-9a-f]{10})").matcher(CliRun.ok("consensus", p, "--coders", "A,B").out());
    return m.results().map(r -> r.group(1)).toList();
  }

  @Test
  void takingBothCategoriesOfAnExclusiveGroupLeavesTheLayerIncomplete() {
    List<String> ids = built();
    assertThat(ids).hasSize(2);
    String sad = ids.stream().filter(id -> disagreement(id).contains("Sad")).findFirst().orElseThrow();
    String happy = ids.stream().filter(id -> !id.equals(sad)).findFirst().orElseThrow();
    for (String id : ids) {
      // each coder's version of its own category: together, Sad and Happy in one turn
      CliRun.ok("consensus", "decide", p, id, "--both", "--why", "both seemed right");
    }
    String status = CliRun.ok("consensus", "status", p).out();
    // each code named by the disagreement whose decision put it there
    assertThat(status).contains("2 of 2").contains("holds Sad (" + sad + ") and Happy (" + happy + "), two of the "
        + "exclusive group \"Emotion\", which allows one");
    assertThat(CliRun.ok("consensus", "decide", p, ids.get(1), "--neither", "--why", "only the other one").out())
        .contains("the consensus layer is complete").doesNotContain("holds");
  }

  /**
   * A new version on one disagreement that puts back on the turn the category another decision kept off it: both
   * decisions stand on record, the layer follows the later, and it is not complete until one is decided again.
   */
  @Test
  void aNewVersionPuttingBackWhatAnotherDecisionKeptOffLeavesTheLayerIncomplete() {
    List<String> ids = built();
    String sad = ids.stream().filter(id -> disagreement(id).contains("Sad")).findFirst().orElseThrow();
    String happy = ids.stream().filter(id -> !id.equals(sad)).findFirst().orElseThrow();
    Matcher unit = Pattern.compile(happy + "  d1 (\\d+)\\.\\.(\\d+)").matcher(CliRun.ok("consensus", "status", p).out());
    assertThat(unit.find()).isTrue();
    CliRun.ok("consensus", "decide", p, sad, "--neither", "--why", "not sadness");
    String decided = CliRun.ok("consensus", "decide", p, happy, "--span", unit.group(1) + ".." + unit.group(2),
        "--category", "Sad", "--why", "sadness after all").out();
    String said = "d1 " + unit.group(1) + ".." + unit.group(2) + ": the consensus holds Sad by the new version of "
        + happy + ", though the decision on " + sad + " keeps Sad off this unit";
    assertThat(decided).contains("2 of 2").contains(said).doesNotContain("the consensus layer is complete");
    assertThat(CliRun.ok("consensus", "status", p).out()).contains(said);
    assertThat(CliRun.ok("consensus", "decide", p, sad, "--both", "--why", "sadness, as the other decision says")
        .out()).contains("the consensus layer is complete").doesNotContain("keeps Sad off");
  }

  /** A rationale becomes a memo that codings export writes to a terminal or a file: no escape may ride in it. */
  @Test
  void aRationaleWithATerminalEscapeIsRefused() {
    List<String> ids = built();
    CliRun refused = CliRun.of("consensus", "decide", p, ids.get(0), "--neither", "--why", "ok \u001b[2J\u001b[31mFAKE");
    assertThat(refused.status()).isEqualTo(Lacrima.REFUSED);
    assertThat(refused.err()).contains("the rationale holds the control character U+001B");
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("0 of 2");
  }

  @Test
  void takingEachCoderOnItsOwnCategoryClashesTakingOneCoderTwiceDoesNot() {
    List<String> ids = built();
    String sad = ids.stream().filter(id -> disagreement(id).contains("Sad")).findFirst().orElseThrow();
    String happy = ids.stream().filter(id -> !id.equals(sad)).findFirst().orElseThrow();
    CliRun.ok("consensus", "decide", p, sad, "--take", "A", "--why", "A saw sadness");
    assertThat(CliRun.ok("consensus", "decide", p, happy, "--take", "B", "--why", "B saw joy").out())
        .contains("holds Sad (" + sad + ") and Happy (" + happy + ")");
    // A did not code Happy: taking A there keeps no Happy, and the layer holds Sad alone
    assertThat(CliRun.ok("consensus", "decide", p, happy, "--take", "A", "--why", "A after all").out())
        .contains("the consensus layer is complete").doesNotContain("holds");
  }

  private void bothCodersGiveSadAndHappyInTheThirdTurn() throws java.io.IOException {
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("both.csv"), """
        document,quote,category,coder
        d1,Tell me.,Sad,A
        d1,Tell me.,Happy,A
        d1,Tell me.,Sad,B
        d1,Tell me.,Happy,B
        """).toString());
  }

  @Test
  void codesBothCodersGaveAgainstTheirExclusiveGroupAreSettledByDecisions() throws Exception {
    bothCodersGiveSadAndHappyInTheThirdTurn();
    String built = CliRun.ok("consensus", p, "--coders", "A,B").out();
    // the two of the first turn, and the two agreed codes the group rules out in the third
    assertThat(built).contains("0 of 4 disagreements decided").contains("allows one of its categories here");
    // each agreed code the group rules out named by its own open disagreement, the id to decide
    assertThat(CliRun.ok("consensus", "status", p).out())
        .containsPattern("holds Sad \\(D[0-9a-f]{10}\\) and Happy \\(D[0-9a-f]{10}\\)")
        .doesNotContain("agreed by the coders");
    // compared with the layer now: two coders' disagreements it holds neither version of, two agreed codes it holds
    assertThat(CliRun.ok("agreement", p, "--coders", "A,consensus", "--bootstrap", "0").out())
        .contains("leaves 2 disagreements of 2 in these documents and categories undecided")
        .contains("holds 2 codes that every coder gave but an exclusive group allows only one of, undecided");
    // keep Sad alone in the third turn; keep both coders' versions in the first
    Matcher listed = Pattern.compile("(?m)^(D[0-9a-f]{10})  d1 (\\d+)\\.\\.\\d+  Emotion > (\\w+)").matcher(built);
    int third = CliRun.ok("codings", "export", p).out().lines().filter(l -> l.contains("Tell me.")).findFirst()
        .map(l -> Integer.parseInt(l.split(",")[5])).orElseThrow(); // the quote is the turn's whole content
    int decided = 0;
    while (listed.find()) {
      boolean thirdHappy = Integer.parseInt(listed.group(2)) == third && listed.group(3).equals("Happy");
      CliRun.ok("consensus", "decide", p, listed.group(1), thirdHappy ? "--neither" : "--both", "--why", "settled");
      decided++;
    }
    assertThat(decided).isEqualTo(4);
    String status = CliRun.ok("consensus", "status", p).out();
    assertThat(status).contains("4 of 4").doesNotContain("Tell me"); // nothing open
    // the first turn holds Sad and Happy by --both on each: still a clash there, but the third turn is settled
    assertThat(status).containsPattern("holds Sad \\(D[0-9a-f]{10}\\) and Happy \\(D[0-9a-f]{10}\\)")
        .containsOnlyOnce("holds");
  }

  /** Deciding all but one of the agreed codes a group rules out away settles the unit: the one left is agreed. */
  @Test
  void theAgreedCodeLeftWhenTheOthersAreDecidedAwayIsSettled() throws Exception {
    bothCodersGiveSadAndHappyInTheThirdTurn();
    String built = CliRun.ok("consensus", p, "--coders", "A,B").out();
    int third = CliRun.ok("codings", "export", p).out().lines().filter(l -> l.contains("Tell me.")).findFirst()
        .map(l -> Integer.parseInt(l.split(",")[5])).orElseThrow();
    Matcher happy = Pattern.compile("(?m)^(D[0-9a-f]{10})  d1 " + third + "\\.\\.\\d+  Emotion > Happy").matcher(built);
    Matcher sad = Pattern.compile("(?m)^(D[0-9a-f]{10})  d1 " + third + "\\.\\.\\d+  Emotion > Sad").matcher(built);
    assertThat(happy.find() && sad.find()).as(built).isTrue();
    CliRun.ok("consensus", "decide", p, happy.group(1), "--neither", "--why", "sad, not happy");
    String status = CliRun.ok("consensus", "status", p).out();
    // the first turn's two disagreements stay open; the third turn is settled, Sad kept as agreed
    assertThat(status).contains("1 of 3 disagreements decided").doesNotContain(sad.group(1))
        .doesNotContain("Tell me");
    assertThat(CliRun.ok("agreement", p, "--coders", "A,consensus", "--bootstrap", "0").out())
        .doesNotContain("an exclusive group allows only one of");
    assertThat(CliRun.ok("codings", "export", p).out().lines()
        .filter(l -> l.contains(",consensus,") && l.contains("Tell me."))).singleElement().asString().contains("Sad");
  }

  /** Categories Tears and Weeping beside the emotions, codings of them in CSV rows, and the layer built. */
  private String builtWithTears(String rows) throws Exception {
    CliRun.ok("category", "add", p, "Tears", "--why", "test");
    CliRun.ok("category", "add", p, "Weeping", "--why", "test");
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("tears.csv"), "document,quote,category,coder\n"
        + rows).toString());
    return CliRun.ok("consensus", p, "--coders", "A,B").out();
  }

  @Test
  void aDecisionFollowsItsCategoryIntoTheOneItWasMergedInto() throws Exception {
    String built = builtWithTears("d1,I cried.,Tears,A\n");
    Matcher tears = Pattern.compile("(?m)^(D[0-9a-f]{10})  d1 \\S+  Tears").matcher(built);
    assertThat(tears.find()).as(built).isTrue();
    CliRun.ok("consensus", "decide", p, tears.group(1), "--take", "B", "--why", "B missed nothing");
    CliRun.ok("consensus", "decide", p, tears.group(1), "--take", "A", "--why", "A saw the tears");
    CliRun.ok("category", "merge", p, "Tears", "Weeping", "--why", "one category for crying");
    String after = CliRun.ok("consensus", p, "--coders", "A,B").out();
    assertThat(after).contains("1 of 3 disagreements decided").doesNotContain("applied nowhere");
    assertThat(CliRun.ok("codings", "export", p).out()).containsPattern("consensus,[^\\n]*Weeping,[^\\n]*decided \\(take\\)");
    // the decision it replaced stays on the record beside it, under the category that took Tears over
    assertThat(CliRun.ok("consensus", "status", p, "--decided").out()).contains("Weeping\n    decided: take A")
        .contains("A saw the tears").contains("    replaced: take B").contains("B missed nothing");
  }

  @Test
  void twoDecisionsAMergeBringsTogetherAreToldApartFromOnesThatMeetNothing() throws Exception {
    // A gave "I cried." Tears and Weeping, B neither: a disagreement on each, decided differently
    String built = builtWithTears("d1,I cried.,Tears,A\nd1,I cried.,Weeping,A\n");
    Matcher weeping = Pattern.compile("(?m)^(D[0-9a-f]{10})  d1 \\S+  Weeping").matcher(built);
    Matcher tears = Pattern.compile("(?m)^(D[0-9a-f]{10})  d1 \\S+  Tears").matcher(built);
    assertThat(weeping.find() && tears.find()).as(built).isTrue();
    CliRun.ok("consensus", "decide", p, weeping.group(1), "--neither", "--why", "not weeping");
    CliRun.ok("consensus", "decide", p, tears.group(1), "--take", "A", "--why", "tears named");
    CliRun.ok("category", "merge", p, "Tears", "Weeping", "--why", "one category for crying");
    String after = CliRun.ok("consensus", p, "--coders", "A,B").out();
    // the later stands; the earlier gave way, by its own id, and is not said to meet no disagreement
    assertThat(after).contains("1 decision taken before a merge met a later one on the same disagreement")
        .contains(weeping.group(1) + "  neither, not weeping  (now " + weeping.group(1) + ": take A)")
        .doesNotContain("applied nowhere");
    assertThat(CliRun.ok("codings", "export", p).out()).containsPattern("consensus,[^\\n]*Weeping,[^\\n]*decided \\(take\\)");
    // deciding it again after the merge settles the matter: the latest decision is the team's word
    CliRun.ok("consensus", "decide", p, weeping.group(1), "--take", "A", "--why", "tears, after all");
    assertThat(CliRun.ok("consensus", "status", p).out()).doesNotContain("gave way");
  }

  @Test
  void aNewVersionOnACategorySplitSinceAppliesNowhereAndWritesNothingOnIt() throws Exception {
    CliRun.ok("category", "add", p, "Tears", "--why", "test");
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("tears.csv"),
        "document,quote,category,coder\nd1,Hello.,Tears,A\nd1,Hello.,Tears,B\n").toString());
    String id = built().get(0);
    Matcher unit = Pattern.compile(id + "  d1 (\\d+)\\.\\.(\\d+)").matcher(CliRun.ok("consensus", "status", p).out());
    assertThat(unit.find()).isTrue();
    CliRun.ok("consensus", "decide", p, id, "--span", unit.group(1) + ".." + unit.group(2), "--category", "Tears",
        "--why", "tears, not an emotion");
    assertThat(CliRun.ok("codings", "export", p).out()).containsPattern("consensus,[^\\n]*Tears,[^\\n]*decided \\(new\\)");
    CliRun.ok("category", "split", p, "Tears", "--into", "Sobbing", "--into", "Welling up", "--rule",
        "coder=A -> Sobbing", "--rule", "coder=B -> Sobbing", "--why", "two kinds");
    String rebuilt = CliRun.ok("consensus", p, "--coders", "A,B").out();
    // which part the team meant only the team can say; the split category takes no new coding
    assertThat(rebuilt).contains("applied nowhere").containsPattern("new, tears, not an emotion  \\(\\S+, \\d{4}-\\d\\d-\\d\\d ");
    assertThat(CliRun.ok("codings", "export", p).out()).doesNotContainPattern("consensus,[^\\n]*> Tears,|,Tears,");
    assertThat(CliRun.ok("category", "review", p).out()).doesNotContain("consensus");
  }

  @Test
  void refusesToRebuildOverCodingsGivenTheConsensusCoderByHand() throws Exception {
    CliRun.ok("consensus", p, "--coders", "A,B");
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("hand.csv"),
        "document,quote,category,coder,memo\nd1,Hello.,Sad,consensus,by hand\n").toString());
    String before = CliRun.ok("codings", "export", p).out();
    assertThat(CliRun.of("consensus", p, "--coders", "A,B").err())
        .contains("1 coding of the coder \"consensus\" was not made by a consensus build (d1 3..9)");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
    // a memo that only looks like a build's is not one
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("hand2.csv"),
        "document,quote,category,coder,memo\nd1,Hello.,Happy,consensus,agreed by the team in meeting 3\n").toString());
    assertThat(CliRun.of("consensus", p, "--coders", "A,B").err()).contains("2 codings of the coder");
  }

  private String disagreement(String id) {
    String out = CliRun.ok("consensus", "status", p).out();
    int at = out.indexOf(id);
    return at < 0 ? "" : out.substring(at, out.indexOf('\n', at));
  }

  @Test
  void decidingUnderOtherStudyOptionsIsRefusedAndChangesNothing() {
    List<String> ids = built();
    String before = CliRun.ok("codings", "export", p).out();
    CliRun refused = CliRun.of("consensus", "decide", p, ids.get(0), "--neither", "--why", "x", "--coders", "A,B",
        "--unit", "sentence");
    assertThat(refused.err()).contains("built for another study");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("0 of 2");
    // a study option without the coders is no less another study
    assertThat(CliRun.of("consensus", "decide", p, ids.get(0), "--neither", "--why", "x", "--min-cover", "50").err())
        .contains("name the whole study").contains("--coders A,B --unit turn");
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("0 of 2");
    // the same options as the saved study are fine, the coders in any order
    CliRun.ok("consensus", "decide", p, ids.get(0), "--neither", "--why", "x", "--coders", "A,B");
    CliRun.ok("consensus", "decide", p, ids.get(0), "--neither", "--why", "x", "--coders", "B,A");
  }

  @Test
  void aNewVersionStaysWithinTheDisputedUnit() {
    List<String> ids = built();
    String id = ids.get(0);
    String listed = CliRun.ok("consensus", "status", p).out();
    Matcher unit = Pattern.compile(id + "  d1 (\\d+)\\.\\.(\\d+)").matcher(listed);
    assertThat(unit.find()).as(listed).isTrue();
    int start = Integer.parseInt(unit.group(1));
    int end = Integer.parseInt(unit.group(2));
    String before = CliRun.ok("codings", "export", p).out();
    // "Hello." in the first turn: text nobody disputed
    assertThat(CliRun.of("consensus", "decide", p, id, "--span", "3..9", "--category", "Sad", "--why", "x").err())
        .contains("not a span within the disputed unit " + start + ".." + end);
    // the joiner of the family emoji (woman, joiner, girl) that ends the disputed turn before its full stop
    int joiner = end - 3;
    assertThat(CliRun.of("consensus", "decide", p, id, "--span", start + ".." + joiner, "--category", "Sad", "--why",
        "x").err()).contains("offset " + joiner + " falls inside a character of d1");
    CliRun.ok("category", "add", p, "Old", "--why", "test");
    CliRun.ok("category", "retire", p, "Old", "--why", "test");
    assertThat(CliRun.of("consensus", "decide", p, id, "--span", start + ".." + end, "--category", "Old", "--why",
        "x").err()).contains("\"Old\" is retired and takes no new codings");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
    CliRun.ok("consensus", "decide", p, id, "--span", start + ".." + end, "--category", "Sad", "--why", "agreed",
        "--as", "lea");
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("1 of 2");
    String other = ids.get(1);
    CliRun.ok("consensus", "decide", p, other, "--take", "B", "--why", "B heard it right", "--as", "lea");
    // the agreement report says what was decided, by whom and why, beside each disagreement
    com.fasterxml.jackson.databind.JsonNode report;
    try {
      report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "A,B",
          "--bootstrap", "0", "--format", "json", "--disagreements", "all").out());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new java.util.HashMap<>();
    report.get("disagreements").forEach(d -> byId.put(d.get("id").asText(), d));
    com.fasterxml.jackson.databind.JsonNode made = byId.get(id);
    assertThat(made.get("decision").asText()).isEqualTo("new");
    assertThat(made.get("decision_span").get(0).asInt()).isEqualTo(start);
    assertThat(made.get("decision_span").get(1).asInt()).isEqualTo(end);
    assertThat(made.get("decision_category_id").asText()).matches("[0-9a-f-]{36}");
    assertThat(made.get("rationale").asText()).isEqualTo("agreed");
    assertThat(made.get("decided_by").asText()).isEqualTo("lea");
    assertThat(made.has("decision_coder")).isFalse();
    com.fasterxml.jackson.databind.JsonNode taken = byId.get(other);
    assertThat(taken.get("decision").asText()).isEqualTo("take");
    assertThat(taken.get("decision_coder").asText()).isEqualTo("B");
    assertThat(taken.get("rationale").asText()).isEqualTo("B heard it right");
    assertThat(java.time.Instant.parse(taken.get("decided_at").asText())).isNotNull();
  }
}
