package org.lacrima.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lacrima.core.agreement.CodedSpan;
import org.lacrima.core.agreement.CohenKappa;
import org.lacrima.core.agreement.Estimate;
import org.lacrima.core.agreement.JointBootstrap;
import org.lacrima.core.agreement.UnitProfiles;
import org.lacrima.core.agreement.UnitizingAlpha;
import org.lacrima.core.agreement.UnitizingStudy;
import org.lacrima.core.agreement.ValueDomain;
import org.lacrima.core.agreement.report.AgreementReport;
import org.lacrima.core.agreement.report.Figure;
import org.lacrima.core.agreement.report.ProfileAnalysis;
import org.lacrima.core.agreement.report.Provenance;
import org.lacrima.core.agreement.report.Row;
import org.lacrima.core.agreement.study.Variable;
import org.lacrima.io.report.AgreementJson;

/**
 * Lacrima's side of the agreement benchmark, one process per figure, from the files:
 *
 * <ul>
 * <li>{@code report CODING_FILE OUT [REPLICATES SEED [document]]}: the full per-category report (the units are the
 * file's units, 25 categories present/absent and the set of codes, as {@code AgreementStudy} makes them from
 * a project), written as JSON to {@code OUT.json}; with replicates, the joint bootstrap too (resampling units,
 * or with {@code document} whole documents);
 * <li>{@code unitizing SPAN_FILE OUT}: unitizing alpha over the documents concatenated, pooled and per
 * category.
 * </ul>
 *
 * Both also write {@code OUT.tsv}, one {@code key TAB value} line per figure, for the comparisons; the
 * report adds Cohen's kappa of the first two coders per category, which DKPro computes.
 */
public final class LacrimaFileRun {

