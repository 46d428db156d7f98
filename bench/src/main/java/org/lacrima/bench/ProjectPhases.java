package org.lacrima.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lacrima.core.agreement.report.AgreementReport;
import org.lacrima.core.agreement.report.AgreementReports;
import org.lacrima.core.agreement.report.ProfileAnalysis;
import org.lacrima.core.agreement.study.AgreementRequest;
import org.lacrima.core.agreement.study.AgreementStudy;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.agreement.study.UnitKind;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.consensus.Consensus;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.io.report.AgreementJson;
import org.lacrima.io.text.IcuSentenceSplitter;
import org.lacrima.store.ProjectLocation;
import org.lacrima.store.ProjectStores;

/**
 * Where the time of {@code lacrima agreement … --unit turn --bootstrap 0 --format json} goes, phase by phase,
 * in one process doing what the command does: {@code PROJECT [DB_URL] OUT}. Prints one line for the
 * benchmark's notes. Analysis and disagreements are timed on their own first, then the report as the
 * command makes it (which does both again), so the line shows each part's share.
 */
public final class ProjectPhases {

  private ProjectPhases() {
  }

  public static void main(String[] args) throws Exception {
    String project = args[0];
    Optional<String> db = args.length > 2 ? Optional.of(args[1]) : Optional.empty();
    Path out = Path.of(args[args.length - 1]);
    ProjectLocation location = ProjectLocation.of(project, db);
    AgreementRequest request = new AgreementRequest(List.of("A", "B", "C"), UnitKind.TURN, 0, 90, List.of(), Map.of(),
        List.of(), List.of(), 0, false, AgreementRequest.DEFAULT_SEED);
    List<String> phases = new ArrayList<>();
    long t = System.nanoTime();
    try (ProjectStore store = ProjectStores.open(location)) {
      t = lap(phases, "opening the project", t);
      long[] start = {t};
      AgreementReport report = store.read(s -> {
        StudyData data = AgreementStudy.collect(s, request, new IcuSentenceSplitter());
        start[0] = lap(phases, "collecting the study (turns, codings, unit profiles)", start[0]);
        ProfileAnalysis.analyse(data.profiles(), data.variables(), data.coders().stream().map(Coder::name).toList(),
            data.codeSets(), Optional.empty());
        start[0] = lap(phases, "the agreement tables", start[0]);
        int n = Consensus.disagreements(s, data).size();
        start[0] = lap(phases, String.format(Locale.ROOT, "listing the %,d disagreements with their text", n), start[0]);
        AgreementReport r = AgreementReports.of(s, data, "bench", Instant.now());
        start[0] = lap(phases, "the report as the command makes it (tables and disagreements again)", start[0]);
        return r;
      });
      t = start[0];
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        AgreementJson.write(report, w);
      }
      t = lap(phases, String.format(Locale.ROOT, "writing the JSON (%,.0f MB)", Files.size(out) / 1e6), t);
    }
    System.out.println(String.join("; ", phases));
  }

  private static long lap(List<String> phases, String what, long since) {
    long now = System.nanoTime();
    phases.add(String.format(Locale.ROOT, "%s %.2f s", what, (now - since) / 1e9));
    return now;
  }
}
