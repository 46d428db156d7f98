package org.lacrima.core.agreement.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.CodedSpan;
import org.lacrima.core.agreement.JointBootstrap;
import org.lacrima.core.agreement.study.AgreementRequest;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.agreement.study.StudyUnit;
import org.lacrima.core.agreement.study.UnitKind;
import org.lacrima.core.agreement.study.Variable;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.consensus.Consensus;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.transcript.DocumentSummary;

/** Builds the agreement report of a study collected from a project. */
public final class AgreementReports {

  private AgreementReports() {
  }

  /** The report with every disagreement listed. */
  public static AgreementReport of(ProjectSession s, StudyData data, String toolVersion, Instant now) {
    return of(s, data, toolVersion, now, Integer.MAX_VALUE);
  }

  /** The report listing the first {@code disagreements} disagreements (all are counted). */
  public static AgreementReport of(ProjectSession s, StudyData data, String toolVersion, Instant now,
      int disagreements) {
    AgreementRequest request = data.request();
    List<String> coders = data.coders().stream().map(Coder::name).toList();
    List<String> notes = new ArrayList<>(data.notes());
    UnitKind kind = data.unit();
    if (kind == UnitKind.CHARACTER || kind == UnitKind.MAXQDA) {
      List<SpanDocument> documents = spanDocuments(data, notes);
      List<SpanAnalysis.CategoryName> names = data.variables(Variable.Kind.CATEGORY).stream()
          .map(v -> new SpanAnalysis.CategoryName(v.id().toString(), v.label(), v.path())).toList();
      if (kind == UnitKind.CHARACTER) {
        notes.add("unitizing alpha over the documents concatenated into one continuum (as DKPro Agreement and INCEpTION pool them); no bootstrap for span coefficients");
        return new AgreementReport(provenance(s, data, toolVersion, now, 0, notes), List.of(), List.of(), List.of(),
            List.of(), SpanAnalysis.analyse(documents, coders, names), Optional.empty(), List.of(), 0);
      }
      if (coders.size() != 2) {
        throw new InputException("--unit maxqda compares two coders, as MAXQDA does; name two with --coders A,B");
      }
      notes.add("MAXQDA compatibility mode: a segment agrees when the other coder gave the same code to a segment "
          + "overlapping it by at least " + request.overlapPercent() + " % of their union");
      return new AgreementReport(provenance(s, data, toolVersion, now, 0, notes), List.of(), List.of(), List.of(),
          List.of(), List.of(), Optional.of(SegmentMatching.analyse(documents, coders, names, request.overlapPercent())),
          List.of(), 0);
    }
    // merges in a document without units of this kind change no figure: it is compared nowhere
    data.mergedNote(data.units().stream().map(u -> u.document()).distinct().toList()).ifPresent(notes::add);
    // what the bootstrap draws: one document (or unit) drawn again and again gives an interval of no width, which
    // would read as certainty
    long drawn = request.resampleDocuments() ? data.units().stream().map(u -> u.document()).distinct().count()
        : data.units().size();
    boolean resamplable = drawn >= 2;
    if (request.replicates() > 0 && !data.units().isEmpty() && !resamplable) {
      notes.add("no confidence intervals: the bootstrap resamples " + (request.resampleDocuments()
          ? "documents, and the study's units lie in one document (resample units, or compare more documents)"
          : "units, and the study has one"));
    }
    Optional<JointBootstrap> bootstrap = request.replicates() > 0 && resamplable
        ? Optional.of(new JointBootstrap(request.seed(), request.replicates(), request.resampleDocuments()))
        : Optional.empty();
    ProfileAnalysis.Tables tables = ProfileAnalysis.analyse(data.profiles(), data.variables(), coders, data.codeSets(),
        bootstrap);
    for (Variable v : data.variables(Variable.Kind.GROUP)) {
      if (v.conflicts() > 0) {
        notes.add(org.lacrima.core.text.Counted.of(v.conflicts(), "judgement") + " of the group \"" + v.label() + "\" "
            + (v.conflicts() == 1 ? "is" : "are") + " missing because a coder gave one unit two of its exclusive "
            + "categories");
      }
    }
    return new AgreementReport(provenance(s, data, toolVersion, now, bootstrap.map(JointBootstrap::replicates).orElse(0),
        notes), tables.categories(), tables.groups(), tables.overall(), tables.frequencies(), List.of(), Optional.empty(),
        disagreements == 0 ? List.of() : Consensus.disagreements(s, data, disagreements), Consensus.count(data));
  }