  private LacrimaFileRun() {
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "report" -> report(Path.of(args[1]), Path.of(args[2]),
          args.length > 3 ? Integer.parseInt(args[3]) : 0, args.length > 4 ? Long.parseLong(args[4]) : 1,
          args.length > 5 && args[5].equals("document"));
      case "unitizing" -> unitizing(Path.of(args[1]), Path.of(args[2]));
      default -> throw new IllegalArgumentException("report or unitizing, not " + args[0]);
    }
    Phases.mark("values");
    HeapAtEnd.record();
  }

  static void report(Path file, Path out, int replicates, long seed, boolean byDocument) throws IOException {
    Phases.mark("start");
    int coders = CodingFile.coders(file);
    int categories = CodingFile.categories(file);
    int codeSet = categories;
    UnitProfiles.Builder builder = UnitProfiles.builder(categories + 1, coders);
    MaskIndex sets = new MaskIndex();
    int[] row = new int[(categories + 1) * coders];
    // no mask yet: the first unit looks every coder's set up, so sets are numbered where they first occur
    int[] previous = new int[coders];
    Arrays.fill(previous, -1);
    int[] documents = new int[1];
    CodingFile.read(file, coders, (document, masks) -> {
      // a unit has a few codes and often those of the unit before: only what changed is written into the row
      for (int k = 0; k < coders; k++) {
        int mask = masks[k];
        if (mask == previous[k]) {
          continue;
        }
        if (mask >>> categories != 0) {
          throw new IllegalArgumentException(file + ": a category id of " + categories + " or more in document " + document);
        }
        for (int bits = Math.max(previous[k], 0); bits != 0; bits &= bits - 1) {
          row[Integer.numberOfTrailingZeros(bits) * coders + k] = 0;
        }
        for (int bits = mask; bits != 0; bits &= bits - 1) {
          row[Integer.numberOfTrailingZeros(bits) * coders + k] = 1;
        }
        // the code sets in order of first appearance, unit by unit and coder by coder, as AgreementStudy numbers them
        row[codeSet * coders + k] = sets.indexOf(mask);
        previous[k] = mask;
      }
      builder.add(document, row);
      documents[0] = Math.max(documents[0], document + 1);
    });
    List<Variable> variables = new ArrayList<>();
    List<ValueDomain> domains = new ArrayList<>();
    for (int i = 0; i < categories; i++) {
      variables.add(new Variable(Variable.Kind.CATEGORY, i, new UUID(0, i + 1), categoryName(i), categoryName(i), 0));
      domains.add(ValueDomain.presence());
    }
    variables.add(new Variable(Variable.Kind.CODE_SET, codeSet, Variable.CODE_SET, "codes of a unit", "", 0));
    List<Set<Integer>> codeSets = new ArrayList<>();
    for (int mask : sets.masks()) {
      Set<Integer> s = new TreeSet<>();
      for (int i = 0; i < categories; i++) {
        if ((mask >>> i & 1) != 0) {
          s.add(i);
        }
      }
      codeSets.add(s);
    }
    domains.add(ValueDomain.nominal(codeSets.stream().map(s -> s.isEmpty() ? "no code"
        : s.stream().map(LacrimaFileRun::categoryName).collect(Collectors.joining(", ", "{", "}"))).toList()));
    Phases.mark("read and add");
    UnitProfiles profiles = builder.build(domains);
    Phases.mark("build");
    List<String> coderNames = coderNames(coders);
    Optional<JointBootstrap> bootstrap = replicates > 0 ? Optional.of(new JointBootstrap(seed, replicates, byDocument))
        : Optional.empty();
    ProfileAnalysis.Tables tables = ProfileAnalysis.analyse(profiles, variables, coderNames, codeSets, bootstrap);
    Phases.mark("analyse");

    List<String> names = new ArrayList<>();
    for (int d = 0; d < documents[0]; d++) {
      names.add(Integer.toString(d));
    }
    Provenance provenance = new Provenance("bench", file.getFileName().toString(), "-", 0, "unit", "unit", 0,
        Optional.empty(), coderNames, names, Map.of(), seed, replicates,
        replicates == 0 ? "none" : byDocument ? "documents" : "units",
        Instant.now().toString(), List.of(profiles.units() + " units, " + profiles.profiles() + " distinct profiles"));
    AgreementReport report = new AgreementReport(provenance, tables.categories(), tables.groups(), tables.overall(),
        tables.frequencies(), List.of(), Optional.empty(), List.of(), 0);
    try (Writer w = Files.newBufferedWriter(Path.of(out + ".json"), StandardCharsets.UTF_8)) {
      AgreementJson.write(report, w);
    }

    Phases.mark("json");
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < tables.categories().size(); i++) {
        Row r = tables.categories().get(i);
        for (Figure f : r.figures()) {
          write(w, "category/" + i + "/" + f.name(), f);
        }
        // DKPro's Cohen is for two coders: the first two, on the same units
        Estimate cohen = new CohenKappa().estimate(profiles.data(i).coders(0, 1));
        write(w, "category/" + i + "/cohen_kappa_coders_1_2", Figure.of(cohen));
      }
      for (Row r : tables.overall()) {
        for (Figure f : r.figures()) {
          write(w, r.kind().code() + "/" + f.name(), f);
        }
      }
    }
  }

  static void unitizing(Path file, Path out) throws IOException {
    SpanFile spans = SpanFile.read(file);
    List<List<CodedSpan>> byDocument = new ArrayList<>();
    for (int d = 0; d < spans.documents(); d++) {
      byDocument.add(new ArrayList<>());
    }
    for (int s = 0; s < spans.spans(); s++) {
      byDocument.get(spans.document()[s]).add(new CodedSpan(spans.coder()[s], spans.start()[s], spans.length()[s],
          CATEGORY_KEYS[spans.category()[s]]));
    }
    List<UnitizingStudy> documents = new ArrayList<>();
    for (int d = 0; d < spans.documents(); d++) {
      documents.add(new UnitizingStudy(0, spans.documentLength()[d], spans.coders(), byDocument.get(d)));
    }
    UnitizingStudy continuum = UnitizingStudy.concatenate(documents);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
      write(w, "unitizing/pooled", Figure.of(UnitizingAlpha.pooled(continuum)));
      for (String c : continuum.categories()) {
        write(w, "unitizing/category/" + c, Figure.of(UnitizingAlpha.forCategory(continuum, c)));
      }
    }
  }

  /** Category keys as the files number them; made once, so a span does not make its own String. */
  private static final String[] CATEGORY_KEYS = new String[CodingFile.MAX_CATEGORIES];

  static {
    Arrays.setAll(CATEGORY_KEYS, Integer::toString);
  }

  static String categoryName(int i) {
    return "category " + i;
  }

  static List<String> coderNames(int coders) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < coders; k++) {
      out.add(Character.toString('A' + k));
    }
    return out;
  }

  private static void write(BufferedWriter w, String key, Figure f) throws IOException {
    Estimate e = f.estimate();
    w.write(key + "\t" + (e.defined() ? String.format(Locale.ROOT, "%.17g", e.value().getAsDouble()) : "undefined"));
    w.newLine();
    if (f.interval().isPresent() && f.interval().get().lower().isPresent()) {
      w.write(key + "/ci_95\t" + String.format(Locale.ROOT, "%.17g %.17g", f.interval().get().lower().getAsDouble(),
          f.interval().get().upper().getAsDouble()));
      w.newLine();
    }
  }

  /** Indices of the distinct masks in order of first appearance; open addressing, no boxing per unit. */
  private static final class MaskIndex {
    private int[] keys = new int[1024];
    private int[] values = new int[1024];
    private int[] order = new int[64];
    private int size;

    MaskIndex() {
      Arrays.fill(keys, -1);
    }

    int indexOf(int mask) {
      int slot = mix(mask) & (keys.length - 1);
      while (keys[slot] != -1) {
        if (keys[slot] == mask) {
          return values[slot];
        }
        slot = (slot + 1) & (keys.length - 1);
      }
      keys[slot] = mask;
      values[slot] = size;
      if (size == order.length) {
        order = Arrays.copyOf(order, size * 2);
      }
      order[size] = mask;
      size++;
      if (size * 2 > keys.length) {
        grow();
      }
      return size - 1;
    }

    int[] masks() {
      return Arrays.copyOf(order, size);
    }

    private void grow() {
      int[] oldKeys = keys;
      int[] oldValues = values;
      keys = new int[oldKeys.length * 2];
      values = new int[oldKeys.length * 2];
      Arrays.fill(keys, -1);
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != -1) {
          int slot = mix(oldKeys[i]) & (keys.length - 1);
          while (keys[slot] != -1) {
            slot = (slot + 1) & (keys.length - 1);
          }
          keys[slot] = oldKeys[i];
          values[slot] = oldValues[i];
        }
      }
    }

    private static int mix(int x) {
      return x * 0x9E3779B9 >>> 7;
    }
  }
}
