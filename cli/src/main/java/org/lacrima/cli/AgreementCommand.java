package org.lacrima.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.report.AgreementReport;
import org.lacrima.core.agreement.report.AgreementReports;
import org.lacrima.core.agreement.study.AgreementStudy;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.consensus.Consensus;
import org.lacrima.core.consensus.ConsensusStudy;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.io.report.AgreementCsv;
import org.lacrima.io.report.AgreementJson;
import org.lacrima.io.text.IcuSentenceSplitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "agreement",
    header = "Intercoder agreement per category, per exclusive group and overall, with confidence intervals.",
    description = {
    "Intercoder agreement between two or more coders: per category, per group of exclusive categories and overall,",
    "with bootstrap confidence intervals, and the disagreements to look at. Every figure carries its provenance",
    "(unit, coders, documents, filters, codebook version, seed). Coefficient names: docs/AGREEMENT.md."})
final class AgreementCommand implements Callable<Integer> {

  @Mixin
  ProjectOptions project;

  @Mixin
  StudyOptions study;

  @Mixin
  FigureOptions figures;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|csv", description = "Output format.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of the terminal.")
  Path output;

  @Option(names = "--disagreements", paramLabel = "N|all",
      description = "How many disagreements to list (default: 20 in text, all in json); all are counted.")
  String disagreements;

  @Spec
  CommandSpec spec;

  /** Compared as a coder, the consensus layer comes with what a reader must know of it (Consensus.comparisonNotes). */
  private StudyData withOpenDisagreements(ProjectSession s, StudyData data) {
    if (data.coders().stream().noneMatch(c -> c.name().equals(Consensus.LAYER)) || s.consensus().study().isEmpty()) {
      return data;
    }
    // the study the layer was built for, as consensus status counts it (collected here: it needs the splitter)
    StudyData built = AgreementStudy.collect(s, ConsensusStudy.saved(s), new IcuSentenceSplitter());
    StudyData out = data;
    for (String note : Consensus.comparisonNotes(s, data, built)) {
      out = out.withNote(note);
    }
    return out;
  }

  @Override
  public Integer call() throws IOException {
    String f = format.toLowerCase(Locale.ROOT);
    if (!List.of("text", "json", "csv").contains(f)) {
      throw new InputException("--format " + format + ": choose text, json or csv");
    }
    int limit = limit(f);
    refuseOptionsThatDoNotApply(f);
    AgreementReport report;
    try (ProjectStore store = project.open()) {
      report = store.read(s -> AgreementReports.of(s, withOpenDisagreements(s, study.collect(s, figures)),
          Lacrima.version(), Instant.now(), limit));
    }
    if (output != null) {
      Path written = OutputFile.write(output, out -> {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(report, f, w);
        w.flush();
      });
      OutputFile.messages(spec, written).println("Wrote " + written);
      return 0;
    }
    PrintWriter messages = spec.commandLine().getOut();
    Writer w = f.equals("text") ? messages : Lacrima.dataWriter(messages);
    write(report, f, w);
    w.flush();
    return 0;
  }

  /** An option that changes nothing here would leave the user believing it did. */
  private void refuseOptionsThatDoNotApply(String f) {
    var parsed = spec.commandLine().getParseResult();
    String unit = study.unit.toLowerCase(Locale.ROOT);
    if (parsed.hasMatchedOption("--overlap") && !unit.equals("maxqda")) {
      throw new InputException("--overlap applies to --unit maxqda only (how far two segments must overlap to agree)");
    }
    if (parsed.hasMatchedOption("--min-cover") && (unit.equals("character") || unit.equals("maxqda"))) {
      throw new InputException("--min-cover applies to units (turn, meaning-unit, sentence, paragraph, document), "
          + "not to --unit " + unit + ", which compares spans");
    }
    if (parsed.hasMatchedOption("--disagreements") && f.equals("csv")) {
      throw new InputException("--disagreements applies to the text and JSON formats; the CSV holds the figures only");
    }
  }

  private int limit(String f) {
    if (disagreements == null) {
      return f.equals("text") ? 20 : Integer.MAX_VALUE;
    }
    if (disagreements.equalsIgnoreCase("all")) {
      return Integer.MAX_VALUE;
    }
    try {
      int n = Integer.parseInt(disagreements.strip());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new InputException("--disagreements " + disagreements + ": give a number (0 for none) or all");
  }

  private void write(AgreementReport report, String f, Writer out) throws IOException {
    switch (f) {
      case "json" -> AgreementJson.write(report, out);
      case "csv" -> AgreementCsv.write(report, out);
      default -> {
        PrintWriter w = out instanceof PrintWriter p ? p : new PrintWriter(out);
        new AgreementText().print(report, w);
        w.flush();
      }
    }
  }
}
