package org.lacrima.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.transcript.Document;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.MeaningUnit;
import org.lacrima.core.transcript.Segmentation;
import org.lacrima.io.text.IcuSentenceSplitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "segment", description = {
    "Propose meaning units: one per turn, sentence or paragraph (within speaker turns where a document has them).",
    "Adjust them afterwards with 'lacrima units merge|split'."})
final class SegmentCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Option(names = "--by", defaultValue = "turn", paramLabel = "turn|sentence|paragraph",
      description = "What a proposed unit is (default: turn).")
  String by;

  @Option(names = "--documents", split = ",", paramLabel = "NAME", description = "Only these documents.")
  List<String> documents;

  @Option(names = "--replace", description = "Replace units that were adjusted by hand (merged or split).")
  boolean replace;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Segmentation.By mode;
    try {
      mode = Segmentation.By.parse(by);
    } catch (IllegalArgumentException e) {
      throw new InputException("--by " + by + ": choose turn, sentence or paragraph");
    }
    try (ProjectStore store = project.open()) {
      // by name, and as the message shows them (with the units each keeps)
      java.util.Map<String, String> withoutTurns = new java.util.LinkedHashMap<>();
      long units = store.write(s -> {
        List<DocumentSummary> chosen = chosen(s.documents().list());
        IcuSentenceSplitter sentences = new IcuSentenceSplitter();
        long n = 0;
        for (DocumentSummary d : chosen) {
          if (mode == Segmentation.By.TURN && d.turns() == 0 && (documents == null || documents.isEmpty())) {
            // one document without speaker labels (field notes, say) need not stop the others; it is named below,
            // with the units it keeps from before (work a person may have adjusted is not thrown away)
            int kept = s.units().byDocument(d.id()).size();
            withoutTurns.put(d.name(), d.name() + (kept == 0 ? " (no units)" : " (its " + kept + " earlier units kept)"));
            continue;
          }
          if (!replace && s.units().byDocument(d.id()).stream().anyMatch(u ->
              u.origin() == MeaningUnit.Origin.MERGED || u.origin() == MeaningUnit.Origin.SPLIT)) {
            throw new InputException(d.name() + " has meaning units adjusted by hand; segmenting again would undo "
                + "that work. Add --replace if that is what you want.");
          }
          Document doc = s.documents().get(d.id());
          List<MeaningUnit> proposed = Segmentation.propose(doc, mode, sentences);
          s.units().replace(d.id(), proposed);
          n += proposed.size();
        }
        return n;
      });
      spec.commandLine().getOut().println("Proposed " + units + " meaning units (" + mode.name().toLowerCase()
          + ") in " + store.location() + ". See them with: " + Lacrima.command() + " units list " + project.inHint() + " DOCUMENT");
      if (!withoutTurns.isEmpty()) {
        spec.commandLine().getOut().println("Not segmented by turn, having no speaker turns: " + String.join(", ",
            withoutTurns.values()) + ". Segment them by sentence or paragraph: " + Lacrima.command() + " segment "
            + project.inHint() + " --by sentence --documents " + String.join(",", withoutTurns.keySet()));
      }
    }
    return 0;
  }

  private List<DocumentSummary> chosen(List<DocumentSummary> all) {
    if (documents == null || documents.isEmpty()) {
      return all;
    }
    List<DocumentSummary> out = new ArrayList<>();
    for (String name : documents) {
      out.add(all.stream().filter(d -> d.name().equals(name)).findFirst()
          .orElseThrow(() -> new InputException("--documents: no document named \"" + name + "\"")));
    }
    return out;
  }
}
