package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.junit.jupiter.api.io.TempDir;

/**
 * `lacrima agreement` on a study small enough to work out by hand: two coders, three interviews of
 * alternating turns, codings of "Pause" and "Letting narrate" (siblings under "Giving space", marked
 * mutually exclusive). Coder y coded nothing in interview c, so c's units are missing for y, not absent.
 *
 * <pre>
 *            a1  a2  a3  a4  b1  b2  b3  b4 | c1       c2
 * x Pause    ●   ◦   .   .   ●   .   .   .  | ●        .      ◦ = a short quote (a few characters of a2)
 * y Pause    ●   .   .   .   ●   ●   .   .  | missing  missing
 * x Letting  .   .   .   .   .   .   .   .  | ●        .      (c1: x gave both exclusive categories)
 * y Letting  .   ●   .   .   .   .   .   .  | missing  missing
 * </pre>
 */
class AgreementCommandTest {

  @TempDir
  Path dir;

  private String p;

  @BeforeEach
  void study() throws Exception {
    p = dir.resolve("s.lacrima").toString();
    CliRun.ok("init", p);
    List<String> files = new ArrayList<>();
    for (String doc : List.of("a", "b", "c")) {
      StringBuilder text = new StringBuilder();
      int turns = doc.equals("c") ? 2 : 4;
      for (int t = 1; t <= turns; t++) {
        text.append(t % 2 == 1 ? "I: " : "B: ").append("Turn ").append(doc).append(t)
            .append(" of the interview, with words enough to be a turn.\n");
      }
      Path f = dir.resolve(doc + ".txt");
      Files.writeString(f, text, StandardCharsets.UTF_8);
      files.add(f.toString());
    }
    List<String> args = new ArrayList<>(List.of("import", p));
    args.addAll(files);
    CliRun.ok(args.toArray(String[]::new));
    String csv = """
        document,quote,category,coder
        a,Turn a1 of the interview,Pause,x
        a,a2 of,Pause,x
        b,Turn b1 of the interview,Pause,x
        c,Turn c1 of the interview,Pause,x
        c,Turn c1 of the interview,Letting narrate,x
        a,Turn a1 of the interview,Pause,y
        b,Turn b1 of the interview,Pause,y
        b,Turn b2 of the interview,Pause,y
        a,Turn a2 of the interview,Letting narrate,y
        """;
    Path codings = dir.resolve("codings.csv");
    Files.writeString(codings, csv, StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, codings.toString());
    CliRun.ok("category", "exclusive", p, "Giving space", "on", "--why", "one form of giving space per turn");
  }

