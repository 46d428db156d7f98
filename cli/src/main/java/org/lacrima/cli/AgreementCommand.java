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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.report.AgreementReport;
import org.lacrima.core.agreement.report.AgreementReports;
import org.lacrima.core.agreement.study.AgreementStudy;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.agreement.study.StudyUnit;
import org.lacrima.core.agreement.study.Variable;
import org.lacrima.core.consensus.Consensus;
import org.lacrima.core.consensus.ConsensusStudy;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.Counted;
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

  /**
   * Compared as a coder, the consensus layer holds neither version of a disagreement not yet decided, which reads as
   * the team rejecting both, and both of the codes an exclusive group allows one of: the report says how many are
   * open among the documents and categories compared, and whether the layer still holds what a build would make.
   */
  private StudyData withOpenDisagreements(ProjectSession s, StudyData data) {
    if (data.coders().stream().noneMatch(c -> c.name().equals(Consensus.LAYER)) || s.consensus().study().isEmpty()) {
      return data;
    }
    // the study the layer was built for, as consensus status counts it
    StudyData built = AgreementStudy.collect(s, ConsensusStudy.saved(s), new IcuSentenceSplitter());
    Set<UUID> documents = data.documents().stream().map(d -> d.id()).collect(Collectors.toSet());
    Set<UUID> categories = data.variables(Variable.Kind.CATEGORY).stream().map(Variable::id)
        .collect(Collectors.toSet());
    // the units compared (those of --speaker, say) by document: a disagreement counts where it meets one of them
    Map<UUID, List<StudyUnit>> units = data.units().stream().collect(Collectors.groupingBy(StudyUnit::document));
    List<Consensus.Disagreement> compared = Consensus.toSettle(s, built).stream()
        .filter(d -> documents.contains(d.unit().document()) && categories.contains(d.category())
            && units.getOrDefault(d.unit().document(), List.of()).stream()
                .anyMatch(u -> u.start() < d.unit().end() && d.unit().start() < u.end()))
        .toList();
    List<Consensus.Disagreement> coders = compared.stream().filter(d -> d.exclusiveGroup().isEmpty()).toList();
    long open = coders.stream().filter(d -> d.decision().isEmpty()).count();
    long groupOpen = compared.stream().filter(d -> d.exclusiveGroup().isPresent() && d.decision().isEmpty()).count();
    StudyData out = data;
    if (open > 0) {
      out = out.withNote("the consensus layer leaves " + Counted.of(open, "disagreement") + " of " + coders.size()
          + " in these documents and categories undecided (consensus status); where undecided it holds neither "
          + "version, so it counts as rejecting what one coder coded there");
    }
    if (groupOpen > 0) {
      out = out.withNote("the consensus layer holds " + Counted.of(groupOpen, "code") + " that every coder gave but "
          + "an exclusive group allows only one of, undecided (consensus status)");
    }
    return Consensus.outOfDate(s, built).map(out::withNote).orElse(out);
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
