package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON codebook, read as any other program would read it: all 31 codable categories with every
 * required field filled, the four forms with their attributes, and the relations the paper states.
 */
class CodebookJsonExportTest {

  @TempDir
  Path dir;

  @Test
  void holdsEveryCategoryWithEveryRequiredFieldAndEveryRelation() throws Exception {
    Path out = dir.resolve("codebook.json");
    CliRun.ok("codebook", "export", "--format", "json", "-o", out.toString());
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    List<JsonNode> codable = new ArrayList<>();
    root.get("categories").forEach(c -> {
      if (c.get("codable").asBoolean()) {
        codable.add(c);
      }
    });
    assertThat(codable).hasSize(31);
    for (JsonNode c : codable) {
      String name = c.at("/label/en").asText();
      for (String pointer : List.of("/label/en", "/label/de", "/definition/en", "/definition/de", "/paper_section")) {
        assertThat(c.at(pointer).asText()).as(name + " " + pointer).isNotBlank();
      }
      for (String list : List.of("indicators", "code_when", "do_not_code_when", "delimitations")) {
        assertThat(c.get(list).size()).as(name + " " + list).isPositive();
      }
      assertThat(c.get("examples").size()).as(name + " examples").isGreaterThanOrEqualTo(2);
      c.get("delimitations").forEach(d -> assertThat(d.get("neighbour_label").asText()).isNotBlank());
    }
    Map<String, String> functions = Map.of("Protest crying", "strong", "Overwhelmed crying", "moderate",
        "Crying in grief", "minimal", "Positive crying", "minimal");
    for (JsonNode c : codable) {
      String name = c.at("/label/en").asText();
      if (functions.containsKey(name)) {
        JsonNode form = c.get("crying_form");
        assertThat(form.get("interactive_function").asText()).isEqualTo(functions.get(name));
        for (String field : List.of("emotions", "triggers", "quality", "countertransference")) {
          assertThat(form.get(field).size()).as(name + " " + field).isPositive();
        }
        assertThat(form.at("/acceptance/level").asText()).isNotBlank();
      } else {
        assertThat(c.has("crying_form")).as(name).isFalse();
      }
    }
    List<String> kinds = new ArrayList<>();
    root.get("relations").forEach(r -> kinds.add(r.get("wording").asText()));
    assertThat(kinds).hasSize(19);
    assertThat(kinds.stream().filter("often associated with"::equals)).hasSize(3);
    assertThat(kinds.stream().filter("linked to"::equals)).hasSize(11);
    assertThat(kinds.stream().filter("intersects with"::equals)).hasSize(1);
    assertThat(kinds.stream().filter("counterpart of"::equals)).hasSize(1);
    assertThat(kinds.stream().filter("is the basis for"::equals)).hasSize(3);
    assertThat(root.at("/system/citation/text").asText()).contains("Gutjahr").contains("Benecke");
  }
}
