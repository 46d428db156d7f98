package org.lacrima.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lacrima.core.testing.PaperOverlap;
import org.lacrima.core.testing.SharedData;

/** No run of eight words of the paper (category labels aside) appears in any category text. */
class CategoryTextsAreOurOwnTest {

  static List<String> labels(CategorySystem system) {
    List<String> labels = new ArrayList<>();
    system.categories().forEach(c -> labels.addAll(c.label().values().values()));
    // the paper's own spellings of two labels
    labels.add("Crying impedes/obstructs the process (resistance to change)");
    labels.add("Forms of crying");
    return labels;
  }

  static List<String> texts(Category c) {
    List<LocalizedText> all = new ArrayList<>();
    all.add(c.definition());
    all.addAll(c.indicators());
    all.addAll(c.codeWhen());
    all.addAll(c.doNotCodeWhen());
    all.addAll(c.examples());
    c.delimitations().forEach(d -> all.add(d.text()));
    all.addAll(c.orientationNotes().values());
    c.cryingForm().ifPresent(f -> {
      all.addAll(f.emotions());
      all.addAll(f.triggers());
      all.addAll(f.quality());
      all.addAll(f.countertransference());
      all.add(f.acceptance().text());
    });
    List<String> out = new ArrayList<>();
    all.forEach(t -> out.addAll(t.values().values()));
    return out;
  }

  @Test
  void noEightWordRunOfThePaperInTheCategoryTexts() {
    CategorySystem system = BuiltInCategorySystem.get();
    PaperOverlap overlap = new PaperOverlap(
        SharedData.require("seed/gutjahr-marten-benecke-crying-in-psychotherapy.txt"), labels(system), 8);
    List<String> copied = new ArrayList<>();
    for (Category c : system.categories()) {
      for (String text : texts(c)) {
        overlap.sharedRuns(text).forEach(run -> copied.add(c.label().english() + ": \"" + run + "\""));
      }
    }
    system.relations().forEach(r -> overlap.sharedRuns(r.note().english()).forEach(run -> copied.add("relation note: " + run)));
    overlap.sharedRuns(system.info().notice().english()).forEach(run -> copied.add("notice: " + run));
    assertThat(copied).isEmpty();
  }

  @Test
  void theCheckFindsACopiedSentence() {
    // the check itself must be able to fail: a run of words lifted from the paper is caught (taken from the file
    // at run time, so that no sentence of the paper stands in this repository)
    Path paper = SharedData.require("seed/gutjahr-marten-benecke-crying-in-psychotherapy.txt");
    PaperOverlap overlap = new PaperOverlap(paper, List.of(), 8);
    String[] words = readWords(paper);
    String lifted = String.join(" ", Arrays.copyOfRange(words, words.length / 2, words.length / 2 + 12));
    assertThat(overlap.sharedRuns(lifted)).isNotEmpty();
    assertThat(overlap.sharedRuns("Tears may show that something matters to the patient right now")).isEmpty();
  }

  private static String[] readWords(Path file) {
    try {
      return Files.readString(file).strip().split("\\s+");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
