package org.lacrima.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.dkpro.statistics.agreement.coding.CodingAnnotationStudy;
import org.dkpro.statistics.agreement.coding.CohenKappaAgreement;
import org.dkpro.statistics.agreement.coding.FleissKappaAgreement;
import org.dkpro.statistics.agreement.coding.KrippendorffAlphaAgreement;
import org.dkpro.statistics.agreement.distance.NominalDistanceFunction;
import org.dkpro.statistics.agreement.unitizing.KrippendorffAlphaUnitizingAgreement;
import org.dkpro.statistics.agreement.unitizing.UnitizingAnnotationStudy;

/**
 * The peer's side of the agreement benchmark: DKPro Agreement 2.2.1 on the same files, in its own process
 * with only DKPro and this module's readers on the class path.
 *
 * <ul>
 * <li>{@code coding CODING_FILE OUT}: per category, one category-vs-rest {@link CodingAnnotationStudy} (the
 * category present or absent for each coder in each unit) with Krippendorff's alpha (nominal distance),
 * Fleiss' kappa, and Cohen's kappa of the first two coders. The studies are made one after another, each
 * dropped before the next, which is the easiest on DKPro's memory;
 * <li>{@code unitizing SPAN_FILE OUT [per-category]}: {@link KrippendorffAlphaUnitizingAgreement} over one
 * corpus-wide continuum, the documents one after another, as DKPro's users (INCEpTION) pool them; and with
 * {@code per-category} also each category's alpha.
 * </ul>
 *
 * Writes {@code OUT.tsv} with the same keys as {@link LacrimaFileRun}.
 */
public final class DkproRun {

  private DkproRun() {
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "coding" -> coding(Path.of(args[1]), Path.of(args[2]));
      case "unitizing" -> unitizing(Path.of(args[1]), Path.of(args[2]), args.length > 3 && args[3].equals("per-category"));
      default -> throw new IllegalArgumentException("coding or unitizing, not " + args[0]);
    }
    HeapAtEnd.record();
  }

  static void coding(Path file, Path out) throws IOException {
    int coders = CodingFile.coders(file);
    int categories = CodingFile.categories(file);
    int[][] masks = {new int[1 << 16]};
    int[] size = new int[1];
    CodingFile.read(file, coders, (document, m) -> {
      if (size[0] + coders > masks[0].length) {
        masks[0] = Arrays.copyOf(masks[0], masks[0].length * 2);
      }
      System.arraycopy(m, 0, masks[0], size[0], coders);
      size[0] += coders;
    });
    int units = size[0] / coders;
    int[] all = masks[0];
    Integer absent = 0;
    Integer present = 1;
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
      for (int c = 0; c < categories; c++) {
        CodingAnnotationStudy study = new CodingAnnotationStudy(coders);
        for (int u = 0; u < units; u++) {
          Object[] values = new Object[coders];
          for (int k = 0; k < coders; k++) {
            values[k] = (all[u * coders + k] >>> c & 1) != 0 ? present : absent;
          }
          study.addItemAsArray(values);
        }
        write(w, "category/" + c + "/krippendorff_alpha_nominal",
            new KrippendorffAlphaAgreement(study, new NominalDistanceFunction()).calculateAgreement());
        write(w, "category/" + c + "/fleiss_category_kappa", new FleissKappaAgreement(study).calculateAgreement());
        CodingAnnotationStudy firstTwo = coders == 2 ? study : study.extractRaters(0, 1);
        write(w, "category/" + c + "/cohen_kappa_coders_1_2", new CohenKappaAgreement(firstTwo).calculateAgreement());
      }
    }
  }

  static void unitizing(Path file, Path out, boolean perCategory) throws IOException {
    SpanFile spans = SpanFile.read(file);
    long[] offset = new long[spans.documents()];
    for (int d = 1; d < offset.length; d++) {
      offset[d] = offset[d - 1] + spans.documentLength()[d - 1];
    }
    UnitizingAnnotationStudy study = new UnitizingAnnotationStudy(spans.coders(), 0, spans.totalLength());
    String[] keys = new String[CodingFile.MAX_CATEGORIES];
    Arrays.setAll(keys, Integer::toString);
    for (int s = 0; s < spans.spans(); s++) {
      study.addUnit(offset[spans.document()[s]] + spans.start()[s], spans.length()[s], spans.coder()[s],
          keys[spans.category()[s]]);
    }
    KrippendorffAlphaUnitizingAgreement alpha = new KrippendorffAlphaUnitizingAgreement(study);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(out + ".tsv"), StandardCharsets.UTF_8)) {
      write(w, "unitizing/pooled", alpha.calculateAgreement());
      if (perCategory) {
        for (Object c : study.getCategories()) {
          write(w, "unitizing/category/" + c, alpha.calculateCategoryAgreement(c));
        }
      }
    }
  }

  private static void write(BufferedWriter w, String key, double value) throws IOException {
    w.write(key + "\t" + (Double.isNaN(value) ? "undefined" : String.format(Locale.ROOT, "%.17g", value)));
    w.newLine();
  }
}
