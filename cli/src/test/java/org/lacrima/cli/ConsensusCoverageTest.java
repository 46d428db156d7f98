package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which units a consensus layer, or a coder added later, covers. The consensus judged every unit its coders
 * judged, also where it kept nothing; and recorded coverage speaks only for the coders it was recorded for.
 * Expected values worked by hand in each test.
 */
class ConsensusCoverageTest {

  @TempDir
  Path dir;

  @Test
  void aDocumentWhereTheTeamRejectedEveryCodeStillCountsAgainstTheCoder() throws Exception {
    String p = twoDocuments("T: One.\nC: Two.\nT: Three.\n", "T: Four.\nC: Five.\nT: Six.\n", """
        document,quote,category,coder
        d1,One.,X,A
        d1,One.,X,B
        d1,Two.,Y,A
        d1,Two.,Y,B
        d2,Four.,X,A
        d2,Five.,Y,B
        """, "X", "Y");
    CliRun.ok("consensus", p, "--coders", "A,B", "--as", "team");
    JsonNode listed = json("agreement", p, "--coders", "A,B", "--bootstrap", "0", "--format", "json");
    for (JsonNode d : listed.get("disagreements")) {
      CliRun.ok("consensus", "decide", p, d.get("id").asText(), "--neither", "--why", "does not apply");
    }
    assertThat(CliRun.ok("consensus", "status", p).out()).contains("2 of 2");

    // A against the consensus on X over all six turns: A 1,0,0,1,0,0; consensus 1,0,0,0,0,0.
    // agreement 5/6; Cohen: pe = 2/6·1/6 + 4/6·5/6 = 22/36, kappa = (30/36 − 22/36)/(14/36) = 4/7;
    // alpha: n = 12, n_1 = 3, Do = 2/12, De = 2·3·9/(12·11), alpha = 1 − 22/54
    JsonNode x = category(json("agreement", p, "--coders", "A,consensus", "--bootstrap", "0", "--format", "json"), "X");
    assertThat(x.get("units_pairable").asInt()).isEqualTo(6);
    assertThat(value(x, "percentage_agreement")).isCloseTo(5.0 / 6, within(1e-12));
    assertThat(value(x, "cohen_kappa")).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(value(x, "krippendorff_alpha_nominal")).isCloseTo(1 - 22.0 / 54, within(1e-12));
  }