  @Test
  void givesNoIntervalsItCannotDrawAndRefusesAScopeOfNothing() throws Exception {
    // one document drawn again and again: an interval of no width would read as certainty
    JsonNode one = json("--documents", "a", "--resample", "document", "--bootstrap", "200");
    assertThat(one.get("provenance").get("notes").toString()).contains("no confidence intervals: the bootstrap "
        + "resamples documents, and the study's units lie in one document");
    assertThat(one.toString()).doesNotContain("ci_95");
    assertThat(json("--resample", "document", "--bootstrap", "200").toString()).contains("ci_95");
    // the CSV says from how many replicates each interval was drawn
    String csv = CliRun.ok("agreement", p, "--coders", "x,y", "--bootstrap", "200", "--format", "csv").out();
    List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).build().parse(new java.io.StringReader(csv)).getRecords();
    assertThat(records).filteredOn(l -> !l.get("ci_lower").isEmpty()).isNotEmpty()
        .allSatisfy(l -> assertThat(Integer.parseInt(l.get("replicates_defined"))).isBetween(1, 200));
    // coders apart by "; ", as a name may hold a comma
    assertThat(records).allSatisfy(l -> assertThat(l.get("coders")).isEqualTo("x; y"));
    // the 2.5th and 97.5th percentiles of a few replicates are not an interval
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--bootstrap", "1").err())
        .contains("--bootstrap 1: a 95 % interval needs at least 100 replicates");
    // filters that together match no document
    Files.writeString(dir.resolve("vars.csv"), "document,orientation\na,PDT\nb,CBT\nc,CBT\n");
    CliRun.ok("import", p, "--vars", dir.resolve("vars.csv").toString());
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--documents", "a", "--where", "orientation=CBT").err())
        .contains("no document among --documents matches every --where given (orientation=CBT)");
    // options that would change nothing here
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--overlap", "50").err())
        .contains("--overlap applies to --unit maxqda only");
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--unit", "character", "--min-cover", "50").err())
        .contains("--min-cover applies to units");
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--format", "csv", "--disagreements", "5").err())
        .contains("--disagreements applies to the text and JSON formats");
    // meaning units asked for where none were made
    assertThat(json("--unit", "meaning-unit", "--bootstrap", "0").get("provenance").get("notes").toString())
        .contains("no units in scope: these documents have no meaning units yet (lacrima segment)");
    // once segmented, the report says how its units came about
    CliRun.ok("segment", p, "--by", "turn");
    assertThat(json("--unit", "meaning-unit", "--bootstrap", "0").get("provenance").get("notes").toString())
        .contains("meaning units of the documents compared: 10 from turns");
  }

  private JsonNode json(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("agreement", p, "--coders", "x,y", "--format", "json",
        "--categories", "Giving space"));
    args.addAll(List.of(extra));
    return new ObjectMapper().readTree(CliRun.ok(args.toArray(String[]::new)).out());
  }

  private static JsonNode row(JsonNode table, String label) {
    for (JsonNode r : table) {
      if (r.get("label").asText().equals(label)) {
        return r;
      }
    }
    throw new AssertionError("no row " + label + " in " + table);
  }

  private static double value(JsonNode row, String coefficient) {
    JsonNode c = row.get(coefficient);
    assertThat(c).as(coefficient + " in " + row).isNotNull();
    assertThat(c.get("value").isNumber()).as(coefficient + ": " + c).isTrue();
    return c.get("value").asDouble();
  }

  @Test
  void perCategoryFiguresAreTheHandWorkedOnes() throws Exception {
    JsonNode r = json("--bootstrap", "500");
    JsonNode pause = row(r.get("categories"), "Pause");
    // turns of a and b: both 2 (a1, b1), x only 1 (a2), y only 1 (b2), neither 4; c is missing for y
    assertThat(pause.get("units").asInt()).isEqualTo(10);
    assertThat(pause.get("units_pairable").asInt()).isEqualTo(8);
    // counts are whole numbers in the JSON, not 8.0
    assertThat(pause.get("units_pairable").isIntegralNumber()).isTrue();
    assertThat(pause.get("coded_by").get("x").isIntegralNumber()).isTrue();
    assertThat(pause.get("cohen_kappa").get("parts").get("units_used").isIntegralNumber()).isTrue();
    assertThat(pause.get("coded_by").get("x").asInt()).isEqualTo(4);
    assertThat(pause.get("coded_by").get("y").asInt()).isEqualTo(3);
    // po = 6/8, pe = (3/8)(3/8) + (5/8)(5/8) = 34/64, kappa = (48/64 - 34/64) / (30/64) = 7/15
    assertThat(value(pause, "percentage_agreement")).isCloseTo(0.75, within(1e-12));
    assertThat(value(pause, "cohen_kappa")).isCloseTo(7.0 / 15, within(1e-12));
    // 16 pairable values, 6 present and 10 absent; 4 disagreeing ordered pairs: 1 - 15 * 4 / (2 * 6 * 10)
    assertThat(value(pause, "krippendorff_alpha_nominal")).isCloseTo(0.5, within(1e-12));
    // Scott's pi on the pairable units: equal marginals, so equal to Cohen's kappa
    assertThat(value(pause, "scott_pi")).isCloseTo(7.0 / 15, within(1e-12));
    // Fleiss' kappa with missing values as in Gwet (2014) and irrCAC: chance from every unit with a value,
    // each unit's share present (a1 1, a2 1/2, b1 1, b2 1/2, c1 1, the other five 0) averaged: 4/10;
    // pe = .4^2 + .6^2 = .52, po = .75 over the pairable units: (.75 - .52) / .48 = 23/48
    assertThat(value(pause, "fleiss_category_kappa")).isCloseTo(23.0 / 48, within(1e-12));
    // prevalence over all judgements, c1/c2 of x included: x 4 of 10, y 3 of 8
    assertThat(pause.get("prevalence").asDouble()).isCloseTo(7.0 / 18, within(1e-12));
    JsonNode alpha = pause.get("krippendorff_alpha_nominal");
    assertThat(alpha.get("ci_95").get(0).asDouble()).isLessThanOrEqualTo(0.5);
    assertThat(alpha.get("ci_95").get(1).asDouble()).isGreaterThanOrEqualTo(0.5);
    assertThat(alpha.get("replicates").asInt()).isEqualTo(500);
    assertThat(alpha.has("p_below_667")).isTrue();
    // percent agreement gets no interval; the kappas, alpha and AC1 do
    assertThat(pause.get("percentage_agreement").has("ci_95")).isFalse();
    assertThat(pause.get("gwet_ac1").has("ci_95")).isTrue();
    assertThat(pause.get("gwet_ac1").has("p_below_667")).isFalse();

    JsonNode letting = row(r.get("categories"), "Letting narrate");
    // x never, y once (a2) among the 8 pairable units: po = pe = 7/8, kappa 0
    assertThat(value(letting, "cohen_kappa")).isCloseTo(0.0, within(1e-12));

    JsonNode group = row(r.get("groups"), "Giving space");
    // pairable: a1 (P,P), a2 (P,L), b1 (P,P); b2 has no value of x; c1 is x's conflict
    assertThat(group.get("units_pairable").asInt()).isEqualTo(3);
    assertThat(value(group, "percentage_agreement")).isCloseTo(2.0 / 3, within(1e-12));
    // 6 values, 5 P and 1 L, 2 disagreeing ordered pairs: 1 - 5 * 2 / (2 * 5 * 1) = 0
    assertThat(value(group, "krippendorff_alpha_nominal")).isCloseTo(0.0, within(1e-12));
    assertThat(r.get("provenance").get("notes").toString()).contains("1 judgement of the group \\\"Giving space\\\" is missing");

    assertThat(r.get("disagreements")).hasSize(3); // Pause a2 and b2, Letting narrate a2
    JsonNode provenance = r.get("provenance");
    assertThat(provenance.get("unit").asText()).isEqualTo("turn");
    assertThat(provenance.get("unit_asked").asText()).isEqualTo("auto");
    assertThat(provenance.get("bootstrap").get("seed").asLong()).isEqualTo(20260101L);
    assertThat(provenance.get("codebook_change").asInt()).isGreaterThan(1);
  }

  /**
   * An exclusive group whose children have subcategories: a subcategory answers the group's question with the child
   * above it. "The therapeutic process": a1 x Emotional access, y Crying promotes the process (both: promotes); a3 x
   * Crying as resistance (impedes), y Crying as incidental; b1 x Relief/Catharsis and Emotional access (one child,
   * no conflict), y Diagnostic access (promotes); b3 x Crying as manipulation, y Crying impedes the process. Values
   * P P / Im In / P P / Im Im: 8 values, 4 P, 3 Im, 1 In; one disagreeing unit gives 2 ordered pairs, so
   * Do = 2/8, De = (64 − 16 − 9 − 1)/(8·7) = 38/56 and alpha = 1 − (2/8)/(38/56) = 12/19.
   */
  @Test
  void aSubcategoryCountsForItsChildInAnExclusiveGroup() throws Exception {
    String csv = """
        document,quote,category,coder
        a,Turn a1 of the interview,Emotional access,x
        a,Turn a1 of the interview,Crying promotes the process (potential for change),y
        a,Turn a3 of the interview,Crying as resistance,x
        a,Turn a3 of the interview,Crying as incidental to the process,y
        b,Turn b1 of the interview,Relief/Catharsis,x
        b,Turn b1 of the interview,Emotional access,x
        b,Turn b1 of the interview,Diagnostic access,y
        b,Turn b3 of the interview,Crying as manipulation,x
        b,Turn b3 of the interview,Crying impedes the process (resistance to change),y
        """;
    Path codings = dir.resolve("process.csv");
    Files.writeString(codings, csv, StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, codings.toString());
    CliRun.ok("category", "exclusive", p, "The therapeutic process", "on", "--why", "one reading of the process");
    JsonNode r = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "x,y", "--format", "json",
        "--categories", "The therapeutic process", "--bootstrap", "0").out());
    JsonNode group = row(r.get("groups"), "The therapeutic process");
    assertThat(group.get("units_pairable").asInt()).isEqualTo(4);
    assertThat(value(group, "percentage_agreement")).isCloseTo(0.75, within(1e-12));
    assertThat(value(group, "krippendorff_alpha_nominal")).isCloseTo(12.0 / 19, within(1e-12));
    assertThat(r.get("provenance").get("notes").toString()).doesNotContain("judgements of the group");

    // a subcategory named alone gives the group no figure, and says so rather than leaving the group out unsaid
    JsonNode below = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "x,y", "--format", "json",
        "--categories", "Relief/Catharsis,Emotional access", "--bootstrap", "0").out());
    assertThat(below.get("groups").findValuesAsText("label")).doesNotContain("The therapeutic process");
    assertThat(below.get("provenance").get("notes").toString()).contains("the group \\\"The therapeutic process\\\" "
        + "has no figure of its own: --categories takes subcategories below 1 of its 3 categories");
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() throws Exception {
    JsonNode first = row(json("--bootstrap", "300", "--seed", "7").get("categories"), "Pause");
    JsonNode again = row(json("--bootstrap", "300", "--seed", "7").get("categories"), "Pause");
    JsonNode other = row(json("--bootstrap", "300", "--seed", "8").get("categories"), "Pause");
    assertThat(again.get("krippendorff_alpha_nominal")).isEqualTo(first.get("krippendorff_alpha_nominal"));
    assertThat(other.get("krippendorff_alpha_nominal").get("p_below_667"))
        .isNotEqualTo(first.get("krippendorff_alpha_nominal").get("p_below_667"));
  }

  @Test
  void filtersAndThresholdsChangeTheUnits() throws Exception {
    // only the B turns: a2, a4, b2, b4 pairable; x has a2, y has b2: po 1/2, pe 10/16, kappa -1/3
    JsonNode b = row(json("--bootstrap", "0", "--speaker", "B").get("categories"), "Pause");
    assertThat(b.get("units_pairable").asInt()).isEqualTo(4);
    assertThat(value(b, "cohen_kappa")).isCloseTo(-1.0 / 3, within(1e-12));
    // a code must cover 30 % of the turn (the quotes cover about 40 %): x's short quote in a2 no longer counts; po 7/8, pe 36/64, kappa 5/7
    JsonNode half = row(json("--bootstrap", "0", "--min-cover", "30").get("categories"), "Pause");
    assertThat(value(half, "cohen_kappa")).isCloseTo(5.0 / 7, within(1e-12));
    assertThat(json("--bootstrap", "0", "--min-cover", "30").get("provenance").get("min_cover_percent").asInt())
        .isEqualTo(30);
    // documents filter: only b
    JsonNode onlyB = row(json("--bootstrap", "0", "--documents", "b").get("categories"), "Pause");
    assertThat(onlyB.get("units").asInt()).isEqualTo(4);
    // several speakers, as a comma list or repeated: both speakers are every turn, as without the filter
    JsonNode all = row(json("--bootstrap", "0").get("categories"), "Pause");
    for (JsonNode both : List.of(json("--bootstrap", "0", "--speaker", "B,i"),
        json("--bootstrap", "0", "--speaker", "B", "--speaker", "I"))) {
      assertThat(row(both.get("categories"), "Pause").get("units_pairable")).isEqualTo(all.get("units_pairable"));
      assertThat(value(row(both.get("categories"), "Pause"), "cohen_kappa")).isEqualTo(value(all, "cohen_kappa"));
      assertThat(both.get("provenance").get("filters").get("speaker").asText()).isIn("B,i", "B,I");
    }
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--speaker", "B,Therapist").err())
        .contains("--speaker Therapist: no turn of the documents in scope has that speaker");
  }

  /** Spans merged in a document without units of the kind compared change no figure, and are not counted. */
  @Test
  void theMergedSpansNoteCountsOnlyDocumentsCompared() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "No speaker labels here, just a text to code.\n");
    CliRun.ok("import", p, plain.toString());
    Path codings = Files.writeString(dir.resolve("more.csv"), "document,start,end,category,coder\n"
        + "plain,0,10,Pause,x\nplain,5,20,Pause,x\nplain,0,10,Pause,y\n");
    CliRun.ok("codings", "import", p, codings.toString());
    // x's two spans in a1 ("Turn a1 of the interview" and "a2 of") lie apart: no merge where turns are compared
    assertThat(json("--bootstrap", "0", "--unit", "turn").get("provenance").get("notes").toString())
        .doesNotContain("merged into");
    assertThat(json("--bootstrap", "0", "--unit", "sentence").get("provenance").get("notes").toString())
        .contains("1 span was merged into");
  }

  /** The note on where the meaning units came from counts the units compared, also under --speaker. */
  @Test
  void theMeaningUnitNoteCountsTheUnitsCompared() throws Exception {
    CliRun.ok("segment", p, "--by", "turn");
    assertThat(json("--bootstrap", "0", "--unit", "meaning-unit").get("provenance").get("notes").toString())
        .contains("meaning units of the documents compared: 10 from turns");
    // B speaks in a2, a4, b2, b4 and c2
    assertThat(json("--bootstrap", "0", "--unit", "meaning-unit", "--speaker", "B").get("provenance").get("notes")
        .toString()).contains("meaning units of the documents compared: 5 from turns");
  }

  /** --where compares a value as the import stored it: years with a decimal comma, as German tables write them. */
  @Test
  void aWhereValueWithADecimalCommaFindsTheYearsImportedWithOne() throws Exception {
    Path vars = Files.writeString(dir.resolve("vars.csv"), "document,experience_years\na,\"2,5\"\nb,4\nc,4\n");
    CliRun.ok("import", p, "--vars", vars.toString());
    JsonNode r = json("--bootstrap", "0", "--where", "experience_years=2,5");
    assertThat(r.get("provenance").get("documents").toString()).contains("\"a\"").doesNotContain("\"b\"");
  }

  @Test
  void documentsAsUnitsGivePresenceAndFrequency() throws Exception {
    JsonNode r = json("--bootstrap", "0", "--unit", "document");
    JsonNode pause = row(r.get("categories"), "Pause");
    // present in a and b for both coders; c missing for y: one value only, so undefined, with the reason
    assertThat(pause.get("krippendorff_alpha_nominal").get("value").isNull()).isTrue();
    assertThat(pause.get("krippendorff_alpha_nominal").get("undefined").asText()).isNotBlank();
    // how often: a (x 2, y 1), b (x 1, y 2): interval alpha 1 - 3 * 4 / 8 = -0.5
    JsonNode frequency = row(r.get("frequencies"), "Pause");
    assertThat(value(frequency, "krippendorff_alpha_interval")).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void maxqdaModeMatchesSegmentsByOverlap() throws Exception {
    JsonNode s = json("--unit", "maxqda").get("segments");
    assertThat(s.get("mode").asText()).isEqualTo("maxqda_compatible");
    // c is left out (y coded nothing there). Pause: a1 and b1 match from both sides (4), x's a2 quote and
    // y's b2 do not; Letting narrate: y's a2 has no match. 4 of 7; Brennan-Prediger with q = 2, the codes the
    // two coders used (Pause, Letting narrate; not Giving space, which nobody coded), as MAXQDA's manual sets
    // chance: (4/7 - 1/2) / (1/2)
    assertThat(s.get("agreements").asInt()).isEqualTo(4);
    assertThat(s.get("non_matches").asInt()).isEqualTo(3);
    assertThat(value(s, "percentage_agreement")).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(value(s, "brennan_prediger_kappa")).isCloseTo((4.0 / 7 - 1.0 / 2) / (1.0 / 2), within(1e-12));
    assertThat(s.get("codes")).hasSize(2);
    assertThat(s.get("unmatched")).hasSize(3);
    // counts are whole numbers wherever they stand
    assertThat(s.get("percentage_agreement").get("parts").get("agreements").isIntegralNumber()).isTrue();
    assertThat(s.get("percentage_agreement").get("parts").get("non_matches").isIntegralNumber()).isTrue();
    // the CSV carries the same counts, and the note that c was left out on every line
    String csv = CliRun.ok("agreement", p, "--coders", "x,y", "--unit", "maxqda", "--format", "csv").out();
    List<org.apache.commons.csv.CSVRecord> lines = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).build().parse(new java.io.StringReader(csv)).getRecords();
    assertThat(lines).filteredOn(l -> l.get("label").equals("all codes")).isNotEmpty()
        .allSatisfy(l -> assertThat(l.get("notes")).isEqualTo("4 segments agree, 3 without a match"));
    String note = json("--unit", "maxqda").get("provenance").get("notes").get(0).asText();
    assertThat(lines).allSatisfy(l -> assertThat(l.get("study_notes")).contains(note));

    // only c, where y coded nothing: no segment is compared, and the reason is not "neither coder coded a segment"
    JsonNode onlyC = json("--unit", "maxqda", "--documents", "c");
    assertThat(onlyC.get("segments").get("percentage_agreement").get("undefined").asText())
        .startsWith("no document of the study has codings of every coder compared");
    // the span figures likewise, each with its reason rather than an empty table
    JsonNode spans = json("--unit", "character", "--documents", "c").get("spans");
    assertThat(spans).isNotEmpty().allSatisfy(r -> assertThat((r.has("unitizing_alpha") ? r.get("unitizing_alpha")
        : r.get("unitizing_alpha_category")).get("undefined").asText())
        .startsWith("no document of the study has codings of every coder compared"));
  }

  @Test
  void charactersGiveUnitizingAlphaAndCharacterKappa() throws Exception {
    JsonNode r = json("--unit", "character");
    assertThat(r.get("provenance").get("notes").toString()).contains("left out").contains("c");
    JsonNode pause = row(r.get("spans"), "Pause");
    assertThat(pause.get("unitizing_alpha_category").get("value").isNumber()).isTrue();
    JsonNode kappa = pause.get("character_kappa").get(0);
    assertThat(kappa.get("coders").toString()).isEqualTo("[\"x\",\"y\"]");
    // a and b: 4 turns of 56 or 57 characters each; characters both coded: a1 and b1 quotes (24 each);
    // x only: "a2 of" (5); y only: b2's quote (24)
    String a = Files.readString(dir.resolve("a.txt"), StandardCharsets.UTF_8);
    String b = Files.readString(dir.resolve("b.txt"), StandardCharsets.UTF_8);
    long total = a.codePointCount(0, a.length()) + b.codePointCount(0, b.length());
    double both = 48;
    double xOnly = 5;
    double yOnly = 24;
    double neither = total - both - xOnly - yOnly;
    double po = (both + neither) / total;
    double px = (both + xOnly) / total;
    double py = (both + yOnly) / total;
    double pe = px * py + (1 - px) * (1 - py);
    assertThat(kappa.get("characters").asLong()).isEqualTo(total);
    assertThat(value(kappa, "character_kappa")).isCloseTo((po - pe) / (1 - pe), within(1e-12));
    // one study whatever order --documents names its documents in: the continuum and the provenance follow the project
    JsonNode ab = json("--unit", "character", "--documents", "a,b");
    JsonNode ba = json("--unit", "character", "--documents", "b,a");
    assertThat(ba.get("spans")).isEqualTo(ab.get("spans"));
    assertThat(ba.get("provenance").get("documents").toString()).isEqualTo("[\"a\",\"b\"]");
    // in the CSV, the pooled unitizing alpha is the pooled row, not one more category
    String csv = CliRun.ok("agreement", p, "--coders", "x,y", "--unit", "character", "--format", "csv").out();
    List<org.apache.commons.csv.CSVRecord> lines = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).build().parse(new java.io.StringReader(csv)).getRecords();
    assertThat(lines).filteredOn(l -> l.get("coefficient").equals("unitizing_alpha")).singleElement()
        .satisfies(l -> assertThat(l.get("kind")).isEqualTo("pooled"));
    // the character kappa per document, as the JSON gives it
    JsonNode byDocument = kappa.get("by_document");
    assertThat(byDocument.size()).isGreaterThanOrEqualTo(2);
    List<org.apache.commons.csv.CSVRecord> perDocument = lines.stream().filter(l -> l.get("kind").equals("document")
        && l.get("label").equals("Pause (x vs y)")).toList();
    assertThat(perDocument).extracting(l -> l.get("document")).containsExactlyElementsOf(() -> byDocument.fieldNames());
    for (org.apache.commons.csv.CSVRecord l : perDocument) {
      JsonNode figure = byDocument.get(l.get("document")).get("character_kappa");
      if (figure.get("value").isNumber()) {
        assertThat(Double.parseDouble(l.get("value"))).isCloseTo(figure.get("value").asDouble(), within(1e-15));
      } else {
        assertThat(l.get("undefined_because")).isNotEmpty();
      }
    }
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.get("unit")).isEqualTo("character");
      assertThat(l.get("unit_asked")).isEqualTo("character");
      assertThat(l.get("project")).isNotEmpty();
      assertThat(java.time.Instant.parse(l.get("computed_at"))).isBeforeOrEqualTo(java.time.Instant.now());
    });
  }

  @Test
  void spansMergedInADocumentLeftOutAreNotSaidToBeMerged() throws Exception {
    // x's second Pause span in c overlaps the first and merges with it; c's turns are compared (y's values there
    // are missing), but with characters as units c is left out, and nothing compared was merged
    Path more = dir.resolve("more.csv");
    Files.writeString(more, "document,quote,category,coder\nc,c1 of the interview,Pause,x\n", StandardCharsets.UTF_8);
    CliRun.ok("codings", "import", p, more.toString());
    String merged = "1 span was merged into an overlapping or adjacent span of the same coder and category before "
        + "comparing";
    assertThat(json("--unit", "turn").get("provenance").get("notes").toString()).contains(merged);
    JsonNode characters = json("--unit", "character").get("provenance").get("notes");
    assertThat(characters.toString()).contains("left out").doesNotContain("merged before");
    assertThat(json("--unit", "maxqda").get("provenance").get("notes").toString()).doesNotContain("merged before");
  }

  @Test
  void listsAsManyDisagreementsAsAskedAndCountsThemAll() throws Exception {
    JsonNode one = json("--bootstrap", "0", "--disagreements", "1");
    assertThat(one.get("disagreements")).hasSize(1);
    assertThat(one.get("disagreements_total").asInt()).isEqualTo(3);
    assertThat(json("--bootstrap", "0").get("disagreements")).hasSize(3);
    String text = CliRun.ok("agreement", p, "--coders", "x,y", "--categories", "Giving space", "--bootstrap", "0",
        "--disagreements", "0").out();
    assertThat(text).contains("Disagreements: 3 (list them with --disagreements N or all)").doesNotContain("not coded")
        .containsPattern("codebook: based on " + BuiltInCategorySystem.get().info().versionLabel()
            + ", as after change #\\d+ of its log");
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--disagreements", "some").err())
        .contains("--disagreements some");
  }

  @Test
  void refusesWhatItCannotCompute() {
    assertThat(CliRun.of("agreement", p, "--coders", "x").err()).contains("at least two coders");
    assertThat(CliRun.of("agreement", p, "--coders", "x,z").err()).contains("no coder named \"z\"");
    // two coders whose names differ only in case: the name typed in a third case fits both, and says so
    Path twins = dir.resolve("twins.csv");
    try {
      Files.writeString(twins, "document,quote,category,coder\na,Turn a1 of the interview,Pause,Zoe\n"
          + "a,Turn a1 of the interview,Pause,ZOE\n", StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    CliRun.ok("codings", "import", p, twins.toString());
    assertThat(CliRun.of("agreement", p, "--coders", "zoe,y").err())
        .contains("--coders: \"zoe\" fits ZOE and Zoe, whose names differ only in case");
    CliRun.ok("agreement", p, "--coders", "Zoe,y", "--bootstrap", "0");
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--format", "xml").err()).contains("--format xml");
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--unit", "words").err()).contains("--unit words");
    CliRun overCover = CliRun.of("agreement", p, "--coders", "x,y", "--min-cover", "150");
    assertThat(overCover.err()).contains("--min-cover is a percentage").doesNotContain("internal error");
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--documents", "a,a").err()).contains("\"a\" twice");
    assertThat(CliRun.of("agreement", p, "--coders", "x,y", "--unit", "document", "--speaker", "B").err())
        .contains("--speaker works with");
  }

  /** --where as import stores variables: names without case, orientation by any spelling; typos refused. */
  @Test
  void filtersReadVariablesAsImportWroteThemAndRefuseWhatNoDocumentHas() throws Exception {
    String demo = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", demo);
    JsonNode cbt = new ObjectMapper().readTree(CliRun.ok("agreement", demo, "--coders", "jonas,mira", "--where",
        "Orientation=KVT", "--bootstrap", "0", "--format", "json").out());
    assertThat(cbt.get("provenance").get("documents").toString()).contains("cbt-01").contains("cbt-02")
        .doesNotContain("pdt-01");
    assertThat(cbt.get("provenance").get("filters").get("where_Orientation").asText()).isEqualTo("KVT");
    assertThat(CliRun.ok("agreement", demo, "--coders", "jonas,mira", "--where", "orientation=CBT", "--speaker", "T",
        "--bootstrap", "0").out()).contains("  filters: where orientation=CBT; speaker=T\n");
    assertThat(CliRun.of("agreement", demo, "--coders", "jonas,mira", "--where", "orientation=CTB").err())
        .contains("--where orientation=CTB: say PDT, CBT, ST or other");
    assertThat(CliRun.of("agreement", demo, "--coders", "jonas,mira", "--where", "colour=red").err())
        .contains("--where colour: no document has that variable").contains("orientation");
    assertThat(CliRun.of("agreement", demo, "--coders", "jonas,mira", "--where", "interviewer=nobody").err())
        .contains("no document has that value");
    assertThat(CliRun.of("agreement", demo, "--coders", "jonas,mira", "--where", "orientation=PDT", "--where",
        "Orientation=CBT").err()).contains("--where names orientation twice");
    // spelt alike, the second value had replaced the first unsaid
    assertThat(CliRun.of("agreement", demo, "--coders", "jonas,mira", "--where", "orientation=PDT", "--where",
        "orientation=CBT").err()).contains("--where names orientation twice (PDT and CBT)");
    assertThat(CliRun.of("agreement", demo, "--coders", "jonas,mira", "--speaker", "Nobody").err())
        .contains("--speaker Nobody: no turn of the documents in scope has that speaker");
  }

  /** An interval that rests on fewer replicates than were drawn is marked, and the text says on how many. */
  @Test
  void theTextMarksIntervalsFromFewerReplicatesAndExplainsItsColumns() throws Exception {
    JsonNode r = json("--bootstrap", "200", "--unit", "document");
    int fewest = Integer.MAX_VALUE;
    for (JsonNode row : r.get("categories")) {
      JsonNode alpha = row.get("krippendorff_alpha_nominal");
      if (alpha.has("replicates_defined") && alpha.get("value").isNumber()) {
        fewest = Math.min(fewest, alpha.get("replicates_defined").asInt());
      }
    }
    assertThat(fewest).isLessThan(200); // three documents: many replicates draw one value only
    String text = CliRun.ok("agreement", p, "--coders", "x,y", "--bootstrap", "200", "--unit", "document").out();
    assertThat(text).containsPattern("\\]\\*").contains("*: interval from " + fewest + " ")
        .contains("of the 200 replicates").contains("Key").contains("P(α<.667)      share of replicates");
  }

  @Test
  void aCategoryWithOneValueSaysWhyAc1IsOne() throws Exception {
    // nobody coded Letting narrate in a or b: every unit there is absent for both coders
    JsonNode r = json("--bootstrap", "0", "--documents", "b");
    JsonNode letting = row(r.get("categories"), "Letting narrate");
    assertThat(letting.get("cohen_kappa").get("value").isNull()).isTrue();
    assertThat(value(letting, "gwet_ac1")).isEqualTo(1.0);
    assertThat(letting.get("notes").toString()).contains("same value (absent)").contains("by definition");
    String text = CliRun.ok("agreement", p, "--coders", "x,y", "--categories", "Giving space", "--documents", "b",
        "--bootstrap", "0").out();
    // said once for the rows it is about (here two), each named beneath
    assertThat(text).containsPattern("  2 rows: every coder gave every unit the same value \\(absent\\)[^\\n]*:\\n    .*"
        + "Letting narrate");
  }

  @Test
  void aCoderWhoGaveOneValueOnlyIsSaidToMakeKappaMeaningless() throws Exception {
    // in a, x never coded Letting narrate and y did in a2: kappa is 0 by construction, its SE 0
    JsonNode letting = row(json("--bootstrap", "0", "--documents", "a").get("categories"), "Letting narrate");
    assertThat(value(letting, "cohen_kappa")).isEqualTo(0.0);
    assertThat(letting.get("cohen_kappa").get("standard_error").asDouble()).isEqualTo(0.0);
    assertThat(letting.get("notes").toString()).contains("x gave every unit the same value (absent)")
        .contains("kappa is 0 whatever the other coder did");
  }

  @Test
  void everyCsvLineNamesItsDocumentsAndFilters() throws Exception {
    String csv = CliRun.ok("agreement", p, "--coders", "x,y", "--categories", "Giving space", "--documents", "a,b",
        "--bootstrap", "0", "--format", "csv").out();
    List<org.apache.commons.csv.CSVRecord> lines = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).build().parse(new java.io.StringReader(csv)).getRecords();
    assertThat(lines).isNotEmpty().allSatisfy(line -> {
      assertThat(line.get("documents")).isEqualTo("2");
      assertThat(line.get("filters")).contains("documents=a,b").contains("categories=Giving space");
    });
    // Cohen's kappa carries the standard error under the null beside its own, as the JSON parts do
    JsonNode pause = row(json("--bootstrap", "0", "--categories", "Giving space", "--documents", "a,b")
        .get("categories"), "Pause");
    assertThat(lines).filteredOn(l -> l.get("coefficient").equals("cohen_kappa") && l.get("label").equals("Pause"))
        .singleElement().satisfies(l -> assertThat(Double.parseDouble(l.get("se_null")))
            .isEqualTo(pause.get("cohen_kappa").get("parts").get("se_null").asDouble()));
  }

  /**
   * Every key the JSON report writes is documented in docs/AGREEMENT.md, as the issue asks: the demo study (two coders,
   * the built-in system) and a table of three coders with ordinal, interval and flag columns and open cells.
   */
  @Test
  void everyJsonKeyIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "AGREEMENT.md"));
    String demo = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", demo);
    String table = dir.resolve("table.lacrima").toString();
    CliRun.ok("init", table, "--empty");
    StringBuilder csv = new StringBuilder("doc,ord,text,coder,level,n,flag\n");
    String[] levels = {"low", "mid", "high"};
    for (int u = 0; u < 30; u++) {
      for (int k = 0; k < 3; k++) {
        csv.append("d").append(u % 3).append(',').append(u).append(",unit ").append(u).append(",c").append(k).append(',')
            .append(u % 7 == k ? "n/a" : levels[(u + (u % 5 == k ? 1 : 0)) % 3]).append(',').append((u + k) % 4)
            .append(',').append((u * (k + 1)) % 3 == 0 ? "yes" : "no").append('\n');
      }
    }
    Path t = Files.writeString(dir.resolve("t.csv"), csv, StandardCharsets.UTF_8);
    CliRun.ok("import-table", table, t.toString(), "--doc", "doc", "--order", "ord", "--text", "text", "--coder", "coder",
        "--code", "level", "--code", "n", "--flag", "flag", "--scale", "level=ordinal:low,mid,high", "--scale",
        "n=interval");
    List<String> keys = new ArrayList<>();
    // names of the study's coders and documents key some maps (figures per coder, per document)
    List<String> names = List.of("jonas", "mira", "c0", "c1", "c2", "d0", "d1", "d2", "cbt-01", "cbt-02", "pdt-01",
        "pdt-02", "st-01", "st-02");
    for (String[] run : new String[][] {{demo, "jonas,mira"}, {table, "c0,c1,c2"}, {table, "c0,c1"}}) {
      for (String unit : List.of("turn", "document", "character")) {
        JsonNode report = new ObjectMapper().readTree(CliRun.ok("agreement", run[0], "--coders", run[1], "--unit",
            unit, "--bootstrap", "200", "--format", "json").out());
        collectKeys(report, keys);
      }
    }
    JsonNode maxqda = new ObjectMapper().readTree(CliRun.ok("agreement", demo, "--coders", "jonas,mira", "--unit",
        "maxqda", "--format", "json").out());
    collectKeys(maxqda, keys);
    assertThat(keys).contains("krippendorff_alpha_ordinal", "krippendorff_alpha_interval", "weighted_kappa_linear",
        "unitizing_alpha", "conger_kappa");
    assertThat(keys.stream().distinct().filter(k -> !names.contains(k) && !k.matches("[0-9a-f-]{36}"))
        .filter(k -> !doc.contains("`" + k + "`"))).isEmpty();
  }

  private static void collectKeys(JsonNode node, List<String> keys) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        keys.add(e.getKey());
        collectKeys(e.getValue(), keys);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectKeys(n, keys));
    }
  }
}
