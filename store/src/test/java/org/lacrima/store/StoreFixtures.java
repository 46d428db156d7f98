package org.lacrima.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.coding.CodingRow;
import org.lacrima.core.project.ProjectSeed;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.transcript.Transcript;
import org.lacrima.core.transcript.TranscriptImport;
import org.lacrima.core.transcript.VariableRow;

/** Small projects for the store tests. */
final class StoreFixtures {

  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  static final String INTERVIEW_A = """
      FICTIONAL – test interview
      I: [00:00:05] Können Sie sich an eine Situation erinnern?
      T: [00:00:09] Ja. Sie weinte \uD83D\uDE22 sehr wütend, fast trotzig.
      Ich habe erst einmal geschwiegen.
      I: Und dann?
      T: Dann habe ich gefragt, was die Tränen gerade sagen wollen.
      """;
  static final String INTERVIEW_B = "I: Und Sie?\r\nT: Ich lasse erzählen. Tra\u0308nen sind okay.\r\n";

  private StoreFixtures() {
  }

  static ProjectStores.NewProject newProject(String name) {
    return new ProjectStores.NewProject(name, "tester", NOW, "crying-working-models", "1.0.0");
  }

  static ProjectStore.Work<Void> seedBuiltIn() {
    return s -> {
      ProjectSeed.from(s, BuiltInCategorySystem.get(), "tester", NOW);
      return null;
    };
  }

  static List<Transcript> transcripts() {
    return List.of(new Transcript("a", "a.txt", "text", "UTF-8", "sha-a", INTERVIEW_A),
        new Transcript("b", "b.txt", "text", "UTF-8", "sha-b", INTERVIEW_B));
  }

  static TranscriptImport.Options options(List<VariableRow> rows) {
    return new TranscriptImport.Options(Optional.empty(), Map.of(), rows, "tester", NOW);
  }

  static List<VariableRow> orientations() {
    return List.of(new VariableRow("vars.csv", 2, "a", Map.of("orientation", "PDT", "experience_years", "12")),
        new VariableRow("vars.csv", 3, "b", Map.of("orientation", "Verhaltenstherapie")));
  }

  static CodingRow quote(long line, String document, String quote, String category, String coder, String memo) {
    return new CodingRow("codings.csv", line, document, OptionalInt.empty(), OptionalInt.empty(), quote,
        OptionalInt.empty(), category, coder, memo, Optional.empty());
  }

  static CodingRow span(long line, String document, int start, int end, String category, String coder) {
    return new CodingRow("codings.csv", line, document, OptionalInt.of(start), OptionalInt.of(end), "",
        OptionalInt.empty(), category, coder, "", Optional.empty());
  }

  static Iterator<CodingRow> rows(CodingRow... rows) {
    return new ArrayList<>(List.of(rows)).iterator();
  }
}
