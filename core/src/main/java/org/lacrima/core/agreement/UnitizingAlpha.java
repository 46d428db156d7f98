package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Krippendorff's (2004) unitizing alpha, 1 − Do/De per category, for two or more coders on integer positions,
 * computed as DKPro Agreement 2.2.1 does so that the figures compare:
 *
 * <ul>
 * <li>Do = Σ over ordered pairs of coders and their sections of δ² (see {@link Section#delta2}) / (m (m − 1) L²);
 * <li>De = (2/L) Σ over all coders' units of category c of [(N_c − 1)(2l³ − 3l² + l)/3 + l² Σ over all gaps
 * of length ≥ l of (gap − l + 1)] / (mL (mL − 1) − Σ l (l − 1)), N_c the number of such units.
 * </ul>
 *
 * The pooled alpha over categories is 1 − ΣDo_c / ΣDe_c (DKPro, INCEpTION); its parts Do and De are the means over
 * the categories with spans, as DKPro reports them, so that they compare too. Where there is nothing to
 * compare (no span of the category, or only spans of length 0) alpha is undefined with the reason; DKPro 2.3
 * reports 0.0 for the latter, which hides that nothing was coded.
 */
public final class UnitizingAlpha {

  public static final String NAME = "unitizing_alpha";
  public static final String CATEGORY_NAME = "unitizing_alpha_category";

  private UnitizingAlpha() {
  }

  public static Estimate forCategory(UnitizingStudy study, String category) {
    double observed = observed(study, category);
    Expected expected = expected(study, category);
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("Do", observed);
    parts.put("De", expected.value);
    parts.put("units", (double) expected.units);
    if (expected.units == 0) {
      return ChanceCorrected.undefined(CATEGORY_NAME, "no coder marked a span of this category", parts);
    }
    if (!(expected.value > 0)) {
      return ChanceCorrected.undefined(CATEGORY_NAME, "every span of this category"
          + " has length 0: nothing was coded, so there is no chance disagreement to compare with", parts);
    }
    return Estimate.of(CATEGORY_NAME, 1 - observed / expected.value, parts);
  }

  public static Estimate pooled(UnitizingStudy study) {
    double observed = 0;
    double expected = 0;
    for (String category : study.categories()) {
      observed += observed(study, category);
      expected += expected(study, category).value;
    }
    int categories = study.categories().size();
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("Do", categories == 0 ? 0 : observed / categories);
    parts.put("De", categories == 0 ? 0 : expected / categories);
    if (categories == 0) {
      return ChanceCorrected.undefined(NAME, "no coder marked a span", parts);
    }
    if (!(expected > 0)) {
      return ChanceCorrected.undefined(NAME, "every span has length 0: nothing was coded", parts);
    }
    return Estimate.of(NAME, 1 - observed / expected, parts);
  }

  static double observed(UnitizingStudy study, String category) {
    int m = study.coders();
    double sum = 0;
    for (int i = 0; i < m; i++) {
      List<Section> mine = study.sections(i, category);
      for (int j = i + 1; j < m; j++) {
        sum += pairDisagreement(mine, study.sections(j, category));
      }
    }
    double l = study.length();
    // each unordered pair of coders stands for its two orders
    return 2 * sum / ((double) m * (m - 1) * l * l);
  }

  /**
   * Σ δ² over the sections of two coders. Only sections whose closed extents meet can differ, and in two
   * partitions of one continuum those form a run, so each section is compared with a few neighbours.
   */
  private static double pairDisagreement(List<Section> first, List<Section> second) {
    double sum = 0;
    int start = 0;
    for (Section a : first) {
      while (start < second.size() && second.get(start).end() < a.begin()) {
        start++;
      }
      for (int j = start; j < second.size() && second.get(j).begin() <= a.end(); j++) {
        sum += Section.delta2(a, second.get(j));
      }
    }
    return sum;
  }

  private record Expected(double value, int units) {
  }

  private static Expected expected(UnitizingStudy study, String category) {
    List<Long> unitLengths = new ArrayList<>();
    List<Long> gapLengths = new ArrayList<>();
    for (int coder = 0; coder < study.coders(); coder++) {
      for (Section s : study.sections(coder, category)) {
        (s.coded() ? unitLengths : gapLengths).add(s.length());
      }
    }
    int units = unitLengths.size();
    if (units == 0) {
      return new Expected(0, 0);
    }
    long[] gaps = gapLengths.stream().mapToLong(Long::longValue).sorted().toArray();
    // suffix sums over the sorted gaps answer "Σ (gap − l + 1) over gaps ≥ l" for each unit in log time
    double[] suffix = new double[gaps.length + 1];
    for (int g = gaps.length - 1; g >= 0; g--) {
      suffix[g] = suffix[g + 1] + gaps[g];
    }
    double numerator = 0;
    double selfPairs = 0;
    for (long length : unitLengths) {
      double l = length;
      numerator += (units - 1) * (2 * l * l * l - 3 * l * l + l) / 3;
      int first = firstAtLeast(gaps, length);
      double longer = gaps.length - first;
      numerator += l * l * (suffix[first] - longer * (l - 1));
      selfPairs += l * (l - 1);
    }
    double ml = (double) study.coders() * study.length();
    double value = numerator * 2 / study.length() / (ml * (ml - 1) - selfPairs);
    return new Expected(value, units);
  }

  private static int firstAtLeast(long[] sorted, long value) {
    int index = Arrays.binarySearch(sorted, value);
    if (index < 0) {
      return -index - 1;
    }
    while (index > 0 && sorted[index - 1] == value) {
      index--;
    }
    return index;
  }
}
