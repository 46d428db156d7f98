package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consensus end to end on the demo study: the two demo coders' layers become a consensus layer, every
 * disagreement is decided in bulk from a CSV (each kind of decision at least once), and the layer then
 * holds exactly what was agreed plus what was decided, and is a coder like any other for agreement.
 */
class ConsensusDemoTest {

  @TempDir
  Path dir;

  @Test
  void bothDemoCodersBecomeAFullyResolvedConsensusLayer() throws Exception {
    String p = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", p);
    String built = CliRun.ok("consensus", p, "--coders", "jonas,mira", "--as", "team").out();
    assertThat(built).contains("0 of ");

    JsonNode report = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "jonas,mira", "--bootstrap", "0",
        "--format", "json").out());
    JsonNode disagreements = report.get("disagreements");
    int m = disagreements.size();
    assertThat(m).isGreaterThan(20);
    assertThat(built).contains("0 of " + m + " disagreements decided");
    // compared before any decision, the layer's open disagreements are said to count as rejections
    assertThat(CliRun.ok("agreement", p, "--coders", "jonas,consensus", "--bootstrap", "0").out())
        .contains("the consensus layer leaves " + m + " disagreements of " + m + " in these documents and categories "
            + "undecided");

    // one decision per disagreement, cycling through the kinds
    StringBuilder csv = new StringBuilder("id,decision,coder,start,end,category,rationale\n");
    List<String[]> expected = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      JsonNode d = disagreements.get(i);
      String id = d.get("id").asText();
      String coded = d.get("coded_by").fieldNames().next();
      String kind = switch (i % 4) {
        case 0 -> "take";
        case 1 -> "both";
        case 2 -> "neither";
        default -> "new";
      };
      int start = d.get("start").asInt();
      int end = Math.min(d.get("end").asInt(), start + 40);
      csv.append(id).append(',').append(kind).append(',').append(kind.equals("take") ? coded : "").append(',')
          .append(kind.equals("new") ? start : "").append(',').append(kind.equals("new") ? end : "").append(',')
          .append(kind.equals("new") ? "Pause" : "").append(",\"we discussed it, see memo " + i + "\"\n");
      expected.add(new String[] {id, kind, d.get("document").asText(), d.get("category").asText(),
          Integer.toString(d.get("start").asInt()), Integer.toString(d.get("end").asInt()), coded,
          Integer.toString(start), Integer.toString(end)});
    }
    Path decisions = dir.resolve("decisions.csv");
    Files.writeString(decisions, csv, StandardCharsets.UTF_8);
    assertThat(CliRun.ok("consensus", "decide", p, "--from", decisions.toString(), "--as", "team").out())
        .contains(m + " of " + m + " disagreements decided; the consensus layer is complete");
    // the status remembers the study the layer was built for
    String status = CliRun.ok("consensus", "status", p).out();
    assertThat(status).contains(m + " of " + m + " disagreements decided.");

    List<CSVRecord> codings = codings(p);
    for (String[] e : expected) {
      List<CSVRecord> inUnit = codings.stream().filter(r -> r.get("coder").equals("consensus")
          && r.get("document").equals(e[2]) && Integer.parseInt(r.get("start")) < Integer.parseInt(e[5])
          && Integer.parseInt(r.get("end")) > Integer.parseInt(e[4])).toList();
      List<CSVRecord> sameCategory = inUnit.stream().filter(r -> r.get("category_path").equals(e[3])).toList();
      switch (e[1]) {
        case "take", "both" -> assertThat(sameCategory).as(e[0] + " " + e[1]).isNotEmpty();
        case "neither" -> assertThat(sameCategory).as(e[0] + " neither").isEmpty();
        // the new version's span, or a Pause of the layer it joined (an agreed Pause or another new one overlapping it)
        default -> assertThat(inUnit.stream().anyMatch(r -> r.get("category_path").endsWith("Pause")
            && Integer.parseInt(r.get("start")) <= Integer.parseInt(e[7])
            && Integer.parseInt(r.get("end")) >= Integer.parseInt(e[8]))).as(e[0] + " new").isTrue();
      }
    }

    // rebuilding changes nothing: the layer follows the coders and the decisions
    Map<String, Long> before = layer(codings);
    assertThat(CliRun.ok("consensus", p, "--coders", "jonas,mira").out()).contains(m + " of " + m);
    assertThat(layer(codings(p))).isEqualTo(before);

    // the consensus layer is a coder like any other
    JsonNode vsJonas = new ObjectMapper().readTree(CliRun.ok("agreement", p, "--coders", "consensus,jonas",
        "--bootstrap", "0", "--format", "json").out());
    assertThat(vsJonas.get("provenance").get("coders").toString()).contains("consensus");
    assertThat(vsJonas.get("provenance").get("notes").toString()).doesNotContain("undecided");
    JsonNode pooled = vsJonas.get("overall").get(1);
    assertThat(pooled.get("kind").asText()).isEqualTo("pooled");
    assertThat(pooled.get("cohen_kappa").get("value").asDouble()).isBetween(0.5, 1.0);
    // the statistics count it with the others, and say how much of the total it is
    long layerCodings = before.values().stream().mapToLong(Long::longValue).sum();
    assertThat(CliRun.ok("stats", p).out()).contains(String.format("%,d codings (%,d of them the consensus layer's)",
        codings.size(), layerCodings)).contains("(all coders, the consensus layer among them)");
  }

  @Test
  void refusesUnitsThatAreNotUnits() {
    String p = dir.resolve("demo.lacrima").toString();
    CliRun.ok("demo", "--out", p);
    assertThat(CliRun.of("consensus", p, "--coders", "jonas,mira", "--unit", "character").err())
        .contains("consensus is built over units");
    assertThat(CliRun.of("consensus", "status", p).err()).contains("no consensus layer has been built");
    assertThat(CliRun.of("consensus", p, "--coders", "consensus,mira").err()).contains("no coder named \"consensus\"");
  }

  private static List<CSVRecord> codings(String project) throws Exception {
    String out = CliRun.ok("codings", "export", project).out();
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(out))
        .getRecords();
  }

  private static Map<String, Long> layer(List<CSVRecord> codings) {
    return codings.stream().filter(r -> r.get("coder").equals("consensus"))
        .collect(Collectors.groupingBy(r -> r.get("document") + "|" + r.get("category_path") + "|" + r.get("start") + "|"
            + r.get("end"), Collectors.counting()));
  }
}
