package org.lacrima.core.transcript;

import org.lacrima.core.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.text.Names;

/**
 * Turns transcripts into documents of a project: normalizes the text, finds speaker turns, attaches
 * variables, and refuses the whole batch (before writing anything) if one file is empty, a name is
 * taken, or a variables row is malformed or names no document.
 */
public final class TranscriptImport {

  /**
   * @param speakers labels that mark turns, replacing automatic detection
   * @param variables variables given for every document of this import ({@code --var})
   * @param variableRows rows of a variables file ({@code --vars}), one per document
   */
  public record Options(Optional<List<String>> speakers, Map<String, String> variables,
      List<VariableRow> variableRows, String who, Instant now) {
    public Options {
      speakers = speakers.map(List::copyOf);
      variables = Map.copyOf(variables);
      variableRows = List.copyOf(variableRows);
    }
  }

  /** A variable of a document already in the project that a variables file changed. */
  public record VariableChange(String document, String variable, String before, String after) {
  }

  /**
   * The documents imported; for each (by id) its speakers with their numbers of turns, in the order
   * they first speak; and the variables of earlier documents that the import changed.
   */
  public record Report(List<DocumentSummary> imported, Map<UUID, Map<String, Integer>> speakers,
      List<VariableChange> changed, Map<UUID, List<String>> labelsSeenOnce) {
    public Report {
      imported = List.copyOf(imported);
      speakers = Map.copyOf(speakers);
      changed = List.copyOf(changed);
      labelsSeenOnce = Map.copyOf(labelsSeenOnce);
    }
  }

  private TranscriptImport() {
  }

  public static Report run(ProjectSession session, List<Transcript> transcripts, Options options) {
    TurnDetector detector = options.speakers().map(TurnDetector::withLabels).orElseGet(TurnDetector::automatic);
    Map<String, String> common = DocumentVariables.normalize(options.variables(), "--var", "");
    Map<String, Transcript> byName = new LinkedHashMap<>();
    for (Transcript t : transcripts) {
      if (t.name().isEmpty()) {
        throw new InputException(t.path(), "", "gives no document name (its name before the extension is blank); "
            + "rename the file");
      }
      Transcript earlier = byName.putIfAbsent(t.name(), t);
      if (earlier != null) {
        throw new InputException(t.path(), "", "has the same document name \"" + t.name()
            + "\" as " + earlier.path() + "; rename one of them");
      }
      if (session.documents().byName(t.name()).isPresent()) {
        throw new InputException(t.path(), "", "the project already has a document named \""
            + t.name() + "\"; rename the file to import it as a new document");
      }
    }
    Map<String, Map<String, String>> rowsByDocument = new HashMap<>();
    Map<String, Map<String, String>> existingUpdates = new LinkedHashMap<>();
    for (VariableRow row : options.variableRows()) {
      String place = "line " + row.line();
      String document = Names.normalize(row.document());
      if (document.isEmpty()) {
        throw new InputException(row.source(), place, "names no document");
      }
      Map<String, String> values = DocumentVariables.normalize(row.values(), row.source(), place);
      Map<String, Map<String, String>> target;
      if (byName.containsKey(document)) {
        target = rowsByDocument;
      } else if (session.documents().byName(document).isPresent()) {
        target = existingUpdates;
      } else {
        throw new InputException(row.source(), place, "no document named \"" + document
            + "\" in this import or in the project");
      }
      if (target.putIfAbsent(document, values) != null) {
        throw new InputException(row.source(), place, "document \"" + document + "\" has a second row");
      }
    }
    List<Document> documents = new ArrayList<>(byName.size());
    for (Transcript t : byName.values()) {
      DocumentText text = DocumentText.normalize(t.rawText());
      if (org.lacrima.core.text.Names.saysNothing(text.text())) {
        // no-break or zero-width spaces only: nothing to code, and the document would take its name for good
        throw new InputException(t.path(), "", "is empty" + (text.text().isBlank() ? "" : " (blanks or invisible "
            + "characters only)"));
      }
      Map<String, String> variables = new LinkedHashMap<>(common);
      variables.putAll(rowsByDocument.getOrDefault(t.name(), Map.of()));
      documents.add(new Document(Ids.next(), t.name(), text, detector.detect(text), variables,
          new DocumentSource(t.fileName(), t.format(), t.encoding(), t.sha256(), options.now(), options.who())));
    }
    List<DocumentSummary> imported = new ArrayList<>(documents.size());
    Map<UUID, Map<String, Integer>> speakers = new HashMap<>();
    Map<UUID, List<String>> seenOnce = new HashMap<>();
    for (Document d : documents) {
      if (!d.turns().isEmpty()) {
        seenOnce.put(d.id(), detector.labelsSeenOnce(d.text()));
      }
      session.documents().add(d);
      imported.add(d.summary());
      Map<String, Integer> turns = new LinkedHashMap<>();
      d.turns().forEach(t -> turns.merge(t.speaker(), 1, Integer::sum));
      speakers.put(d.id(), Collections.unmodifiableMap(turns));
    }
    List<VariableChange> changed = new ArrayList<>();
    existingUpdates.forEach((name, values) -> {
      DocumentSummary existing = session.documents().byName(name).orElseThrow();
      values.forEach((variable, value) -> {
        String before = existing.variable(variable);
        if (!before.equals(value)) {
          changed.add(new VariableChange(name, variable, before, value));
        }
      });
      session.documents().putVariables(existing.id(), values);
    });
    return new Report(imported, speakers, changed, seenOnce);
  }
}
