package org.lacrima.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lacrima.core.InputException;
import org.lacrima.core.text.Counted;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.Transcript;
import org.lacrima.core.transcript.TranscriptImport;
import org.lacrima.core.transcript.TurnDetector;
import org.lacrima.core.transcript.VariableRow;
import org.lacrima.io.csv.CsvTable;
import org.lacrima.io.csv.VariablesCsv;
import org.lacrima.io.transcript.TranscriptFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import",
    header = "Import transcripts (.txt, .md, .docx) as documents; all files land, or none.",
    description = {
    "Import transcripts (.txt, .md, .docx; Word's .docm, .dotx, .dotm too) as documents. The text is kept",
    "as written; speaker turns are found from labels at line starts (I:, B:, T:, Therapeutin:, … or any",
    "recurring label of one to three words).",
    "All files land, or none."})
final class ImportCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Mixin
  Actor actor;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "Transcripts to import (none: "
      + "--vars sets the variables of documents imported before).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--speakers", split = ",", paramLabel = "LABEL",
      description = "The speaker labels that start turns (e.g. I,B), instead of detecting them.")
  List<String> speakers;

  /** Parsed in {@link #variables()} (NameValues). */
  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "A variable for every imported document, e.g. --var orientation=PDT (repeatable).")
  List<String> variableOptions = new ArrayList<>();

  @Option(names = "--vars", paramLabel = "FILE.csv",
      description = "Variables per document: a column 'document' (file name without extension) and one column per "
          + "variable (orientation, experience_years, interviewer, date, …).")
  Path variablesFile;

  @Spec
  CommandSpec spec;

  private Map<String, String> variables() {
    return NameValues.parse("--var", variableOptions, "orientation=PDT", (name, first, second) -> "--var " + name
        + " is given twice, as \"" + first + "\" and as \"" + second + "\"; give each variable once");
  }

  @Override
  public Integer call() {
    Map<String, String> variables = variables();
    if (files.isEmpty() && variablesFile == null) {
      throw new InputException("name the transcripts to import, or --vars FILE.csv to set the variables of documents "
          + "imported before");
    }
    if (files.isEmpty() && (!variables.isEmpty() || speakers != null)) {
      throw new InputException("--var and --speakers apply to the transcripts imported with them; name those files");
    }
    // everything is read and checked before the project is opened for writing
    List<Transcript> transcripts = new ArrayList<>();
    java.util.Map<Path, Path> named = new java.util.HashMap<>();
    for (Path f : files) {
      // one file named twice (a shell pattern and its name, say) is one mistake, not two files sharing a name
      Path same = named.putIfAbsent(f.toAbsolutePath().normalize(), f);
      if (same != null) {
        throw new InputException(f.toString(), "", "is named twice in this import (also as " + same + "); name each "
            + "file once");
      }
      transcripts.add(TranscriptFiles.read(f));
    }
    List<VariableRow> rows = List.of();
    if (variablesFile != null) {
      try (CsvTable table = CsvTable.open(variablesFile)) {
        rows = VariablesCsv.read(table);
      }
    }
    var options = new TranscriptImport.Options(Optional.ofNullable(speakers), variables, rows, actor.name(),
        Instant.now());
    try (ProjectStore store = project.open()) {
      TranscriptImport.Report report = store.write(s -> TranscriptImport.run(s, transcripts, options));
      List<DocumentSummary> imported = report.imported();
      var out = spec.commandLine().getOut();
      if (files.isEmpty() && report.changed().isEmpty()) {
        out.println("Variables from " + variablesFile + " change no document.");
      }
      if (!files.isEmpty()) {
        out.println("Imported " + Counted.of(imported.size(), "document") + " into " + store.location() + ":");
      }
      for (int i = 0; i < imported.size(); i++) {
        DocumentSummary d = imported.get(i);
        Transcript t = transcripts.get(i);
        out.printf("  %-24s %-20s %,8d words %5d %s%s%n", d.name(), t.encoding(), d.words(), d.turns(),
            d.turns() == 1 ? "turn " : "turns", d.variables().isEmpty() ? "" : "  " + d.variables());
        // shown because any label of one to three words that recurs at line starts becomes a
        // speaker ("Ich dachte:"); the researcher sees it here, not in the agreement figures
        Map<String, Integer> speakersOf = report.speakers().getOrDefault(d.id(), Map.of());
        if (!speakersOf.isEmpty()) {
          out.println("    speakers: " + speakersOf.entrySet().stream()
              .map(e -> (e.getKey().isEmpty() ? "(none)" : e.getKey()) + " (" + e.getValue()
                  + (e.getValue() == 1 ? " turn)" : " turns)"))
              .collect(Collectors.joining(", ")));
        }
      }
      if (speakers == null) {
        Set<String> recurring = new LinkedHashSet<>();
        for (DocumentSummary d : imported) {
          for (String speaker : report.speakers().getOrDefault(d.id(), Map.of()).keySet()) {
            if (!TurnDetector.USUAL_LABELS.contains(speaker.toLowerCase(Locale.ROOT))) {
              recurring.add("\"" + speaker + "\" (" + d.name() + ")");
            }
          }
        }
        if (!recurring.isEmpty()) {
          out.println("Taken for speakers only because they recur at line starts: " + String.join(", ", recurring)
              + ". If one is not a speaker, name the real ones with --speakers.");
        }
        Set<String> once = new LinkedHashSet<>();
        for (DocumentSummary d : imported) {
          report.labelsSeenOnce().getOrDefault(d.id(), List.of()).forEach(l -> once.add("\"" + l + "\" (" + d.name()
              + ")"));
        }
        if (!once.isEmpty()) {
          // a speaker heard once reads like "Ich dachte:"; its line stays in the turn before unless named
          out.println("Seen once at a line start and left in the turn before: " + once.stream().limit(12)
              .collect(Collectors.joining(", ")) + (once.size() > 12 ? ", …" : "")
              + ". If one is a speaker, name all speakers with --speakers.");
        }
      }
      if (speakers != null && !imported.isEmpty()) {
        // a misspelt label takes no turn, and the lines it meant stay in the turn before: said, not left to be found
        Set<String> used = new java.util.HashSet<>();
        imported.forEach(d -> report.speakers().getOrDefault(d.id(), Map.of()).keySet()
            .forEach(label -> used.add(label.toLowerCase(Locale.ROOT))));
        List<String> unused = speakers.stream().map(String::strip)
            .filter(label -> !used.contains(label.toLowerCase(Locale.ROOT))).map(label -> "\"" + label + "\"").toList();
        if (!unused.isEmpty() && unused.size() < speakers.size()) {
          out.println("Note: no turn of " + (imported.size() == 1 ? "this document" : "these documents")
              + " begins with the --speakers label" + (unused.size() == 1 ? " " : "s ") + String.join(", ", unused)
              + "; check the spelling against the speakers found (listed above).");
        }
      }
      if (imported.stream().anyMatch(d -> d.turns() == 0)) {
        out.println(speakers == null ? "Some documents have no speaker turns: name their labels with --speakers, or "
            + "segment them by sentence or paragraph." : "Some documents have no speaker turns: none of their lines "
            + "starts with a label of --speakers (" + String.join(", ", speakers) + ") and a colon; check the labels, "
            + "or segment them by sentence or paragraph.");
      }
      if (!report.changed().isEmpty()) {
        out.println("Variables from " + variablesFile + " changed documents imported before:");
        for (TranscriptImport.VariableChange c : report.changed()) {
          out.println("  " + c.document() + ": " + c.variable() + " " + (c.before().isEmpty() ? "(unset)" : c.before())
              + " -> " + c.after());
        }
      }
    }
    return 0;
  }
}