  /** The documents every coder worked on (absence counts only where a coder has coded), as spans. */
  private static List<SpanDocument> spanDocuments(StudyData data, List<String> notes) {
    List<SpanDocument> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<UUID> compared = new ArrayList<>();
    Map<UUID, StudyUnit> unitOf = new LinkedHashMap<>();
    data.units().forEach(u -> unitOf.putIfAbsent(u.document(), u));
    List<Variable> categories = data.variables(Variable.Kind.CATEGORY);
    for (DocumentSummary d : data.documents()) {
      Map<UUID, Map<UUID, List<int[]>>> byCoder = data.spans().getOrDefault(d.id(), Map.of());
      List<CodedSpan> spans = new ArrayList<>();
      boolean everyone = true;
      for (int k = 0; k < data.coders().size(); k++) {
        Coder coder = data.coders().get(k);
        StudyUnit unit = unitOf.get(d.id());
        final int coder0 = k;
        // a coder covers a document it coded anything in, whatever the categories asked for
        everyone &= unit != null && categories.stream().anyMatch(v -> data.value(unit, v, coder0) != -1);
        for (var e : byCoder.getOrDefault(coder.id(), Map.of()).entrySet()) {
          for (int[] piece : e.getValue()) {
            spans.add(new CodedSpan(k, piece[0], piece[1] - piece[0], e.getKey().toString()));
          }
        }
      }
      if (everyone) {
        out.add(new SpanDocument(d.name(), d.length(), spans));
        compared.add(d.id());
      } else {
        skipped.add(d.name());
      }
    }
    data.mergedNote(compared).ifPresent(notes::add);
    if (!skipped.isEmpty()) {
      notes.add("left out, as not every coder coded in them: " + String.join(", ", skipped));
    }
    return out;
  }

  private static Provenance provenance(ProjectSession s, StudyData data, String toolVersion, Instant now, int replicates,
      List<String> notes) {
    AgreementRequest r = data.request();
    Map<String, String> filters = new LinkedHashMap<>();
    if (!r.documents().isEmpty()) {
      filters.put("documents", String.join(",", r.documents()));
    }
    // one snake_case key per variable, as every JSON key is
    r.where().forEach((k, v) -> filters.put("where_" + k, v));
    if (!r.speakers().isEmpty()) {
      filters.put("speaker", String.join(",", r.speakers()));
    }
    if (!r.categories().isEmpty()) {
      filters.put("categories", String.join(",", r.categories()));
    }
    long change = s.log().all().stream().mapToLong(CodebookChange::sequence).max().orElse(0);
    boolean units = data.unit() != UnitKind.CHARACTER && data.unit() != UnitKind.MAXQDA;
    return new Provenance(toolVersion, s.project().name(), data.codebookVersion(), change,
        data.unit().code(), r.unit().code(), units ? r.minCoverPercent() : 0,
        data.unit() == UnitKind.MAXQDA ? Optional.of(r.overlapPercent()) : Optional.empty(),
        data.coders().stream().map(Coder::name).toList(), data.documents().stream().map(DocumentSummary::name).toList(),
        filters, r.seed(), replicates, replicates == 0 ? "none" : r.resampleDocuments() ? "documents" : "units",
        now.toString(), notes);
  }
}
