package org.lacrima.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lacrima.core.Ids;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.coding.Memo;
import org.lacrima.core.coding.CodingImport;
import org.lacrima.core.project.ProjectSeed;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.Segmentation;
import org.lacrima.core.transcript.Transcript;
import org.lacrima.core.transcript.TranscriptImport;
import org.lacrima.io.csv.CodingsCsv;
import org.lacrima.io.csv.CsvTable;
import org.lacrima.io.csv.VariablesCsv;
import org.lacrima.io.text.IcuSentenceSplitter;

/**
 * The fictional demo study shipped with Lacrima: six interviews (two each with a psychodynamic, a
 * cognitive-behavioural and a systemic therapist, all invented), their variables, and the codings
 * of two fictional coders who disagree the way real coders do.
 */
final class DemoStudy {

  static final String NAME = "lacrima-demo";
  static final List<String> INTERVIEWS = List.of("pdt-01", "pdt-02", "cbt-01", "cbt-02", "st-01", "st-02");
  private static final String BASE = "demo/";

  private DemoStudy() {
  }

  /** Fills a new project: the built-in system, the interviews, units by turn, both coders' codings. */
  static CodingImport.Report build(ProjectSession s, CategorySystem system, String who, Instant now) {
    ProjectSeed.from(s, system, who, now);
    List<Transcript> transcripts = new ArrayList<>();
    for (String name : INTERVIEWS) {
      byte[] bytes = resource("interviews/" + name + ".txt");
      transcripts.add(new Transcript(name, name + ".txt", "text", "UTF-8", "", new String(bytes, StandardCharsets.UTF_8)));
    }
    var variables = VariablesCsv.read(CsvTable.of(text("variables.csv"), "demo/variables.csv"));
    TranscriptImport.run(s, transcripts, new TranscriptImport.Options(Optional.empty(), Map.of(), variables, who, now));
    IcuSentenceSplitter sentences = new IcuSentenceSplitter();
    for (DocumentSummary d : s.documents().list()) {
      s.units().replace(d.id(), Segmentation.propose(s.documents().get(d.id()), Segmentation.By.TURN, sentences));
    }
    CodingImport.Report report = CodingImport.run(s, CodingsCsv.read(CsvTable.of(text("codings.csv"),
        "demo/codings.csv")));
    s.memos().add(new Memo(Ids.next(), Memo.Target.PROJECT, s.project().id(), who, now, MARK));
    return report;
  }

  /** The memo by which a demo project is known: only this command writes it. */
  private static final String MARK = "Built by lacrima demo: fictional interviews and codings. Running lacrima demo "
      + "again replaces this project.";

  /** How many codings the demo ships with: a demo built before the mark existed is known by them, untouched. */
  private static long shippedCodings() {
    long n = 0;
    for (var rows = CodingsCsv.read(CsvTable.of(text("codings.csv"), "demo/codings.csv")); rows.hasNext(); rows.next()) {
      n++;
    }
    return n;
  }

  /**
   * Whether a project holds the demo and nothing else: the six interviews, each marked fictional. On a server a
   * project is known by the name it was given, so this, not the name, tells a demo that may be rebuilt from a
   * team's project that happens to be named like it.
   */
  static boolean isDemo(ProjectSession s) {
    List<DocumentSummary> documents = s.documents().list();
    boolean interviews = documents.size() == INTERVIEWS.size() && documents.stream()
        .allMatch(d -> INTERVIEWS.contains(d.name()) && d.variable("fictional").equals("yes"));
    if (!interviews) {
      return false;
    }
    // the interviews alone do not tell: a team may have imported them to learn, and worked on them since
    boolean marked = s.memos().about(Memo.Target.PROJECT, s.project().id()).stream()
        .anyMatch(m -> m.text().equals(MARK));
    boolean untouchedOlderDemo = s.log().all().size() <= 1 && s.consensus().study().isEmpty()
        && s.codings().count() == shippedCodings();
    return marked || untouchedOlderDemo;
  }

  private static String text(String name) {
    return new String(resource(name), StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoStudy.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("the demo resource " + name + " is missing from this build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
