package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.testing.SharedData;

/**
 * docs/examples/annomi-agreement.sh on the real AnnoMI file reproduces what AnnoMI's authors published
 * for the seven transcripts coded by ten annotators: Fleiss' kappa 0.74 for the therapist's main
 * behaviour and 0.47 for the client's talk type (Wu et al. 2023, Future Internet 15(3):110), with "n/a"
 * cells treated as not covered.
 */
class AnnoMiAgreementExampleIT {

  @TempDir
  Path dir;

  @Test
  void reproducesThePublishedFleissKappas() throws Exception {
    Path csv = SharedData.require("corpora/annomi/AnnoMI-full.csv");
    Path script = Path.of("..", "docs", "examples", "annomi-agreement.sh").toAbsolutePath().normalize();
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), csv.toAbsolutePath().toString())
        .directory(dir.toFile()).redirectOutput(dir.resolve("out.json").toFile()).redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("LACRIMA_JAR", Path.of(System.getProperty("lacrima.jar", "target/lacrima.jar")).toAbsolutePath()
        .toString());
    pb.environment().put("JAVA", ProcessHandle.current().info().command().orElseThrow());
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();

    JsonNode report = new ObjectMapper().readTree(dir.resolve("out.json").toFile());
    JsonNode provenance = report.get("provenance");
    assertThat(provenance.get("coders")).hasSize(10);
    assertThat(provenance.get("documents")).hasSize(7);
    assertThat(provenance.get("bootstrap").get("replicates").asInt()).isEqualTo(2000);
    Map<String, JsonNode> groups = new HashMap<>();
    report.get("groups").forEach(g -> groups.put(g.get("label").asText(), g));
    assertThat(groups).containsOnlyKeys("main_therapist_behaviour", "client_talk_type");
    assertThat(groups.get("main_therapist_behaviour").get("fleiss_kappa").get("value").asDouble()).isCloseTo(0.74, within(0.005));
    assertThat(groups.get("client_talk_type").get("fleiss_kappa").get("value").asDouble()).isCloseTo(0.47, within(0.005));
    for (JsonNode g : groups.values()) {
      JsonNode alpha = g.get("krippendorff_alpha_nominal");
      assertThat(alpha.get("value").isNumber()).isTrue();
      assertThat(alpha.get("ci_95").get(0).asDouble()).isLessThan(alpha.get("value").asDouble());
      assertThat(alpha.get("ci_95").get(1).asDouble()).isGreaterThan(alpha.get("value").asDouble());
      assertThat(alpha.has("p_below_667")).isTrue();
      // a therapist variable is judged on therapist turns only; the other turns are missing, not absent
      assertThat(g.get("units_pairable").asDouble()).isLessThan(g.get("units").asDouble());
    }
  }
}