  /**
   * A document only one coder coded (the other's codings never imported) is compared for no one: every command that
   * judges the study names it, and a decided layer is not called complete.
   */
  @Test
  void aDocumentOneCoderLeftUncodedIsNamedAndKeepsTheLayerFromBeingCalledComplete() throws Exception {
    String p = twoDocuments("T: One.\nC: Two.\n", "T: Three.\nC: Four.\n", """
        document,quote,category,coder
        d1,One.,X,A
        d1,Two.,X,B
        d2,Three.,X,A
        """, "X");
    Path codings = dir.resolve("c.csv");
    String named = "d2: no coding of B";
    assertThat(CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0").out()).contains(named);
    assertThat(CliRun.ok("consensus", p, "--coders", "A,B").out()).contains(named);
    JsonNode listed = json("agreement", p, "--coders", "A,B", "--bootstrap", "0", "--format", "json");
    assertThat(listed.get("disagreements")).hasSize(2);
    String last = "";
    for (JsonNode d : listed.get("disagreements")) {
      last = CliRun.ok("consensus", "decide", p, d.get("id").asText(), "--neither", "--why", "not X").out();
    }
    assertThat(last).contains("2 of 2 disagreements decided; but in 1 document of the study some coders have no "
        + "coding").doesNotContain("complete");
    assertThat(CliRun.ok("consensus", "status", p).out()).contains(named);
    // with both coders' codings in both documents there is nothing to name
    Files.writeString(codings, "document,quote,category,coder\nd2,Four.,X,B\n");
    CliRun.ok("codings", "import", p, codings.toString());
    assertThat(CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0").out()).doesNotContain("no coding of");
  }

  @Test
  void coverageRecordedByATableImportDoesNotSilenceOtherCoders() throws Exception {
    String p = project();
    Path table = dir.resolve("t.csv");
    Files.writeString(table, """
        doc,ord,spk,text,coder,lab
        d1,1,T,u one,A,x
        d1,1,T,u one,B,x
        d1,2,C,u two,A,x
        d1,2,C,u two,B,y
        d1,3,T,u three,A,y
        d1,3,T,u three,B,n/a
        d1,4,C,u four,A,z
        d1,4,C,u four,B,z
        """);
    CliRun.ok("import-table", p, table.toString(), "--doc", "doc", "--order", "ord", "--speaker", "spk", "--text",
        "text", "--coder", "coder", "--code", "lab");
    CliRun.ok("consensus", p, "--coders", "A,B", "--as", "team");
    // the consensus judged units 1, 2 and 4 (unit 3: B left it open) and agreed on 1 and 4; unit 2 is undecided,
    // so it has no value there: A and the consensus share units 1 and 4 and agree on both
    JsonNode group = group(json("agreement", p, "--coders", "A,consensus", "--bootstrap", "0", "--format", "json"),
        "lab");
    assertThat(group.get("units_pairable").asInt()).isEqualTo(2);
    assertThat(value(group, "percentage_agreement")).isEqualTo(1.0);

    // C, imported afterwards as a copy of A's codings, covers the document it coded in: all four units
    StringBuilder copy = new StringBuilder("document,start,end,category,coder\n");
    for (String line : CliRun.ok("codings", "export", p).out().lines().skip(1).toList()) {
      String[] f = line.split(",");
      // id, document, coder, category id, category path, start, end, text, memo
      if (f[2].equals("A")) {
        copy.append(f[1]).append(',').append(f[5]).append(',').append(f[6]).append(',').append(f[3]).append(",C\n");
      }
    }
    Path c = dir.resolve("copy.csv");
    Files.writeString(c, copy);
    CliRun.ok("codings", "import", p, c.toString());
    JsonNode copied = group(json("agreement", p, "--coders", "A,C", "--bootstrap", "0", "--format", "json"), "lab");
    assertThat(copied.get("units_pairable").asInt()).isEqualTo(4);
    assertThat(value(copied, "percentage_agreement")).isEqualTo(1.0);
  }

  @Test
  void undoingACategoryOperationAfterAConsensusBuildTakesTheLayersJudgmentsAlong() throws Exception {
    String p = projectCodingX("T: One.\nC: Two.\nT: Three.\n", """
        document,quote,category,coder,memo
        d1,One.,X,A,first
        d1,One.,X,B,
        d1,Two.,X,A,
        """);
    // an addition nobody coded, judged by the consensus layer built after it: the undo takes that judgment along
    CliRun.ok("category", "add", p, "Zeta", "--why", "test");
    CliRun.ok("consensus", p, "--coders", "A,B");
    assertThat(CliRun.ok("codebook", p).out()).contains("Zeta");
    CliRun.ok("category", "undo", p, "--why", "Zeta was a slip");
    assertThat(CliRun.ok("codebook", p).out()).doesNotContain("Zeta");

    // a split whose parts the consensus layer judged and coded, and on which A coded since
    CliRun.ok("category", "split", p, "X", "--into", "X1", "--into", "X2", "--rule", "coder=A -> X1",
        "--rule", "coder=B -> X2", "--rule", "coder=consensus -> X1", "--why", "test");
    CliRun.ok("consensus", p, "--coders", "A,B");
    Files.writeString(dir.resolve("since.csv"), """
        document,quote,category,coder,memo
        d1,One.,X2,A,second
        d1,Three.,X2,A,
        """);
    CliRun.ok("codings", "import", p, dir.resolve("since.csv").toString());
    String joined = CliRun.ok("codings", "export", p).out().lines().filter(l -> l.contains(",A,") && l.contains("X2,")
        && l.endsWith(",second")).findFirst().orElseThrow().split(",")[0];
    String undone = CliRun.ok("category", "undo", p, "--why", "the split did not help").out();
    // A's "One." on X2 meets A's "One." back on X: one coding with both memos; "Three." moves to X
    assertThat(undone).contains("2 codings made since on the parts moved back, 1 of them joined with the same coding "
        + "there, memos kept");
    String codings = CliRun.ok("codings", "export", p).out();
    assertThat(codings.lines().filter(l -> l.contains(",A,")).toList()).hasSize(3)
        .allMatch(l -> l.contains(",X,"));
    assertThat(codings).contains("first\nsecond").doesNotContain("X1").doesNotContain("X2");
    // no undo brings the joined coding back: the undo's entry in the log names it, with its memo
    assertThat(CliRun.ok("codebook", "log", p, "--codings").out()).containsPattern("(?s)undid #\\d+.*codings: 1 moved, "
        + "1 collapsed\n +" + joined + "  d1 3\\.\\.7  A  into [0-9a-f-]+  memo: second\n");
  }

  @Test
  void theConsensusLayersBuiltCodingsInAReviewQueueAreLeftToItsNextBuild() throws Exception {
    String p = projectCodingX("T: One.\nC: Two.\n", """
        document,quote,category,coder,memo
        d1,One.,X,A,
        d1,One.,X,B,
        """);
    CliRun.ok("consensus", p, "--coders", "A,B");
    CliRun.ok("category", "split", p, "X", "--into", "X1", "--into", "X2", "--rule", "coder=A -> X1",
        "--rule", "coder=B -> X1", "--why", "test");
    String queue = CliRun.ok("category", "review", p).out();
    String built = queue.lines().filter(l -> l.contains("  consensus  ")).findFirst().orElseThrow().strip()
        .split(" ")[0];
    assertThat(queue).contains("(a consensus build's: the next build replaces it)");
    // placed by hand, it would vanish with the next build unsaid
    CliRun refused = CliRun.of("category", "review", p, "--place", built, "--to", "X2", "--why", "by hand");
    assertThat(refused.err()).contains("coding " + built + " is the consensus layer's, as a build made it")
        .contains("build the consensus again");
    assertThat(CliRun.ok("codings", "export", p).out()).contains(built);
    // the build makes the layer from the coders' codings, now on X1: the queue is empty
    CliRun.ok("consensus", p, "--coders", "A,B");
    assertThat(CliRun.ok("category", "review", p).out()).contains("The review queue is empty.");
    assertThat(CliRun.ok("codings", "export", p).out().lines().filter(l -> l.contains(",consensus,")))
        .singleElement().asString().contains(",X1,3,7,One.,");
  }

  /** A project of one document d1 with this text, a category X, and these codings. */
  private String projectCodingX(String text, String codings) throws java.io.IOException {
    String p = project();
    Files.writeString(dir.resolve("d1.txt"), text);
    CliRun.ok("import", p, dir.resolve("d1.txt").toString());
    CliRun.ok("category", "add", p, "X", "--why", "test");
    Files.writeString(dir.resolve("c.csv"), codings);
    CliRun.ok("codings", "import", p, dir.resolve("c.csv").toString());
    return p;
  }

  /**
   * A new version the team put where the coders left the column open is the layer's judgment there. Worked by hand:
   * A and B disagree on f in u1 (both left g n/a) and agree on g in u2; the team puts g on u1. C gave g in both units:
   * compared with the layer, g is judged in both and agrees in both.
   */
  @Test
  void aNewVersionWhereTheCodersLeftTheColumnOpenIsJudgedByTheLayer() throws Exception {
    String p = project();
    Path t = Files.writeString(dir.resolve("t7.csv"), "doc,ord,text,coder,f,g\nd1,1,alpha one,A,1,n/a\n"
        + "d1,2,beta two,A,0,1\nd1,1,alpha one,B,0,n/a\nd1,2,beta two,B,0,1\nd1,1,alpha one,C,n/a,1\n"
        + "d1,2,beta two,C,n/a,1\n");
    CliRun.ok("import-table", p, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder",
        "--flag", "f", "--flag", "g");
    String id = CliRun.ok("consensus", p, "--coders", "A,B").out().lines().filter(l -> l.matches("^D[0-9a-f]{10} .*"))
        .findFirst().orElseThrow().substring(0, 11);
    CliRun.ok("consensus", "decide", p, id, "--span", "8..17", "--category", "g", "--why", "it is g");
    JsonNode g = category(json("agreement", p, "--coders", "C,consensus", "--bootstrap", "0", "--format", "json",
        "--categories", "g"), "g");
    assertThat(g.get("units_pairable").asInt()).isEqualTo(2);
    assertThat(value(g, "percentage_agreement")).isEqualTo(1.0);
  }

  /**
   * Two values of one exclusive group agreed in u1 (A and B gave y in the table and x by a codings import), settled by
   * the team to x; u2 both x. C gave x twice: the group is judged by the layer in both units.
   */
  @Test
  void aGroupClashTheTeamSettledIsJudgedByTheLayer() throws Exception {
    String p = project();
    Path t = Files.writeString(dir.resolve("t6.csv"), "doc,ord,text,coder,grp\nd1,1,alpha one,A,y\n"
        + "d1,2,beta two,A,x\nd1,1,alpha one,B,y\nd1,2,beta two,B,x\nd1,1,alpha one,C,x\nd1,2,beta two,C,x\n");
    CliRun.ok("import-table", p, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder",
        "--code", "grp");
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("x.csv"),
        "document,start,end,category,coder\nd1,8,17,x,A\nd1,8,17,x,B\n").toString());
    String built = CliRun.ok("consensus", p, "--coders", "A,B").out();
    for (String line : built.lines().filter(l -> l.matches("^D[0-9a-f]{10} .*")).toList()) {
      CliRun.ok("consensus", "decide", p, line.substring(0, 11), line.endsWith("grp > y") ? "--neither" : "--both",
          "--why", "x it is");
    }
    JsonNode grp = group(json("agreement", p, "--coders", "C,consensus", "--bootstrap", "0", "--format", "json"), "grp");
    assertThat(grp.get("units_pairable").asInt()).isEqualTo(2);
    assertThat(value(grp, "percentage_agreement")).isEqualTo(1.0);
  }

