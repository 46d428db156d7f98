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
    Path text = Files.writeString(dir.resolve("d1.txt"), "T: Hello.\nC: It was hard.\nT: Tell me.\nC: I cried.\n");
    CliRun.ok("import", p, text.toString());
    CliRun.ok("category", "add", p, "Emotion", "--why", "test");
    CliRun.ok("category", "add", p, "Sad", "--parent", "Emotion", "--why", "test");
    CliRun.ok("category", "add", p, "Happy", "--parent", "Emotion", "--why", "test");
    CliRun.ok("category", "exclusive", p, "Emotion", "on", "--why", "one emotion per turn");
    Path codings = Files.writeString(dir.resolve("c.csv"), """
        document,quote,category,coder
        d1,It was hard.,Sad,A
        d1,It was hard.,Happy,B
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
    for (String id : ids) {
      // each coder's version of its own category: together, Sad and Happy in one turn
      CliRun.ok("consensus", "decide", p, id, "--both", "--why", "both seemed right");
    }
    String status = CliRun.ok("consensus", "status", p).out();
    assertThat(status).contains("2 of 2").contains("holds Sad and Happy").contains("\"Emotion\"");
    assertThat(CliRun.ok("consensus", "decide", p, ids.get(1), "--neither", "--why", "only the other one").out())
        .contains("the consensus layer is complete").doesNotContain("holds");
  }

  @Test
  void takingEachCoderOnItsOwnCategoryClashesTakingOneCoderTwiceDoesNot() {
    List<String> ids = built();
    String sad = ids.stream().filter(id -> disagreement(id).contains("Sad")).findFirst().orElseThrow();
    String happy = ids.stream().filter(id -> !id.equals(sad)).findFirst().orElseThrow();
    CliRun.ok("consensus", "decide", p, sad, "--take", "A", "--why", "A saw sadness");
    assertThat(CliRun.ok("consensus", "decide", p, happy, "--take", "B", "--why", "B saw joy").out())
        .contains("holds Sad and Happy");
    // A did not code Happy: taking A there keeps no Happy, and the layer holds Sad alone
    assertThat(CliRun.ok("consensus", "decide", p, happy, "--take", "A", "--why", "A after all").out())
        .contains("the consensus layer is complete").doesNotContain("holds");
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
        .contains("name the whole study").contains("--coders A,B --unit auto");
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("0 of 2");
    // the same options as the saved study are fine
    CliRun.ok("consensus", "decide", p, ids.get(0), "--neither", "--why", "x", "--coders", "A,B");
  }

  @Test
  void aNewVersionStaysWithinTheDisputedUnit() {
    String id = built().get(0);
    String listed = CliRun.ok("consensus", "status", p).out();
    Matcher unit = Pattern.compile(id + "  d1 (\\d+)\\.\\.(\\d+)").matcher(listed);
    assertThat(unit.find()).as(listed).isTrue();
    int start = Integer.parseInt(unit.group(1));
    int end = Integer.parseInt(unit.group(2));
    String before = CliRun.ok("codings", "export", p).out();
    // "Hello." in the first turn: text nobody disputed
    assertThat(CliRun.of("consensus", "decide", p, id, "--span", "3..9", "--category", "Sad", "--why", "x").err())
        .contains("not a span within the disputed unit " + start + ".." + end);
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(before);
    CliRun.ok("consensus", "decide", p, id, "--span", start + ".." + end, "--category", "Sad", "--why", "agreed");
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("1 of 2");
  }
}
