package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    assertThat(run.out()).contains("1 document, 3 units, 6 codings, 7 judged cells").contains("New coders: r1, r2");
    String tree = CliRun.ok("codebook", p).out();
    assertThat(tree).contains("behaviour").contains("[children exclusive]").contains("question").contains("reflection");
    String codings = CliRun.ok("codings", "export", p).out();
    assertThat(codings).contains(",s1,r1,").contains("behaviour > question").contains(",How are you?,");
    assertThat(codings.lines().filter(l -> l.contains("> reflection") || l.contains(",reflection,")).count()).isEqualTo(3);
    assertThat(CliRun.ok("codebook", "log", p).out()).contains("import").contains("1 code column(s) as groups");
    assertThat(CliRun.ok("stats", p).out()).contains("3 turns");
    assertThat(CliRun.ok("units", "list", p, "s1").out()).contains("s1 has no meaning units yet (its 3 speaker turns "
        + "are the units agreement compares by default)");
    // undo takes back category operations, not a table's documents and codings: refused, nothing changed
    assertThat(CliRun.of("category", "undo", p, "--why", "oops").err())
        .contains("an import's categories can be taken back only while nothing is coded or judged with them");
    assertThat(CliRun.ok("codings", "export", p).out()).isEqualTo(codings);
    // a second import may reuse the categories, but never code into a retired one
    CliRun.ok("category", "retire", p, "behaviour > other", "--why", "no longer coded");
    assertThat(CliRun.of("import-table", p, t.toString(), "--doc", "session", "--order", "utt", "--text", "text",
        "--coder", "rater", "--code", "behaviour").err()).contains("column behaviour, value \"other\": the category "
            + "\"other\" exists but is retired and takes no new codings: lacrima category reactivate opens it again");
    CliRun.ok("category", "reactivate", p, "behaviour > other", "--why", "coded again");
    CliRun.ok("category", "merge", p, "behaviour > other", "behaviour > question", "--why", "one value");
    assertThat(CliRun.of("import-table", p, t.toString(), "--doc", "session", "--order", "utt", "--text", "text",
        "--coder", "rater", "--code", "behaviour").err()).contains("column behaviour, value \"other\": the category "
            + "\"other\" exists but was merged into \"question\", which holds its codings");
  }

  @Test
  void refusesACodeColumnOfMoreValuesThanAGroupHolds() throws IOException {
    StringBuilder csv = new StringBuilder("doc,n,text,coder,utterance\n");
    for (int i = 1; i <= 1001; i++) {
      csv.append("d,").append(i).append(",unit ").append(i).append(",a,said ").append(i).append('\n');
    }
    String before = CliRun.ok("codebook", p).out();
    CliRun run = CliRun.of("import-table", p, table(csv.toString()).toString(), "--doc", "doc", "--order", "n",
        "--text", "text", "--coder", "coder", "--code", "utterance");
    assertThat(run.err()).contains("t.csv, line 1002: utterance has more than 1000 different values, far more than a "
        + "group of mutually exclusive categories holds");
    assertThat(CliRun.ok("codebook", p).out()).isEqualTo(before);
  }

  private static final String FLAGS = """
      doc,ord,text,coder,cry,tears
      d1,1,One.,ann,n/a,yes
      d1,1,One.,bob,yes,n/a
      d1,2,Two.,ann,no,no
      d1,2,Two.,bob,no,no
      d1,3,Three.,ann,yes,no
      d1,3,Three.,bob,yes,no
      d1,4,Four.,ann,no,no
      d1,4,Four.,bob,yes,no
      """;

  private double agreementOf(String category) throws IOException {
    return agreementOf(category, "ann,bob");
  }

  private double agreementOf(String category, String coders) throws IOException {
    com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        CliRun.ok("agreement", p, "--coders", coders, "--bootstrap", "0", "--format", "json").out());
    for (com.fasterxml.jackson.databind.JsonNode row : r.get("categories")) {
      if (row.get("label").asText().equals(category)) {
        return row.get("percentage_agreement").get("value").asDouble();
      }
    }
    throw new AssertionError("no row " + category + " in " + r);
  }

  /**
   * The cells a coder judged follow the columns' categories through merges and splits. Worked by hand: merged,
   * tears-or-cry is judged wherever either column was; ann (tears yes) and bob (cry yes) agree on One., both have it
   * absent on Two., present on Three., and differ on Four.: 3 of 4. Split by the coded text, "cry loud" takes One. and
   * Four.: ann left cry n/a on One. (not judged), so 2 of the 3 pairable units agree (Two., Three.; not Four.).
   */
  @Test
  void theCellsACoderJudgedFollowACategoryMergedOrSplit() throws IOException {
    Path t = table(FLAGS);
    importTable(p, t.toString(), "--flag", "cry", "--flag", "tears");
    CliRun.ok("category", "merge", p, "tears", "cry", "--why", "one column");
    assertThat(agreementOf("cry")).isCloseTo(3.0 / 4, within(1e-12));
    CliRun.ok("category", "undo", p, "--why", "apart");
    CliRun.ok("category", "split", p, "cry", "--into", "cry loud", "--into", "cry soft", "--rule",
        "text~O|F -> cry loud", "--rule", "text~T -> cry soft", "--why", "two kinds");
    assertThat(agreementOf("cry loud")).isCloseTo(2.0 / 3, within(1e-12));
  }

  /**
   * The parts of a value split since stand where it stood on an ordinal scale: splitting "mid" by document into "mid
   * low" (e1) and "mid high" (e2) gives the figures of the same table imported with those four values in that order.
   */
  @Test
  void thePartsOfASplitValueStandWhereItStoodOnItsScale() throws IOException {
    String[] ratings = {"low,low", "mid,mid", "high,high", "low,mid", "mid,low", "high,high", "high,high", "high,low",
        "high,high", "high,high", "low,low", "low,high", "low,low", "low,mid", "mid,mid", "high,mid"};
    StringBuilder three = new StringBuilder("doc,ord,text,coder,level\n");
    StringBuilder four = new StringBuilder("doc,ord,text,coder,level\n");
    for (int i = 0; i < ratings.length; i++) {
      String doc = i < 8 ? "e1" : "e2";
      String[] r = ratings[i].split(",");
      for (int k = 0; k < 2; k++) {
        String row = doc + "," + (i % 8 + 1) + ",Unit " + doc + " " + (i % 8 + 1) + ".," + (k == 0 ? "ann" : "bob") + ",";
        three.append(row).append(r[k]).append('\n');
        four.append(row).append(r[k].equals("mid") ? (doc.equals("e1") ? "mid low" : "mid high") : r[k]).append('\n');
      }
    }
    importTable(p, table(three.toString()).toString(), "--code", "level", "--scale", "level=ordinal:low,mid,high");
    CliRun.ok("category", "split", p, "mid", "--into", "mid low", "--into", "mid high", "--rule", "document=e1 -> mid low",
        "--rule", "document=e2 -> mid high", "--why", "two kinds of mid");
    String q = dir.resolve("four.lacrima").toString();
    CliRun.ok("init", "--empty", q);
    Path t4 = Files.writeString(dir.resolve("four.csv"), four.toString(), StandardCharsets.UTF_8);
    importTable(q, t4.toString(), "--code", "level", "--scale", "level=ordinal:low,mid low,mid high,high");
    for (String coefficient : List.of("krippendorff_alpha_ordinal", "weighted_kappa_linear", "weighted_kappa_quadratic")) {
      assertThat(groupFigure(p, coefficient)).as(coefficient).isCloseTo(groupFigure(q, coefficient), within(1e-12));
    }
  }

  /**
   * A value put in its place on an ordinal scale is read there: a table imported with its values in a wrong order
   * (high, low, mid), "high" put after "mid", gives the figures of the same table imported in the right order; the
   * diff says the order changed and undo brings the wrong one back. Where a split's parts would be parted from the
   * place of their value, the move is refused.
   */
  @Test
  void aValuePutInItsPlaceOnAnOrdinalScaleIsReadThere() throws IOException {
    StringBuilder table = new StringBuilder("doc,ord,text,coder,level\n");
    String[] ratings = {"low,mid", "mid,high", "high,high", "low,low", "mid,low", "high,mid", "low,high", "mid,mid"};
    for (int i = 0; i < ratings.length; i++) {
      for (int k = 0; k < 2; k++) {
        table.append("e1,").append(i + 1).append(",Unit ").append(i + 1).append(".,").append(k == 0 ? "ann" : "bob")
            .append(',').append(ratings[i].split(",")[k]).append('\n');
      }
    }
    Path t = table(table.toString());
    importTable(p, t.toString(), "--code", "level", "--scale", "level=ordinal:high,low,mid");
    String q = dir.resolve("right.lacrima").toString();
    CliRun.ok("init", "--empty", q);
    importTable(q, t.toString(), "--code", "level", "--scale", "level=ordinal:low,mid,high");
    double wrong = groupFigure(p, "krippendorff_alpha_ordinal");
    assertThat(wrong).as("the order matters here").isNotCloseTo(groupFigure(q, "krippendorff_alpha_ordinal"),
        within(1e-6));
    CliRun.ok("codebook", "tag", p, "imported", "--why", "w");

    assertThat(CliRun.ok("category", "move", p, "level > high", "--after", "mid", "--why", "a scale runs upwards")
        .out()).contains("Placed \"level > high\" after \"mid\"", "it stands last: low < mid < high")
        .doesNotContain("--before or --after");
    for (String coefficient : List.of("krippendorff_alpha_ordinal", "weighted_kappa_linear", "weighted_kappa_quadratic")) {
      assertThat(groupFigure(p, coefficient)).as(coefficient).isCloseTo(groupFigure(q, coefficient), within(1e-12));
    }
    assertThat(CliRun.ok("codebook", "diff", p, "imported", "current").out())
        .contains("the order of its subcategories changed from high < low < mid to low < mid < high");
    assertThat(CliRun.of("category", "move", p, "high", "--after", "mid", "--why", "w").err())
        .contains("\"high\" already stands after \"mid\"");
    assertThat(CliRun.of("category", "move", p, "high", "--before", "high", "--why", "w").err())
        .contains("cannot place \"high\" before or after itself");
    assertThat(CliRun.of("category", "move", p, "level", "--before", "mid", "--why", "w").err())
        .contains("cannot place \"level\" beside \"mid\", one of its own subcategories");

    CliRun.ok("category", "undo", p, "--why", "back");
    assertThat(groupFigure(p, "krippendorff_alpha_ordinal")).isCloseTo(wrong, within(1e-12));
    assertThat(CliRun.ok("codebook", "diff", p, "imported", "current").out()).doesNotContain("order");
    // a retired value's codings still count, so it stays on the scale as said; a merged one is history only
    CliRun.ok("category", "retire", p, "low", "--why", "w");
    assertThat(CliRun.ok("category", "move", p, "mid", "--before", "high", "--why", "w").out())
        .contains("it stands at place 1: mid < high < low");
    CliRun.ok("category", "merge", p, "high", "mid", "--why", "w");
    assertThat(CliRun.of("category", "move", p, "mid", "--after", "high", "--why", "w").err())
        .contains("\"high\" was merged into another and stands in the history only");

    CliRun.ok("category", "split", q, "mid", "--into", "mid a", "--into", "mid b", "--rule", "coder=ann -> mid a",
        "--rule", "coder=bob -> mid b", "--why", "w");
    assertThat(CliRun.of("category", "move", q, "mid b", "--after", "high", "--why", "w").err())
        .contains("the parts of a split value stand where the value stood, and it would read "
            + "low < mid a < mid b < high");
    // the tree lists the parts where the value stood, as the scale reads them
    String tree = CliRun.ok("codebook", q).out();
    assertThat(tree.indexOf("mid a")).isGreaterThan(tree.indexOf("mid ")).isLessThan(tree.indexOf("mid b"));
    assertThat(tree.indexOf("mid b")).isLessThan(tree.indexOf("high"));
    // a value put between a split's parts would stand there in the codebook alone
    assertThat(CliRun.of("category", "move", q, "high", "--after", "mid a", "--why", "w").err())
        .contains("cannot place \"high\" after \"mid a\"");
    assertThat(CliRun.ok("category", "move", q, "mid b", "--before", "mid a", "--why", "w").out())
        .contains("it stands at place 2: low < mid b < mid a < high");
  }

  private static double groupFigure(String project, String coefficient) throws IOException {
    com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        CliRun.ok("agreement", project, "--coders", "ann,bob", "--bootstrap", "0", "--format", "json").out());
    return r.get("groups").get(0).get(coefficient).get("value").asDouble();
  }

  private static final String BATCH_A = "doc,ord,text,coder,rating\ndA,1,a one,ann,high\ndA,1,a one,bob,high\n"
      + "dA,2,a two,ann,low\ndA,2,a two,bob,mid\ndA,3,a three,ann,mid\ndA,3,a three,bob,mid\ndA,4,a four,ann,low\n"
      + "dA,4,a four,bob,low\n";
  private static final String BATCH_B = "doc,ord,text,coder,rating\ndB,1,b one,ann,mid\ndB,1,b one,bob,high\n"
      + "dB,2,b two,ann,low\ndB,2,b two,bob,low\ndB,3,b three,ann,high\ndB,3,b three,bob,high\ndB,4,b four,ann,low\n"
      + "dB,4,b four,bob,mid\n";

  private void importBatch(String project, String csv, String... scale) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("import-table", project, table(csv).toString(), "--doc", "doc",
        "--order", "ord", "--text", "text", "--coder", "coder", "--code", "rating"));
    args.addAll(List.of(scale));
    CliRun.ok(args.toArray(String[]::new));
  }

  /**
   * A second batch of a table into the group of the first: the order it declares places the first batch's values,
   * and a batch that declares none keeps the group's scale. Both give the figures of one import of both batches.
   */
  @Test
  void aSecondBatchKeepsOrDeclaresTheGroupsScaleAndOrder() throws IOException {
    String whole = dir.resolve("whole.lacrima").toString();
    CliRun.ok("init", whole, "--empty");
    importBatch(whole, BATCH_A + BATCH_B.substring(BATCH_B.indexOf('\n') + 1), "--scale", "rating=ordinal:low,mid,high");
    double expected = groupFigure(whole, "krippendorff_alpha_ordinal");

    // nominal first, then ordinal: the group takes the declared order (it stood high, low, mid)
    importBatch(p, BATCH_A);
    importBatch(p, BATCH_B, "--scale", "rating=ordinal:low,mid,high");
    assertThat(CliRun.ok("codebook", p).out()).containsSubsequence("low", "mid", "high");
    assertThat(groupFigure(p, "krippendorff_alpha_ordinal")).isEqualTo(expected);

    // ordinal first without "mid", then with it: mid goes between, not last
    String q = dir.resolve("q.lacrima").toString();
    CliRun.ok("init", q, "--empty");
    importBatch(q, BATCH_A.replace(",mid\n", ",low\n"), "--scale", "rating=ordinal:low,high");
    importBatch(q, BATCH_B, "--scale", "rating=ordinal:low,mid,high");
    assertThat(CliRun.ok("codebook", q).out()).containsSubsequence("low", "mid", "high");

    // ordinal first, then a batch without --scale: still ordinal, in its order
    String r = dir.resolve("r.lacrima").toString();
    CliRun.ok("init", r, "--empty");
    importBatch(r, BATCH_A, "--scale", "rating=ordinal:low,mid,high");
    importBatch(r, BATCH_B);
    assertThat(groupFigure(r, "krippendorff_alpha_ordinal")).isEqualTo(expected);

    // an order against the group's, a value it leaves out, another scale: refused, nothing imported
    String more = BATCH_B.replace("dB", "dC");
    String before = CliRun.ok("codings", "export", r).out();
    assertThat(CliRun.of("import-table", r, table(more).toString(), "--doc", "doc", "--order", "ord", "--text", "text",
        "--coder", "coder", "--code", "rating", "--scale", "rating=ordinal:high,mid,low").err())
        .contains("orders \"mid\" before \"low\"");
    assertThat(CliRun.of("import-table", r, table(more).toString(), "--doc", "doc", "--order", "ord", "--text", "text",
        "--coder", "coder", "--code", "rating", "--scale", "rating=ordinal:low,high").err())
        .contains("holds \"mid\" from an earlier import");
    assertThat(CliRun.of("import-table", r, table(more).toString(), "--doc", "doc", "--order", "ord", "--text", "text",
        "--coder", "coder", "--code", "rating", "--scale", "rating=interval").err())
        .contains("is ordinal; this import says interval");
    assertThat(CliRun.ok("codings", "export", r).out()).isEqualTo(before);
  }

  /** A handed-out codebook says a group's level of measurement, which decides the distances agreement uses. */
  @Test
  void theCodebookSaysAGroupsScaleInEveryFormat() throws IOException {
    importBatch(p, BATCH_A, "--scale", "rating=ordinal:low,mid,high");
    for (String format : List.of("markdown", "html", "docx")) {
      Path out = dir.resolve("codebook." + format);
      CliRun.ok("codebook", "export", p, "--format", format, "-o", out.toString());
      String text = format.equals("docx") ? docxText(out) : Files.readString(out);
      // as each format escapes "<"
      String lessThan = switch (format) {
        case "markdown" -> "\\<";
        default -> "&lt;";
      };
      assertThat(text).as(format).contains("ordinal, the subcategories in this order: low " + lessThan + " mid "
          + lessThan + " high");
    }
  }

  private static String docxText(Path docx) throws IOException {
    try (var zip = new java.util.zip.ZipFile(docx.toFile())) {
      return new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A retired value's codings still count on a numeric scale: its number is not free for another value. */
  @Test
  void aRetiredValueKeepsItsNumberOnAnIntervalScale() throws IOException {
    importBatch(p, "doc,ord,text,coder,rating\ndA,1,a one,ann,1\ndA,1,a one,bob,2\ndA,2,a two,ann,3\n"
        + "dA,2,a two,bob,2\n", "--scale", "rating=interval");
    CliRun.ok("category", "retire", p, "rating > 2", "--why", "no longer rated");
    assertThat(CliRun.of("category", "rename", p, "rating > 3", "2.0", "--why", "x").err())
        .contains("\"2.0\" is the same number as \"2\"");
  }

  /** A group made interval by an edit must hold numbers, or agreement could not compute the project at all. */
  @Test
  void anEditDoesNotMakeAGroupOfWordsInterval() throws IOException {
    CliRun.ok("import-table", p, table("doc,ord,text,coder,mood\ndA,1,a one,ann,calm\ndA,1,a one,bob,tense\n")
        .toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder", "--code", "mood");
    Path scale = Files.writeString(dir.resolve("scale.yaml"), "scale: interval\n");
    assertThat(CliRun.of("category", "edit", p, "mood", "--from", scale.toString(), "--why", "x").err())
        .contains("the group \"mood\" is interval: its values are numbers, and \"calm\" is not one");
    CliRun.ok("agreement", p, "--coders", "ann,bob", "--bootstrap", "0");
  }

  /** A value renamed since comes back under its old name as a value of its own, and the import says so. */
  @Test
  void aLaterBatchSaysTheValuesItAddsToAGroup() throws IOException {
    importBatch(p, "doc,ord,text,coder,rating\ndA,1,a one,ann,calm\ndA,1,a one,bob,tense\n");
    CliRun.ok("category", "rename", p, "rating > calm", "relaxed", "--why", "clearer");
    assertThat(CliRun.ok("import-table", p, table("doc,ord,text,coder,rating\ndB,1,b one,ann,calm\ndB,1,b one,bob,"
        + "tense\n").toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder", "--code",
        "rating").out()).contains("the group \"rating\" takes the new value calm beside relaxed, tense");
    // a batch of values the group has says nothing of the kind
    assertThat(CliRun.ok("import-table", p, table("doc,ord,text,coder,rating\ndC,1,c one,ann,calm\ndC,1,c one,bob,"
        + "tense\n").toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder", "--code",
        "rating").out()).doesNotContain("takes the new value");
  }

  /** A nominal group made numeric by a later batch: the values it holds must be numbers a numeric column could hold. */
  @Test
  void aNominalGroupBecomesNumericOnlyWhereItsValuesAreNumbers() throws IOException {
    String batch2 = "doc,ord,text,coder,rating\ndB,1,b one,ann,1\ndB,1,b one,bob,3\n";
    String[][] cases = {{"low", "\"low\", which is not a number", "interval"},
        {"2.0", "\"2.0\" and \"2\", one number written two ways", "interval"},
        {"\"1,000\"", "\"1,000\", which reads as 1.000 or as 1000", "interval"},
        {"-1", "\"-1\", which is below 0", "ratio"}};
    for (String[] c : cases) {
      String q = dir.resolve("n" + c[2] + c[0].hashCode() + ".lacrima").toString();
      CliRun.ok("init", q, "--empty");
      importBatch(q, "doc,ord,text,coder,rating\ndA,1,a one,ann,2\ndA,1,a one,bob," + c[0] + "\n");
      String before = CliRun.ok("codebook", q).out();
      assertThat(CliRun.of("import-table", q, table(batch2).toString(), "--doc", "doc", "--order", "ord", "--text",
          "text", "--coder", "coder", "--code", "rating", "--scale", "rating=" + c[2]).err()).as(c[0]).contains(c[1]);
      assertThat(CliRun.ok("codebook", q).out()).isEqualTo(before);
    }
  }

  @Test
  void aLaterBatchSaysTheLevelsItAddsAndMayNameARetiredOne() throws IOException {
    importBatch(p, BATCH_A, "--scale", "rating=ordinal:low,mid,high");
    CliRun.ok("category", "retire", p, "rating > mid", "--why", "no longer rated");
    String batch = "doc,ord,text,coder,rating\ndC,1,c one,ann,top\ndC,1,c one,bob,high\n";
    assertThat(CliRun.ok("import-table", p, table(batch).toString(), "--doc", "doc", "--order", "ord", "--text", "text",
        "--coder", "coder", "--code", "rating", "--scale", "rating=ordinal:low,mid,high,top").out())
        .contains("the ordinal group \"rating\" takes the new level top (low < mid < high < top)");
    // and the layer's name is refused in any case
    assertThat(CliRun.of("import-table", p, table("doc,ord,text,coder,rating\ndD,1,d,Consensus,low\n").toString(),
        "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder", "--code", "rating").err())
        .contains("the coder is \"Consensus\"");
  }

  @Test
  void aNumberWrittenAnotherWayInALaterBatchIsTheSameValue() throws IOException {
    importBatch(p, "doc,ord,text,coder,rating\ndA,1,a one,ann,1\ndA,1,a one,bob,2\n", "--scale", "rating=interval");
    importBatch(p, "doc,ord,text,coder,rating\ndB,1,b one,ann,\"2,0\"\ndB,1,b one,bob,\"1,0\"\n", "--scale",
        "rating=interval");
    String tree = CliRun.ok("codebook", p).out();
    assertThat(tree).doesNotContain("2,0").doesNotContain("1,0");
    assertThat(tree.lines().filter(l -> l.contains("─ "))).hasSize(2);
  }

  @Test
  void refusesWhatWouldBeReadWronglyLater() throws IOException {
    String demo = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", demo);
    String before = CliRun.ok("codings", "export", demo).out();
    // a flag named like a category of the codebook: at the top, neither could be named by its label any more
    assertThat(CliRun.of("import-table", demo, table("doc,ord,text,coder,Protest crying\nd,1,x,ann,yes\n").toString(),
        "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder", "--flag", "Protest crying").err())
        .contains("t.csv, column protest crying: the codebook has a category \"Protest crying\" already");
    // the consensus layer's name
    assertThat(CliRun.of("import-table", demo, table("doc,ord,text,coder,f\nd,1,x,consensus,yes\n").toString(),
        "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder", "--flag", "f").err())
        .contains("t.csv, line 2: the coder is \"consensus\"");
    assertThat(CliRun.ok("codings", "export", demo).out()).isEqualTo(before);
    // one thousand, or one with a decimal comma
    assertThat(CliRun.of("import-table", p, table("doc,ord,text,coder,n\nd,1,x,ann,\"1,000\"\n").toString(), "--doc",
        "doc", "--order", "ord", "--text", "text", "--coder", "coder", "--code", "n", "--scale", "n=interval").err())
        .contains("line 2: n is \"1,000\", which reads as 1.000 with a decimal comma and as 1000 with a thousands "
            + "separator");
  }

  /** Spans have no missing values: the character and MAXQDA figures say that a table's open cells count as absent. */
  @Test
  void theSpanFiguresSayTheyCountATablesOpenCellsAsAbsent() throws IOException {
    importBatch(p, BATCH_A.replace("dA,2,a two,bob,mid", "dA,2,a two,bob,n/a"));
    for (String unit : List.of("character", "maxqda")) {
      assertThat(CliRun.ok("agreement", p, "--coders", "ann,bob", "--unit", unit).out()).as(unit)
          .contains("empty or n/a").contains("not coded (absent)");
    }
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,bob", "--bootstrap", "0").out())
        .doesNotContain("not coded (absent)");
  }

  @Test
  void aScaledGroupWhosePairedUnitsHoldOneValueSaysAc2IsOneByDefinitionToo() throws IOException {
    importBatch(p, "doc,ord,text,coder,rating\nd,1,one,ann,2\nd,1,one,bob,2\nd,2,two,ann,2\nd,2,two,bob,2\n"
        + "d,3,three,ann,3\nd,3,three,bob,n/a\n", "--scale",
        "rating=interval");
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,bob", "--bootstrap", "0").out())
        .contains("AC1, AC2 and Brennan–Prediger's kappa are 1 by definition");
  }

  /** The command line splits names at commas; a name with a comma is found again by the longest run that names one. */
  @Test
  void documentsCodersAndCategoriesWithCommasCanBeNamed() throws IOException {
    importBatch(p, "doc,ord,text,coder,rating\n\"doc, one\",1,t1,\"Smith, J\",\"x, y\"\n\"doc, one\",1,t1,\"Doe, K\","
        + "\"x, y\"\n\"doc, one\",2,t2,\"Smith, J\",z\n\"doc, one\",2,t2,\"Doe, K\",\"x, y\"\nother,1,t3,\"Smith, J\",z\n"
        + "other,1,t3,\"Doe, K\",z\n");
    String json = CliRun.ok("agreement", p, "--coders", "Smith, J,Doe, K", "--bootstrap", "0", "--documents", "doc, one",
        "--categories", "x, y", "--format", "json").out();
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertThat(report.get("categories")).hasSize(1);
    assertThat(report.get("categories").get(0).get("units_pairable").asInt()).isEqualTo(2);
    // quoted to keep the comma, as the report's own description of the study writes it
    var quoted = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders",
        "Smith, J,Doe, K", "--bootstrap", "0", "--documents", "\"doc, one\"", "--categories", "\"x, y\"", "--format",
        "json").out());
    assertThat(quoted.get("categories").get(0).get("units_pairable").asInt()).isEqualTo(2);
  }

  @Test
  void aBadDocumentVariableNamesItsLine() throws IOException {
    Path t = table("doc,ord,text,coder,f,orientation\nd1,1,x,ann,yes,PDT\nd2,1,y,ann,no,Gestalt\n");
    assertThat(CliRun.of("import-table", p, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder",
        "coder", "--flag", "f", "--doc-var", "orientation").err()).contains("t.csv, line 3 (document \"d2\")");
  }

  private static int pairable(String project, String coders, String category) throws IOException {
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.ok("agreement", project, "--coders",
        coders, "--bootstrap", "0", "--categories", category, "--format", "json").out());
    return report.get("categories").get(0).get("units_pairable").asInt();
  }

  /**
   * A consensus build records the column's values one by one; the table's coders still judged the column only, not
   * the codebook's other categories, and the layer is not out of date the moment it is built.
   */
  @Test
  void aConsensusBuildDoesNotMakeATablesCodersJudgeTheOtherCategories() throws IOException {
    String q = dir.resolve("codebook.lacrima").toString();
    CliRun.ok("init", q);
    Path t = table("doc,ord,text,coder,mood,tears\nd,1,one,ann,pos,yes\nd,1,one,bob,neg,yes\nd,2,two,ann,pos,no\n"
        + "d,2,two,bob,pos,n/a\nd,3,three,ann,n/a,no\nd,3,three,bob,neg,no\n");
    CliRun.ok("import-table", q, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder",
        "--code", "mood", "--flag", "tears");
    assertThat(pairable(q, "ann,bob", "Pause")).isZero();
    CliRun.ok("consensus", q, "--coders", "ann,bob");
    assertThat(pairable(q, "ann,bob", "Pause")).isZero();
    assertThat(CliRun.ok("consensus", "status", q).out() + CliRun.of("consensus", "status", q).err())
        .doesNotContain("out of date");
  }

  /** A code added by hand to a table's column is the column's, even where the coder left all its cells open. */
  @Test
  void aCodeAddedToAColumnLeftOpenDoesNotCoverTheOtherCategories() throws IOException {
    String q = dir.resolve("codebook.lacrima").toString();
    CliRun.ok("init", q);
    Path transcript = Files.writeString(dir.resolve("b.txt"), "I: Wie war das?\nB: Ich weiß es nicht.\n");
    CliRun.ok("import", q, transcript.toString());
    Path hand = Files.writeString(dir.resolve("hand.csv"), "document,quote,category,coder\nb,Wie war das?,Pause,ann\n");
    CliRun.ok("codings", "import", q, hand.toString());
    Path t = table("doc,ord,text,coder,tears,sigh\nd,1,one,ann,yes,yes\nd,1,one,cleo,no,\nd,2,two,ann,no,no\n"
        + "d,2,two,cleo,yes,\n");
    CliRun.ok("import-table", q, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder",
        "--flag", "tears", "--flag", "sigh");
    assertThat(pairable(q, "ann,cleo", "Pause")).isZero();
    // cleo codes "sigh", a column whose cells she left all empty, in the transcript
    Path sigh = Files.writeString(dir.resolve("sigh.csv"), "document,quote,category,coder\nb,Ich weiß,sigh,cleo\n");
    // and hears at once what agreement will make of it
    assertThat(CliRun.ok("codings", "import", q, sigh.toString()).out()).contains("1 coding of this file lies where "
        + "a table import recorded that the coder judged nothing of the category");
    assertThat(pairable(q, "ann,cleo", "Pause")).isZero();
  }

  /** A value coded by hand where the coder's cell of its column is open: one note, the one that is true. */
  @Test
  void aCodeInAnOpenCellOfItsOwnColumnIsNotedOnce() throws IOException {
    Path t = table("doc,ord,text,coder,mood\nd,1,one,ann,pos\nd,1,one,bob,pos\nd,2,two,ann,neg\nd,2,two,bob,n/a\n"
        + "d,3,three,ann,pos\nd,3,three,bob,neg\n");
    CliRun.ok("import-table", p, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder",
        "--code", "mood");
    Path hand = Files.writeString(dir.resolve("hand.csv"), "document,quote,category,coder\nd,two,mood > neg,bob\n");
    CliRun.ok("codings", "import", p, hand.toString());
    String out = CliRun.ok("agreement", p, "--coders", "ann,bob", "--bootstrap", "0").out();
    assertThat(out).contains("counts as not judged there").doesNotContain("though the category rows count them");
  }

  @Test
  void aColumnGivenTwoScalesIsRefused() throws IOException {
    assertThat(CliRun.of("import-table", p, table(BATCH_A).toString(), "--doc", "doc", "--order", "ord", "--text",
        "text", "--coder", "coder", "--code", "rating", "--scale", "rating=ordinal:low,mid,high", "--scale",
        "Rating=nominal").err()).contains("the column Rating has a --scale already");
  }

  /**
   * A flag column merged into a value of a code column (and the other way round) is judged wherever either cell was
   * filled. Worked by hand from the table: x-or-f is, for A, 1 (x), 1 (f), 0 (y, f 0), 1 (x); for B, 1 (x), 1 (f),
   * 1 (f), 1 (f): 3 of 4 units agree.
   */
  @Test
  void aFlagMergedIntoAValueIsJudgedWhereEitherCellWasFilled() throws IOException {
    Path t = table("doc,ord,text,coder,grp,f\nd1,1,alpha one,A,x,n/a\nd1,2,beta two,A,n/a,1\nd1,3,gamma three,A,y,0\n"
        + "d1,4,delta four,A,x,n/a\nd1,1,alpha one,B,x,0\nd1,2,beta two,B,y,1\nd1,3,gamma three,B,y,1\n"
        + "d1,4,delta four,B,y,1\n");
    importTable(p, t.toString(), "--code", "grp", "--flag", "f");
    CliRun.ok("category", "merge", p, "f", "x", "--why", "one code");
    assertThat(agreementOf("x", "A,B")).isCloseTo(3.0 / 4, within(1e-12));
    CliRun.ok("category", "undo", p, "--why", "apart");
    CliRun.ok("category", "merge", p, "x", "f", "--why", "the other way");
    assertThat(agreementOf("f", "A,B")).isCloseTo(3.0 / 4, within(1e-12));
  }

  /** A column grp of x and y; A left its cell of u two open (n/a). */
  private void importColumnWithAnOpenCell() throws IOException {
    Path t = table("doc,ord,text,coder,grp\nd1,1,u one,A,x\nd1,2,u two,A,n/a\nd1,3,u three,A,y\n"
        + "d1,1,u one,B,x\nd1,2,u two,B,y\nd1,3,u three,B,x\n");
    importTable(p, t.toString(), "--code", "grp");
  }

  /**
   * A value moved out of its table column takes the column's cells along: a cell left n/a stays not judged. Worked by
   * hand: x is judged by both coders on u1 (both x) and u3 (A y, B x), A's u2 cell being n/a: 1 of 2 units agree.
   * Judged by document instead, u2 would count as absent for both: 2 of 3.
   */
  @Test
  void aValueMovedOutOfItsColumnTakesTheColumnsCellsAlong() throws IOException {
    importColumnWithAnOpenCell();
    assertThat(agreementOf("x", "A,B")).isCloseTo(1.0 / 2, within(1e-12));
    String carried = "the record of which cells of the table column \"grp\" each coder filled in goes with it (5 cells)";
    assertThat(CliRun.ok("category", "move", p, "grp > x", "--top", "--why", "w").out()).contains(carried);
    assertThat(agreementOf("x", "A,B")).isCloseTo(1.0 / 2, within(1e-12));
    CliRun.ok("category", "undo", p, "--why", "back");
    assertThat(agreementOf("x", "A,B")).isCloseTo(1.0 / 2, within(1e-12));
    // the undo took the value's own record away again: a second move carries the cells anew
    assertThat(CliRun.ok("category", "move", p, "grp > x", "--top", "--why", "again").out()).contains(carried);
    CliRun.ok("category", "add", p, "plain", "--why", "w");
    assertThat(CliRun.ok("category", "move", p, "plain", "--parent", "grp", "--why", "w").out())
        .doesNotContain("table column");
  }

  /**
   * A consensus layer records what it judged under each value; the table's coders keep their cells on the column all
   * the same, also once the values are no longer exclusive or one is moved out (the figures of the test above).
   */
  @Test
  void aConsensusLayersRecordsDoNotHideTheTableCoders() throws IOException {
    importColumnWithAnOpenCell();
    CliRun.ok("consensus", p, "--coders", "A,B");
    assertThat(agreementOf("x", "A,B")).isCloseTo(1.0 / 2, within(1e-12));
    CliRun.ok("category", "exclusive", p, "grp", "off", "--why", "w");
    assertThat(agreementOf("x", "A,B")).isCloseTo(1.0 / 2, within(1e-12));
    CliRun.ok("category", "undo", p, "--why", "back");
    assertThat(CliRun.ok("category", "move", p, "grp > x", "--top", "--why", "w").out())
        .contains("the record of which cells of the table column \"grp\" each coder filled in goes with it");
    assertThat(agreementOf("x", "A,B")).isCloseTo(1.0 / 2, within(1e-12));
    // and the layer, rebuilt, finds no disagreement on u two, where A judged nothing
    assertThat(CliRun.ok("consensus", p, "--coders", "A,B").out()).doesNotContain("u two");
  }

  /** What a change does to a scale is said: where an ordinal value stands now, what number an interval one is. */
  @Test
  void aChangeThatMovesAValueOnItsScaleSaysSo() throws IOException {
    Path t = table("doc,ord,text,coder,sev,n\nd1,1,u one,A,low,1\nd1,2,u two,A,high,2\nd1,1,u one,B,mid,2\n"
        + "d1,2,u two,B,high,2\n");
    importTable(p, t.toString(), "--code", "sev", "--code", "n", "--scale", "sev=ordinal:low,mid,high", "--scale",
        "n=interval");
    CliRun.ok("category", "move", p, "sev > low", "--top", "--why", "w");
    assertThat(CliRun.ok("category", "move", p, "low", "--parent", "sev", "--why", "back").out())
        .contains("on the ordinal scale of \"sev\", which runs in the order of its values, it stands last: "
            + "mid < high < low");
    assertThat(CliRun.ok("category", "add", p, "top", "--parent", "sev", "--why", "w").out())
        .contains("it stands last: mid < high < low < top");
    assertThat(CliRun.ok("category", "rename", p, "n > 2", "5", "--why", "w").out())
        .contains("on the interval scale of \"n\" it stands for 5 now, not 2");
    assertThat(CliRun.ok("category", "rename", p, "n > 1", "eins", "--lang", "de", "--why", "w").out())
        .doesNotContain("stands for");
  }

  /**
   * A value merged into a group from another column is judged as a category by either column's cells, but the group
   * by its own: where a coder's cell of the group is empty and the other column's gave the value, the group is
   * missing for that coder, and the report says how often. A's lvl cells are empty on three and seven, B's on three,
   * four and five, where each gave m: 5 coded units.
   */
  @Test
  void aValueMergedInFromAnotherColumnIsNotedWhereTheGroupsCellsAreOpen() throws IOException {
    Path t = table("doc,ord,text,coder,lvl,oth\nd1,1,one,A,1,\nd1,1,one,B,1,\nd1,2,two,A,2,\nd1,2,two,B,3,\n"
        + "d1,3,three,A,,m\nd1,3,three,B,,m\nd1,4,four,A,3,\nd1,4,four,B,,m\nd1,5,five,A,1,\nd1,5,five,B,,m\n"
        + "d1,6,six,A,2,\nd1,6,six,B,2,\nd1,7,seven,A,,m\nd1,7,seven,B,3,\n");
    importTable(p, t.toString(), "--code", "lvl", "--code", "oth");
    String note = "(unit, exclusive group and coder) lie where the coder's recorded coverage of the group says it "
        + "judged nothing";
    assertThat(CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0").out()).doesNotContain(note);
    CliRun.ok("category", "merge", p, "oth > m", "lvl > 3", "--why", "one value");
    assertThat(CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0").out()).contains("5 coded units " + note);
  }

  /** An interval group's values are numbers, each another: a split into parts that are not is refused. */
  @Test
  void aValueOfAnIntervalGroupSplitsIntoNumbersOnly() throws IOException {
    Path t = table("doc,ord,text,coder,sc\nd1,1,u one,A,1\nd1,2,u two,A,2\nd1,1,u one,B,2\nd1,2,u two,B,2\n");
    importTable(p, t.toString(), "--code", "sc", "--scale", "sc=interval");
    assertThat(CliRun.of("category", "split", p, "sc > 2", "--into", "2a", "--into", "2b", "--rule", "text~one -> 2a",
        "--rule", "text~. -> 2b", "--why", "s").err()).contains("the group \"sc\" is interval: its values are numbers, "
            + "and \"2a\" is not one");
    assertThat(CliRun.of("category", "split", p, "sc > 2", "--into", "1.0", "--into", "2.5", "--rule", "text~one -> 1.0",
        "--rule", "text~. -> 2.5", "--why", "s").err()).contains("\"1.0\" is the same number as \"1\"");
    CliRun.ok("category", "split", p, "sc > 2", "--into", "1.5", "--into", "2.5", "--rule", "text~one -> 1.5",
        "--rule", "text~. -> 2.5", "--why", "s");
  }

  /** Nor does a rename, an edit of the English label, a new category or a move give the group a value off the scale. */
  @Test
  void anIntervalGroupTakesNoOtherValueThanANewNumber() throws IOException {
    Path t = table("doc,ord,text,coder,sc,other\nd1,1,u one,A,1,x\nd1,2,u two,A,2,y\nd1,1,u one,B,2,x\n"
        + "d1,2,u two,B,2,x\n");
    importTable(p, t.toString(), "--code", "sc", "--code", "other", "--scale", "sc=interval");
    String offScale = "the group \"sc\" is interval: its values are numbers, and \"two\" is not one";
    assertThat(CliRun.of("category", "rename", p, "sc > 2", "two", "--why", "w").err()).contains(offScale);
    assertThat(CliRun.of("category", "edit", p, "sc > 2", "--label", "two", "--why", "w").err()).contains(offScale);
    assertThat(CliRun.of("category", "add", p, "two", "--parent", "sc", "--why", "w").err()).contains(offScale);
    assertThat(CliRun.of("category", "rename", p, "sc > 2", "1.00", "--why", "w").err())
        .contains("\"1.00\" is the same number as \"1\"");
    assertThat(CliRun.of("category", "move", p, "other > x", "--parent", "sc", "--why", "w").err())
        .contains("the group \"sc\" is interval: its values are numbers, and \"x\" is not one");
    CliRun.ok("category", "rename", p, "sc > 2", "2.5", "--why", "w");
    CliRun.ok("category", "rename", p, "sc > 2.5", "Zwei", "--lang", "de", "--why", "a German label is not the value");
  }

  /** A coding made later where the table says the coder judged nothing counts as not judged, and the report says so. */
  @Test
  void aCodingInACellTheTableLeftOpenIsNotedNotCounted() throws IOException {
    Path t = table(FLAGS);
    importTable(p, t.toString(), "--flag", "cry", "--flag", "tears");
    double before = agreementOf("cry");
    Files.writeString(dir.resolve("fill.csv"), "document,quote,category,coder\nd1,One.,cry,ann\n");
    assertThat(CliRun.ok("codings", "import", p, dir.resolve("fill.csv").toString()).out())
        .contains("Note: 1 coding of this file lies where a table import recorded that the coder judged nothing of "
            + "the category (an empty or n/a cell)");
    assertThat(agreementOf("cry")).isEqualTo(before);
    assertThat(CliRun.ok("agreement", p, "--coders", "ann,bob", "--bootstrap", "0").out())
        .contains("1 coded unit (unit, category and coder) lies where the coder's recorded coverage says it judged "
            + "nothing").contains("codebook: the project's own (started empty), as after change #");
    // where the cell was filled in, or for a coder the table did not bring, a coding is judged as usual
    Files.writeString(dir.resolve("more.csv"), "document,quote,category,coder\nd1,Two.,cry,ann\nd1,One.,cry,cat\n");
    assertThat(CliRun.ok("codings", "import", p, dir.resolve("more.csv").toString()).out())
        .doesNotContain("judged nothing");
  }

  /**
   * A table imported beside a coded study: its cells judged its column, not the study's categories, so the study's
   * figures for those stay as they were (the table's turns were counted as absent for every category before).
   */
  @Test
  void aTablesCellsJudgeItsColumnsNotTheOtherCategoriesOfItsCoders() throws IOException {
    String demo = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", demo);
    String before = CliRun.ok("agreement", demo, "--coders", "jonas,mira", "--bootstrap", "0", "--categories",
        "Therapeutic stance", "--format", "json").out();
    StringBuilder csv = new StringBuilder("doc,ord,spk,text,coder,mood\n");
    for (int turn = 1; turn <= 20; turn++) {
      for (String coder : List.of("jonas", "mira")) {
        csv.append("tab-1,").append(turn).append(",T,turn ").append(turn).append(",").append(coder).append(",")
            .append(turn % 3 == 0 && coder.equals("mira") ? "tense" : "calm").append("\n");
      }
    }
    CliRun.ok("import-table", demo, table(csv.toString()).toString(), "--doc", "doc", "--order", "ord", "--speaker",
        "spk", "--text", "text", "--coder", "coder", "--code", "mood", "--why", "moods rated on a second sheet");
    String after = CliRun.ok("agreement", demo, "--coders", "jonas,mira", "--bootstrap", "0", "--categories",
        "Therapeutic stance", "--format", "json").out();
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var row = json.readTree(before).get("categories").get(0);
    var rowAfter = json.readTree(after).get("categories").get(0);
    // the table's 20 turns are units in scope, but no coder judged the category there
    assertThat(rowAfter.get("units").asInt()).isEqualTo(row.get("units").asInt() + 20);
    for (String figure : List.of("units_pairable", "prevalence")) {
      assertThat(rowAfter.get(figure)).as(figure).isEqualTo(row.get(figure));
    }
    for (String coefficient : List.of("percentage_agreement", "cohen_kappa", "gwet_ac1")) {
      assertThat(rowAfter.get(coefficient).get("value")).as(coefficient).isEqualTo(row.get(coefficient).get("value"));
      assertThat(rowAfter.get(coefficient).get("parts").get("units_used")).as(coefficient)
          .isEqualTo(row.get(coefficient).get("parts").get("units_used"));
    }
    // and the column itself is judged where its cells are
    String mood = CliRun.ok("agreement", demo, "--coders", "jonas,mira", "--bootstrap", "0", "--categories",
        "mood > calm", "--format", "json").out();
    assertThat(json.readTree(mood).get("categories").get(0).get("units_pairable").asInt()).isEqualTo(20);
  }

  @Test
  void refusesADocumentNameThatWouldActOnTheTerminal() throws IOException {
    Path t = table("session,utt,text,rater,behaviour\n\"two\n  forged\",1,Wie geht es?,r1,Frage\n");
    CliRun run = CliRun.of("import-table", p, t.toString(), "--doc", "session", "--order", "utt", "--text", "text",
        "--coder", "rater", "--code", "behaviour");
    assertThat(run.err()).contains("line 2: the document's name").contains("holds a line break");
    // a name a team server could not index is refused in a project file too
    Path longName = table("session,utt,text,rater,behaviour\n" + "s".repeat(300) + ",1,Wie geht es?,r1,Frage\n");
    assertThat(CliRun.of("import-table", p, longName.toString(), "--doc", "session", "--order", "utt", "--text", "text",
        "--coder", "rater", "--code", "behaviour").err()).contains("the document's name is 300 characters long");
    assertThat(CliRun.of("codebook", "tag", p, "t".repeat(201)).err()).contains("a tag is 201 characters long");
  }

  @Test
  void namesWrittenDecomposedOrComposedAreTheSame() throws IOException {
    // the same session, rater and code, once decomposed and once composed
    Path t = table("session,utt,text,rater,behaviour\n"
        + "Ma\u0308rz,1,Wie geht es?,Ju\u0308rgen,Frage\n"
        + "März,2,Traurig.,Jürgen,Gefu\u0308hl\n"
        + "März,3,Sie weinen.,Jürgen ,Gefühl\n");
    CliRun run = CliRun.ok("import-table", p, t.toString(), "--doc", "session", "--order", "utt", "--text", "text",
        "--coder", "rater", "--code", "behaviour");
    assertThat(run.out()).contains("1 document, 3 units, 3 codings").contains("New coders: Jürgen\n");
    assertThat(CliRun.ok("codebook", p).out()).contains("Gefühl").doesNotContain("Gefu\u0308hl");
    // a coder in another case is another coder, noted as codings import notes it
    Path cased = table("session,utt,text,rater,behaviour\nApril,1,Hallo.,jürgen,Frage\n");
    assertThat(CliRun.ok("import-table", p, cased.toString(), "--doc", "session", "--order", "utt", "--text", "text",
        "--coder", "rater", "--code", "behaviour").out()).contains("New coders: jürgen\n")
        .contains("Note on the coder jürgen: the project has \"Jürgen\", which differs only in case");
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
    // and after it only that import is left, which the next undo would refuse: the hint offers none
    assertThat(CliRun.ok("category", "undo", p, "--why", "not needed").out()).contains("passing over import #")
        .contains("no category operation is left to undo").doesNotContain("Undo the operation before it");
    assertThat(CliRun.ok("codebook", p).out()).doesNotContain("Themes").contains("mood").contains("calm");
    assertThat(CliRun.ok("stats", p).out()).contains("2 documents");
    assertThat(CliRun.of("category", "undo", p, "--why", "once more").err())
        .contains("cannot undo #3 (import)").contains("one of the categories it created, has");
  }

  @Test
  void anUndoPassingOverAnImportMayNotBringBackALabelItsGroupNowCarries() throws IOException {
    CliRun.ok("category", "add", p, "Speech", "--label-de", "Talk", "--why", "ours");
    CliRun.ok("category", "rename", p, "Speech", "Rede", "--lang", "de", "--why", "German wording");
    Path t = table("doc,n,text,coder,Talk\nd,1,Hello,a,yes\n");
    CliRun.ok("import-table", p, t.toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder",
        "--code", "Talk");
    // undoing the rename would give Speech the German label "Talk" beside the imported group "Talk"
    CliRun undo = CliRun.of("category", "undo", p, "--why", "back to the old German");
    assertThat(undo.err()).contains("\"Talk\"").contains("sibling");
    assertThat(CliRun.ok("codebook", p, "--lang", "de").out()).contains("Rede");
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
    assertThat(CliRun.ok("stats", p).out()).contains("1 document,");
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
        "--coder", "coder", "--code", "theme").err()).contains("t.csv, line 2: theme: the label \"loss > grief\" contains "
        + "\" > \"").doesNotContain("category \"loss");
    Path broken = table("doc,n,text,coder,theme\nd,1,Hello,a,\"two\nlines\"\n");
    assertThat(CliRun.of("import-table", p, broken.toString(), "--doc", "doc", "--order", "n", "--text", "text",
        "--coder", "coder", "--code", "theme").err().strip()).startsWith("lacrima: ").contains("t.csv, line 2: theme: the "
        + "label \"two?lines\" holds a line break").doesNotContain("\n");
    assertThat(CliRun.of("import-table", p, table("doc,n,text,coder,level\nd,1,Hello,a,low\n").toString(), "--doc",
        "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", "level", "--scale",
        "level=ordinal:low,Low,high").err())
        .contains("--scale level=ordinal:low,Low,high: names \"Low\" twice");
    assertThat(CliRun.of("import-table", p, table("doc,n,text,coder,years\nd,1,Hello,a,2\nd,1,Hello,b,\"2,0\"\n")
        .toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", "years", "--scale",
        "years=interval").err()).contains("line 3: years is \"2,0\", the same number as \"2\" (line 2)");
    assertThat(CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out()).isEqualTo(before);
  }

  /**
   * A value moved out of its column takes a copy of the column's cells; undoing the move takes that copy off again,
   * not the cells a later batch recorded for the value under its own name (a --flag column), which were the coders'
   * only record of their "no". Worked by hand: s2 has two units, both coders judged reflect in both (yes, no).
   */
  @Test
  void undoingAValuesMoveOutOfItsColumnKeepsTheCellsALaterBatchRecordedForIt() throws IOException {
    importFirstBehaviourBatch();
    CliRun.ok("category", "move", p, "behaviour > reflect", "--top", "--why", "its own category");
    Path second = Files.writeString(dir.resolve("b2.csv"), "doc,ord,text,coder,reflect\ns2,1,She wept.,x,yes\n"
        + "s2,1,She wept.,y,yes\ns2,2,We paused.,x,no\ns2,2,We paused.,y,no\n");
    importTable(p, second.toString(), "--flag", "reflect");
    assertThat(pairableIn(p, "s2", "reflect")).isEqualTo(2);
    CliRun.ok("category", "undo", p, "--why", "back into the column");
    assertThat(CliRun.ok("codebook", p).out()).contains("└─ reflect");
    assertThat(pairableIn(p, "s2", "reflect")).isEqualTo(2);
    // and s1 is judged through the column as before the move
    assertThat(pairableIn(p, "s1", "reflect")).isEqualTo(2);
  }

  /**
   * A value moved out of its column and back keeps its copy of the column's cells; the cells a later batch fills in
   * the column count for it too (s3: both coders filled in both units), as they do for a value never moved.
   */
  @Test
  void aValueMovedOutOfItsColumnAndBackCountsTheColumnsLaterCells() throws IOException {
    importFirstBehaviourBatch();
    CliRun.ok("category", "move", p, "behaviour > reflect", "--top", "--why", "out");
    CliRun.ok("category", "move", p, "reflect", "--parent", "behaviour", "--why", "back");
    Path third = Files.writeString(dir.resolve("b3.csv"), "doc,ord,text,coder,behaviour\ns3,1,He sobbed.,x,reflect\n"
        + "s3,1,He sobbed.,y,reflect\ns3,2,Go on.,x,ask\ns3,2,Go on.,y,reflect\n");
    importTable(p, third.toString(), "--code", "behaviour");
    assertThat(pairableIn(p, "s3", "behaviour > reflect")).isEqualTo(2);
    assertThat(pairableIn(p, "s1", "behaviour > reflect")).isEqualTo(2);
    // out once more: it takes the column's cells it lacks (s3's), not only where it had none of its own
    CliRun.ok("category", "move", p, "behaviour > reflect", "--top", "--why", "out again");
    assertThat(pairableIn(p, "s3", "reflect")).isEqualTo(2);
    assertThat(pairableIn(p, "s1", "reflect")).isEqualTo(2);
  }

  /**
   * Undoing a move out takes off exactly the cells the move copied: a later batch that fills in both the column and a
   * --flag column of the value's name records cells identical to the column's, and those stay the value's (x left
   * the column's cell of s2's second unit open, and judged reflect there all the same).
   */
  @Test
  void undoingAMoveOutTakesOffOnlyTheCellsItCopied() throws IOException {
    importFirstBehaviourBatch();
    CliRun.ok("category", "move", p, "behaviour > reflect", "--top", "--why", "out");
    Path both = Files.writeString(dir.resolve("b2.csv"), "doc,ord,text,coder,behaviour,reflect\n"
        + "s2,1,She wept.,x,ask,yes\ns2,1,She wept.,y,ask,yes\ns2,2,We paused.,x,,no\ns2,2,We paused.,y,ask,no\n");
    importTable(p, both.toString(), "--code", "behaviour", "--flag", "reflect");
    assertThat(pairableIn(p, "s2", "reflect")).isEqualTo(2);
    CliRun.ok("category", "undo", p, "--why", "back");
    CliRun.ok("category", "move", p, "behaviour > reflect", "--top", "--why", "out again");
    assertThat(pairableIn(p, "s2", "reflect")).isEqualTo(2);
    assertThat(pairableIn(p, "s1", "reflect")).isEqualTo(2);
  }

  /** s1, two units; x and y: ask, reflect. */
  private void importFirstBehaviourBatch() throws IOException {
    Path first = Files.writeString(dir.resolve("b1.csv"), "doc,ord,text,coder,behaviour\ns1,1,I cried.,x,ask\n"
        + "s1,1,I cried.,y,ask\ns1,2,Tell me more.,x,reflect\ns1,2,Tell me more.,y,reflect\n");
    importTable(p, first.toString(), "--code", "behaviour");
  }

  private static int pairableIn(String project, String document, String category) throws IOException {
    var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.ok("agreement", project, "--coders",
        "x,y", "--bootstrap", "0", "--documents", document, "--categories", category, "--format", "json").out());
    return report.get("categories").get(0).get("units_pairable").asInt();
  }

  /** Imports a table of the columns doc, ord, text and coder, with the columns given. */
  private static void importTable(String project, String table, String... columns) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import-table", project, table, "--doc",
        "doc", "--order", "ord", "--text", "text", "--coder", "coder"));
    args.addAll(java.util.List.of(columns));
    CliRun.ok(args.toArray(String[]::new));
  }

  private CliRun importing(String csv, String... extra) throws IOException {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import-table", p, table(csv).toString(),
        "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder"));
    args.addAll(java.util.List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  /**
   * What a table leaves out or writes as n/a beside the coders' values: a name no one, a time and a document's value
   * none; a level of a scale cannot be n/a; a time two coders' rows give differently is refused like their text.
   */
  @Test
  void readsNotJudgedCellsBesideTheValuesForWhatTheySay() throws IOException {
    String before = CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out();
    assertThat(importing("doc,n,text,coder,code,at\nd,1,Hi,a,x,00:01\nd,1,Hi,b,x,00:02\n", "--code", "code", "--time",
        "at").err()).contains("line 3")
        .contains("unit 1 of document \"d\" has the time code \"00:02\" here but \"00:01\" on line 2");
    assertThat(importing("doc,n,text,coder,code\nd,1,Hi,n/a,x\n", "--code", "code").err()).contains("line 2")
        .contains("column coder is \"n/a\", which names no one");
    assertThat(importing("doc,n,text,coder,code\nNA,1,Hi,a,x\n", "--code", "code").err()).contains("line 2")
        .contains("column doc is \"NA\", which names no one");
    assertThat(importing("doc,n,text,coder,code\nd,1,Hi,a,x\n", "--code", "code", "--scale", "code=ordinal:x,n/a,y")
        .err()).contains("names \"n/a\", which in a cell means not judged");
    assertThat(CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out()).isEqualTo(before);
    // "Na" is a name, not R's missing value: taken
    assertThat(importing("doc,n,text,coder,code\nd0,1,Hi,Na,x\nd0,1,Hi,B,x\n", "--code", "code").status()).isZero();
    assertThat(CliRun.ok("codings", "export", p).out()).contains(",d0,Na,");

    // a document's value on its first row only, and n/a for a time or speaker
    CliRun.ok("import-table", p, table("doc,n,text,coder,code,site,at,who\nd,1,Hi,a,x,P,n/a,\nd,1,Hi,b,x,,n/a,T\n"
        + "d,2,Ho,a,y,n/a,00:03,n/a\nd,2,Ho,b,y,,00:03,NA\n").toString(), "--doc", "doc", "--order", "n", "--text",
        "text", "--coder", "coder", "--code", "code", "--doc-var", "site", "--time", "at", "--speaker", "who");
    assertThat(CliRun.ok("agreement", p, "--coders", "a,b", "--where", "site=P", "--bootstrap", "0").out())
        .containsPattern("(?m)^code +2 ");
    assertThat(CliRun.ok("units", "list", p, "d").out()).doesNotContain("n/a").doesNotContain("NA");
    // the speaker one coder's row gives, where the other's leaves it out, is the unit's
    assertThat(CliRun.ok("agreement", p, "--coders", "a,b", "--speaker", "T", "--bootstrap", "0").out())
        .containsPattern("(?m)^code +1 ");
  }

  @Test
  void refusesWhatWouldGiveACoderTwoValuesOrScrambleTheUnits() throws IOException {
    String before = CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out();
    // a second row of one unit and coder: two values of one exclusive group
    assertThat(importing("doc,n,text,coder,code\nd,1,Hi,a,x\nd,1,Hi,b,y\nd,1,Hi,a,y\n", "--code", "code").err())
        .contains("line 4").contains("coder \"a\" already judged unit 1 of document \"d\" on line 2");
    // one word among numbers would sort the document as text
    assertThat(importing("doc,n,text,coder,code\nd,1,one,a,x\nd,2,two,a,x\nd,x,stray,a,x\n", "--code", "code").err())
        .contains("line 4").contains("is \"x\", not a number like the others");
    assertThat(importing("doc,n,text,coder,code\nd,n/a,one,a,x\n", "--code", "code").err()).contains("line 2")
        .contains("every row needs the unit's place");
    // a ratio scale starts at 0: a negative value is refused at its line, not left to an undefined alpha later
    assertThat(importing("doc,n,text,coder,size\nd,1,one,a,2\nd,2,two,a,-1\n", "--code", "size", "--scale",
        "size=ratio").err()).contains("line 3").contains("is \"-1\", below 0").contains("--scale size=interval");
    // a value written with a stray space, or decomposed, is the same value
    CliRun.ok("import-table", p, table("doc,n,text,coder,code\nv,1,one,a,x\nv,1,one,b,x \nv,2,two,a,\u00e4\nv,2,two,b,"
        + "a\u0308\n").toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", "code");
    assertThat(CliRun.ok("codebook", p).out().lines().filter(l -> l.contains("code") || l.endsWith(" x")
        || l.endsWith(" \u00e4")).count()).isEqualTo(3);
    before = CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out();
    // values that differ only in case would be two categories with one name
    assertThat(importing("doc,n,text,coder,code\nd,1,one,a,x\nd,2,two,a,X\n", "--code", "code").err())
        .contains("line 3").contains("differs from \"x\" (line 2) only in case");
    // one column read twice would count each judged cell twice
    assertThat(importing("doc,n,text,coder,code\nd,1,one,a,x\n", "--code", "code", "--code", "Code").err())
        .contains("the column \"Code\" is named twice (--code and --code)");
    assertThat(importing("doc,n,text,coder,code\nd,1,one,a,x\n", "--code", "code", "--flag", "code").err())
        .contains("is named twice (--code and --flag)");
    // a column that names the coders (or the documents, or holds the text) is no column of codes
    assertThat(importing("doc,n,text,coder,code\nd,1,one,a,x\n", "--code", "coder").err())
        .contains("the column \"coder\" is named twice (--coder and --code)");
    // a speaker or time code becomes part of the unit's line and stands in listings: one line, nothing that acts
    assertThat(importing("doc,n,text,coder,code,who\nd,1,one,a,x,\"the\nrapist\"\n", "--code", "code", "--speaker",
        "who").err()).contains("line 2: the speaker holds a line break");
    assertThat(importing("doc,n,text,coder,code,at\nd,1,one,a,x,\u202e00:01\n", "--code", "code", "--time", "at")
        .err()).contains("line 2: the time code holds a line break, tab, control character").doesNotContain("\u202e");
    assertThat(CliRun.ok("codebook", p).out() + CliRun.ok("stats", p).out()).isEqualTo(before);
  }

  @Test
  void ordersUnitsByTheirNumbersExactlyAndReadsOneUnitAlikeHoweverWritten() throws IOException {
    // doubles would tie these; "1" and "1.0" name one unit; NFC and NFD, and spaces around, are one text
    String nfd = "Gru\u0308\u00dfe";
    CliRun.ok("import-table", p, table("doc,n,text,coder,code\n"
        + "d,12345678901234567891,B,a,x\nd,12345678901234567890,A,a,x\nd,12345678901234567889,C,a,x\n"
        + "e,1,Gr\u00fc\u00dfe,a,x\ne,1.0, " + nfd + " ,b,x\n").toString(), "--doc", "doc", "--order", "n", "--text",
        "text", "--coder", "coder", "--code", "code");
    java.util.Map<String, Integer> starts = new java.util.HashMap<>();
    CliRun.ok("codings", "export", p).out().lines().skip(1).map(l -> l.split(","))
        .forEach(f -> starts.put(f[7], Integer.parseInt(f[5])));
    assertThat(starts.get("C")).isLessThan(starts.get("A"));
    assertThat(starts.get("A")).isLessThan(starts.get("B"));
    assertThat(CliRun.ok("stats", p).out()).contains("2 documents").contains(" 4 turns");
  }

  @Test
  void aColumnNamedLikeAGroupingNodeOfTheCodebookIsRefused() throws IOException {
    String seeded = dir.resolve("seeded.lacrima").toString();
    CliRun.ok("init", seeded);
    Path t = table("doc,n,text,coder,interventions\nd,1,Hi,a,x\n");
    assertThat(CliRun.of("import-table", seeded, t.toString(), "--doc", "doc", "--order", "n", "--text", "text",
        "--coder", "coder", "--code", "Interventions").err())
        .contains("\"Interventions\" exists but groups categories of the codebook");
  }

  @Test
  void anAgreedCodeNamesTheCodersWhoGaveItNotOneWhoLeftTheUnitOpen() throws IOException {
    CliRun.ok("import-table", p, table("""
        doc,n,text,coder,code
        d,1,u1,A,x
        d,1,u1,B,n/a
        d,1,u1,C,x
        d,2,u2,A,y
        d,2,u2,B,y
        d,2,u2,C,y
        """).toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", "code");
    CliRun.ok("consensus", p, "--coders", "A,B,C");
    String layer = CliRun.ok("codings", "export", p).out();
    assertThat(layer).contains("u1,\"agreed by A, C\"").contains("u2,\"agreed by A, B, C\"");
  }

  @Test
  void categoriesAreNamedAsTheHeaderSpellsTheColumn() throws IOException {
    CliRun.ok("import-table", p, table("""
        doc,n,text,coder,Main Code,Reflection
        d,1,u1,A,Open Question,yes
        """).toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", "main code",
        "--flag", "REFLECTION");
    assertThat(CliRun.ok("codebook", p).out()).contains("Main Code").contains("Open Question").contains("Reflection")
        .doesNotContain("main code");
  }

  @Test
  void aColumnACoderLeftOpenThroughoutIsMissingForItNotAbsent() throws Exception {
    // B judged the flag f but none of g: its g is missing, so no unit of g pairs, rather than B's "absent" x and y
    // disagreeing with A's codes
    CliRun.ok("import-table", p, table("""
        doc,n,text,coder,g,f
        d,1,u1,A,x,1
        d,1,u1,B,n/a,1
        d,2,u2,A,y,0
        d,2,u2,B,,0
        """).toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", "g",
        "--flag", "f");
    com.fasterxml.jackson.databind.JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0", "--format", "json").out());
    java.util.Map<String, Integer> pairable = new java.util.HashMap<>();
    r.get("categories").forEach(row -> pairable.put(row.get("label").asText(), row.get("units_pairable").asInt()));
    assertThat(pairable).containsEntry("x", 0).containsEntry("y", 0).containsEntry("f", 2);
    assertThat(r.get("disagreements_total").asInt()).isZero();
    // a coder added by a codings import, with no cells at all, is still judged by the documents it coded in
    Files.writeString(dir.resolve("c.csv"), "document,quote,category,coder\nd,u1,x,C\n", StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, dir.resolve("c.csv").toString());
    com.fasterxml.jackson.databind.JsonNode withC = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        CliRun.ok("agreement", p, "--coders", "A,C", "--bootstrap", "0", "--format", "json").out());
    withC.get("categories").forEach(row -> pairable.put(row.get("label").asText(), row.get("units_pairable").asInt()));
    assertThat(pairable).containsEntry("x", 2).containsEntry("y", 2);
  }

  @Test
  void aGroupIsComparedWholeOrNotAtAllAndReasonsNameTheCoders() throws Exception {
    // unit 3: A gave x, B gave z; comparing x and y alone would make z "missing" and the group agree perfectly
    CliRun.ok("import-table", p, table("""
        doc,n,text,coder,code,one,site
        d,1,u1,A,x,k,s
        d,1,u1,B,x,k,s
        d,2,u2,A,y,k,s
        d,2,u2,B,y,k,s
        d,3,u3,A,x,k,s
        d,3,u3,B,z,k,s
        d,1,u1,C,x,k,s
        e,1,v1,A,x,k,t
        e,1,v1,B,y,k,t
        e,2,v2,A,y,k,t
        e,2,v2,B,y,k,t
        """).toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", "code",
        "--code", "one", "--doc-var", "site");
    String whole = CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0").out();
    assertThat(whole).contains("the group \"one\" has no figure of its own: it holds one category only (k)")
        .containsPattern("(?m)^code +5 +0\\.600");
    String part = CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0", "--categories", "x,y").out();
    assertThat(part).contains("the group \"code\" has no figure of its own: --categories takes 2 of its 3 categories")
        .doesNotContainPattern("(?m)^code  ");
    // C coded only in document d: in e, Conger's kappa has no marginals for C, and says so by name
    String reason = CliRun.ok("agreement", p, "--coders", "C,A,B", "--bootstrap", "0", "--where", "site=t").out();
    assertThat(reason).contains("coder C coded no unit").doesNotContain("coder 1");
    // Light's kappa, the mean over pairs, names the pair whose Cohen's kappa is undefined
    String json = CliRun.ok("agreement", p, "--coders", "C,A,B", "--bootstrap", "0", "--where", "site=t", "--format",
        "json").out();
    assertThat(json).contains("Cohen's kappa of coders C and A").doesNotContain("coders 1");
  }

  /** Coders A and B's values of one --code column, unit by unit, imported; the group's row of their agreement. */
  private com.fasterxml.jackson.databind.JsonNode twoCodersGroup(String column, String valuesOfA, String valuesOfB,
      String... options) throws Exception {
    String[] a = valuesOfA.split(" ");
    String[] b = valuesOfB.split(" ");
    StringBuilder csv = new StringBuilder("doc,n,text,coder," + column + "\n");
    for (int i = 0; i < a.length; i++) {
      csv.append("d,").append(i + 1).append(",unit ").append(i + 1).append(",A,").append(a[i]).append('\n');
      csv.append("d,").append(i + 1).append(",unit ").append(i + 1).append(",B,").append(b[i]).append('\n');
    }
    List<String> args = new java.util.ArrayList<>(List.of("import-table", p, table(csv.toString()).toString(), "--doc",
        "doc", "--order", "n", "--text", "text", "--coder", "coder", "--code", column));
    args.addAll(List.of(options));
    CliRun.ok(args.toArray(String[]::new));
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0", "--format", "json").out())
        .get("groups").get(0);
  }

  @Test
  void aGroupOfTwoCodersHasTheLargestKappaItsMarginalsAllow() throws Exception {
    // worked by hand (Cohen 1960): A gives a,a,b,c,c,a and B a,b,b,b,c,c, so Ao = 3/6 and Ae = (3·1 + 1·3 + 2·2)/36;
    // Ao_max = min(3,1) + min(1,3) + min(2,2) = 4 of 6; kappa_max = (24/36 − 10/36)/(26/36) = 7/13, kappa = 4/13
    com.fasterxml.jackson.databind.JsonNode group = twoCodersGroup("mood", "a a b c c a", "a b b b c c");
    assertThat(group.get("cohen_kappa").get("value").asDouble()).isCloseTo(4.0 / 13, within(1e-12));
    assertThat(group.get("cohen_kappa_max").get("value").asDouble()).isCloseTo(7.0 / 13, within(1e-12));
    assertThat(group.get("cohen_kappa_max").get("parts").get("Ao_max").asDouble()).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void theNoteOnASingleValueSpeaksOfTheUnitsCompared() throws Exception {
    // the unit both coded is "x"; the one B alone coded holds "y": chance is total where there are pairs
    Path only = table("doc,n,text,coder,tone\ne,1,u1,A,x\ne,1,u1,B,x\ne,2,u2,A,n/a\ne,2,u2,B,y\n");
    CliRun.ok("import-table", p, only.toString(), "--doc", "doc", "--order", "n", "--text", "text", "--coder", "coder",
        "--code", "tone");
    String json = CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0", "--format", "json").out();
    assertThat(json).contains("every coder gave every unit two or more coders rated the same value (x; units one coder "
        + "alone rated hold others)").doesNotContain("every coder gave every unit the same value");
  }

  @Test
  void anOrdinalScaleKeepsTheLevelsNobodyUsed() throws Exception {
    // level c of a..e is never used; the scale's distances and its number of categories still count it
    String[] a = "e a b d e a b d b e".split(" ");
    String[] b = "d a a d e b b e b d".split(" ");
    com.fasterxml.jackson.databind.JsonNode group = twoCodersGroup("sev", String.join(" ", a), String.join(" ", b),
        "--scale", "sev=ordinal:a,b,c,d,e");

    // worked here from the definitions on ranks 0..4: linear weights 1 − |i − j|/4 (Cohen 1968), and
    // Brennan–Prediger's chance agreement 1/q with q = 5
    String levels = "abcde";
    double observed = 0;
    double exact = 0;
    double[] pa = new double[5];
    double[] pb = new double[5];
    for (int i = 0; i < a.length; i++) {
      int x = levels.indexOf(a[i]);
      int y = levels.indexOf(b[i]);
      observed += 1 - Math.abs(x - y) / 4.0;
      exact += x == y ? 1 : 0;
      pa[x]++;
      pb[y]++;
    }
    observed /= a.length;
    exact /= a.length;
    double chance = 0;
    for (int x = 0; x < 5; x++) {
      for (int y = 0; y < 5; y++) {
        chance += pa[x] / a.length * pb[y] / a.length * (1 - Math.abs(x - y) / 4.0);
      }
    }
    assertThat(group.get("weighted_kappa_linear").get("value").asDouble())
        .isCloseTo((observed - chance) / (1 - chance), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(group.get("brennan_prediger_kappa").get("value").asDouble())
        .isCloseTo((exact - 0.2) / 0.8, org.assertj.core.api.Assertions.within(1e-12));
    // the text report names the scale and shows the weighted figures too
    String text = CliRun.ok("agreement", p, "--coders", "A,B", "--bootstrap", "0").out();
    assertThat(text).contains("sev, ordinal scale: α ordinal " + String.format(java.util.Locale.ROOT, "%.3f",
        group.get("krippendorff_alpha_ordinal").get("value").asDouble())).contains("weighted κ linear "
        + String.format(java.util.Locale.ROOT, "%.3f", (observed - chance) / (1 - chance))).contains("AC2 linear");
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
