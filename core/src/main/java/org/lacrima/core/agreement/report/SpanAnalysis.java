package org.lacrima.core.agreement.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lacrima.core.agreement.CharacterTable;
import org.lacrima.core.agreement.Estimate;
import org.lacrima.core.agreement.UnitizingAlpha;
import org.lacrima.core.agreement.UnitizingStudy;

/**
 * Agreement on free spans, position by position: Krippendorff's unitizing alpha per category and pooled,
 * over all documents concatenated into one continuum (as DKPro Agreement and INCEpTION pool), and
 * NVivo-style character kappa per pair of coders, per document and pooled by summing the tables.
 */
public final class SpanAnalysis {

  /** A category's character kappa for one pair of coders: pooled, and per document. */
  public record PairKappa(String first, String second, Figure kappa, Figure percentageAgreement,
      Map<String, Figure> kappaByDocument, long characters) {
    public PairKappa {
      kappaByDocument = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kappaByDocument));
    }
  }

  /** One category (or, with an empty key, all pooled): unitizing alpha and the character kappas. */
  public record SpanRow(String key, String label, String path, Figure unitizingAlpha, List<PairKappa> characterKappa) {
    public SpanRow {
      characterKappa = List.copyOf(characterKappa);
    }
  }

  /** Labels and paths of the categories by key, in the order of the report. */
  public record CategoryName(String key, String label, String path) {
  }

  private SpanAnalysis() {
  }

  public static List<SpanRow> analyse(List<SpanDocument> documents, List<String> coders, List<CategoryName> categories) {
    int m = coders.size();
    List<UnitizingStudy> studies = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (SpanDocument d : documents) {
      if (d.length() > 0) {
        studies.add(new UnitizingStudy(0, d.length(), m, d.spans()));
        names.add(d.name());
      }
    }
    List<SpanRow> rows = new ArrayList<>();
    if (studies.isEmpty()) {
      return nothingToCompare(coders, categories);
    }
    UnitizingStudy continuum = UnitizingStudy.concatenate(studies);
    for (CategoryName c : categories) {
      List<PairKappa> pairs = new ArrayList<>();
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          List<CharacterTable> tables = new ArrayList<>();
          Map<String, Figure> byDocument = new LinkedHashMap<>();
          for (int d = 0; d < studies.size(); d++) {
            CharacterTable t = CharacterTable.of(studies.get(d), c.key(), a, b);
            tables.add(t);
            byDocument.put(names.get(d), Figure.of(t.kappa()));
          }
          CharacterTable pooled = CharacterTable.pooled(tables);
          pairs.add(new PairKappa(coders.get(a), coders.get(b), Figure.of(pooled.kappa()),
              Figure.of(pooled.percentageAgreement()), byDocument, pooled.characters()));
        }
      }
      rows.add(new SpanRow(c.key(), c.label(), c.path(), Figure.of(UnitizingAlpha.forCategory(continuum, c.key())), pairs));
    }
    rows.add(new SpanRow("", "all categories pooled", "", Figure.of(UnitizingAlpha.pooled(continuum)), List.of()));
    return rows;
  }

  /** Rows whose every figure is undefined with the reason: an empty table would not say why nothing was compared. */
  private static List<SpanRow> nothingToCompare(List<String> coders, List<CategoryName> categories) {
    String why = SegmentMatching.NO_SHARED_DOCUMENT;
    List<SpanRow> rows = new ArrayList<>();
    for (CategoryName c : categories) {
      List<PairKappa> pairs = new ArrayList<>();
      for (int a = 0; a < coders.size(); a++) {
        for (int b = a + 1; b < coders.size(); b++) {
          pairs.add(new PairKappa(coders.get(a), coders.get(b), Figure.of(Estimate.undefined(CharacterTable.KAPPA_NAME,
              why)), Figure.of(Estimate.undefined("percentage_agreement", why)), Map.of(), 0));
        }
      }
      rows.add(new SpanRow(c.key(), c.label(), c.path(), Figure.of(Estimate.undefined(UnitizingAlpha.CATEGORY_NAME,
          why)), pairs));
    }
    rows.add(new SpanRow("", "all categories pooled", "", Figure.of(Estimate.undefined(UnitizingAlpha.NAME, why)),
        List.of()));
    return rows;
  }
}
