package org.lacrima.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.testing.PaperOverlap;
import org.lacrima.core.testing.SharedData;

/** The demo interviews are fiction written for Lacrima: no run of eight words of the paper in them. */
class DemoTextsAreOurOwnTest {

  @Test
  void noEightWordRunOfThePaperInTheDemoInterviews() throws IOException {
    List<String> labels = new ArrayList<>();
    BuiltInCategorySystem.get().categories().forEach(c -> labels.addAll(c.label().values().values()));
    PaperOverlap overlap = new PaperOverlap(
        SharedData.require("seed/gutjahr-marten-benecke-crying-in-psychotherapy.txt"), labels, 8);
    List<String> copied = new ArrayList<>();
    for (String name : DemoStudy.INTERVIEWS) {
      try (InputStream in = DemoStudy.class.getResourceAsStream("demo/interviews/" + name + ".txt")) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("FICTIONAL");
        overlap.sharedRuns(text).forEach(run -> copied.add(name + ": " + run));
      }
    }
    assertThat(copied).isEmpty();
  }
}
