package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * NVivo's coding comparison for one category: the characters of a document counted by whether the first
 * coder, the second, both or neither coded them with the category. Overlapping spans of one coder count
 * each character once. Documents are pooled by adding their tables.
 */
public record CharacterTable(long both, long firstOnly, long secondOnly, long neither) {

  public static final String KAPPA_NAME = "character_kappa";

  public CharacterTable {
    if (both < 0 || firstOnly < 0 || secondOnly < 0 || neither < 0) {
      throw new IllegalArgumentException("character counts cannot be negative");
    }
  }

  /** The table of one category and two of the study's coders; the study's continuum is the document. */
  public static CharacterTable of(UnitizingStudy document, String category, int first, int second) {
    return of(document.length(), document.spans(), category, first, second);
  }

  /** The table from spans that may overlap (NVivo counts coverage, not spans). */
  public static CharacterTable of(long documentLength, List<CodedSpan> spans, String category, int first, int second) {
    List<long[]> a = coverage(spans, first, category);
    List<long[]> b = coverage(spans, second, category);
    long firstCoded = covered(a);
    long secondCoded = covered(b);
    long common = 0;
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      long from = Math.max(a.get(i)[0], b.get(j)[0]);
      long to = Math.min(a.get(i)[1], b.get(j)[1]);
      common += Math.max(0, to - from);
      if (a.get(i)[1] < b.get(j)[1]) {
        i++;
      } else {
        j++;
      }
    }
    long neither = documentLength - firstCoded - secondCoded + common;
    return new CharacterTable(common, firstCoded - common, secondCoded - common, neither);
  }

  public CharacterTable plus(CharacterTable other) {
    return new CharacterTable(both + other.both, firstOnly + other.firstOnly, secondOnly + other.secondOnly,
        neither + other.neither);
  }

  public static CharacterTable pooled(List<CharacterTable> documents) {
    CharacterTable sum = new CharacterTable(0, 0, 0, 0);
    for (CharacterTable t : documents) {
      sum = sum.plus(t);
    }
    return sum;
  }

  public long characters() {
    return both + firstOnly + secondOnly + neither;
  }

  /** The table as two coders' data over the values "coded" and "not_coded", one unit per character class. */
  public ReliabilityData asReliabilityData() {
    return ReliabilityData.fromContingency(ValueDomain.nominal(List.of("coded", "not_coded")),
        new long[][] {{both, firstOnly}, {secondOnly, neither}});
  }

  /** Cohen's kappa on the table, NVivo's kappa for the category. */
  public Estimate kappa() {
    Estimate e = new CohenKappa().estimate(asReliabilityData());
    return e.renamed(KAPPA_NAME);
  }

  /** Share of characters on which the coders agree (both or neither coded them). */
  public Estimate percentageAgreement() {
    return new PercentageAgreement().estimate(asReliabilityData());
  }

  private static List<long[]> coverage(List<CodedSpan> spans, int coder, String category) {
    List<long[]> extents = new ArrayList<>();
    for (CodedSpan s : spans) {
      if (s.coder() == coder && s.category().equals(category) && s.length() > 0) {
        extents.add(new long[] {s.begin(), s.end()});
      }
    }
    extents.sort(Comparator.comparingLong(e -> e[0]));
    List<long[]> merged = new ArrayList<>();
    for (long[] e : extents) {
      if (!merged.isEmpty() && e[0] <= merged.get(merged.size() - 1)[1]) {
        long[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], e[1]);
      } else {
        merged.add(e.clone());
      }
    }
    return merged;
  }

  private static long covered(List<long[]> extents) {
    long sum = 0;
    for (long[] e : extents) {
      sum += e[1] - e[0];
    }
    return sum;
  }
}