  /** A category merged away since the build leaves the layer's records of it behind: the layer judges nothing new. */
  @Test
  void aMergedAwayCategoryDoesNotMakeTheLayerOutOfDate() throws Exception {
    String p = project();
    Path t = Files.writeString(dir.resolve("t9.csv"), "doc,ord,text,coder,f,g\nd1,1,alpha one,A,1,0\n"
        + "d1,2,beta two,A,0,1\nd1,1,alpha one,B,1,1\nd1,2,beta two,B,0,1\n");
    CliRun.ok("import-table", p, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder",
        "--flag", "f", "--flag", "g");
    CliRun.ok("category", "add", p, "unused", "--why", "a");
    CliRun.ok("consensus", p, "--coders", "A,B");
    CliRun.ok("category", "merge", p, "unused", "f", "--why", "m");
    assertThat(CliRun.ok("consensus", "status", p).out()).doesNotContain("out of date");
  }

  /** A project of two transcripts d1 and d2, the categories named, and the codings given (a CSV, c.csv). */
  private String twoDocuments(String d1, String d2, String codings, String... categories) throws Exception {
    String p = project();
    Files.writeString(dir.resolve("d1.txt"), d1);
    Files.writeString(dir.resolve("d2.txt"), d2);
    CliRun.ok("import", p, dir.resolve("d1.txt").toString(), dir.resolve("d2.txt").toString());
    for (String category : categories) {
      CliRun.ok("category", "add", p, category, "--why", "test");
    }
    CliRun.ok("codings", "import", p, Files.writeString(dir.resolve("c.csv"), codings).toString());
    return p;
  }

  private String project() {
    String p = dir.resolve("p.lacrima").toString();
    CliRun.ok("init", "--empty", p);
    return p;
  }

  private static JsonNode json(String... args) throws Exception {
    return new ObjectMapper().readTree(CliRun.ok(args).out());
  }

  private static JsonNode category(JsonNode report, String label) {
    return row(report.get("categories"), label);
  }

  private static JsonNode group(JsonNode report, String label) {
    return row(report.get("groups"), label);
  }

  private static double value(JsonNode row, String coefficient) {
    return row.get(coefficient).get("value").asDouble();
  }

  private static JsonNode row(JsonNode rows, String label) {
    for (JsonNode r : rows) {
      if (r.get("label").asText().equals(label)) {
        return r;
      }
    }
    throw new AssertionError("no row " + label + " in " + rows);
  }
}
