package org.lacrima.core.agreement.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lacrima.core.agreement.CodedSpan;
import org.lacrima.core.agreement.Estimate;

/**
 * MAXQDA-compatible segment agreement for two coders, a compatibility mode: a coded segment agrees when
 * the other coder gave the same code to a segment overlapping it by at least the given share of the two
 * segments' union (in characters). Every segment of either coder is checked against the other coder, so a
 * matched pair counts once from each side, as MAXQDA's result table does. Percent agreement is
 * agreements / (agreements + non-matches); kappa is Brennan and Prediger's with chance 1 / number of codes.
 */
public final class SegmentMatching {

  /** One code's counts: segments that found a match, and those of either coder that did not. */
  public record CodeRow(String key, String label, String path, long agreements, long firstOnly, long secondOnly,
      Figure percentageAgreement) {
  }

  /** The whole comparison: one row per code, the totals, and the unmatched segments to look at. */
  public record Result(int overlapPercent, List<CodeRow> codes, long agreements, long disagreements,
      Figure percentageAgreement, Figure kappa, List<Unmatched> unmatched) {
    public Result {
      codes = List.copyOf(codes);
      unmatched = List.copyOf(unmatched);
    }
  }

  /** A segment of one coder with no match at the other. */
  public record Unmatched(String document, String coder, String key, long start, long end) {
  }

  /** Why nothing was compared where no document has codings of every coder compared (the rest are left out). */
  static final String NO_SHARED_DOCUMENT = "no document of the study has codings of every coder compared (the notes "
      + "name the documents left out)";

  private SegmentMatching() {
  }

  public static Result analyse(List<SpanDocument> documents, List<String> coders,
      List<SpanAnalysis.CategoryName> categories, int overlapPercent) {
    if (coders.size() != 2) {
      throw new IllegalArgumentException("MAXQDA's segment matching compares two coders, not " + coders.size());
    }
    List<CodeRow> rows = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    long agreeTotal = 0;
    long disagreeTotal = 0;
    for (SpanAnalysis.CategoryName c : categories) {
      long agree = 0;
      long firstOnly = 0;
      long secondOnly = 0;
      for (SpanDocument d : documents) {
        List<CodedSpan> first = of(d, 0, c.key());
        List<CodedSpan> second = of(d, 1, c.key());
        for (CodedSpan s : first) {
          if (matches(s, second, overlapPercent)) {
            agree++;
          } else {
            firstOnly++;
            unmatched.add(new Unmatched(d.name(), coders.get(0), c.key(), s.begin(), s.end()));
          }
        }
        for (CodedSpan s : second) {
          if (matches(s, first, overlapPercent)) {
            agree++;
          } else {
            secondOnly++;
            unmatched.add(new Unmatched(d.name(), coders.get(1), c.key(), s.begin(), s.end()));
          }
        }
      }
      if (agree + firstOnly + secondOnly == 0) {
        // MAXQDA's table lists the codes the two coders used, and chance agreement is 1 over their number
        continue;
      }
      rows.add(new CodeRow(c.key(), c.label(), c.path(), agree, firstOnly, secondOnly,
          Figure.of(percentage(agree, firstOnly + secondOnly, ""))));
      agreeTotal += agree;
      disagreeTotal += firstOnly + secondOnly;
    }
    Estimate po = percentage(agreeTotal, disagreeTotal,
        documents.isEmpty() ? NO_SHARED_DOCUMENT : "neither coder coded a segment");
    return new Result(overlapPercent, rows, agreeTotal, disagreeTotal, Figure.of(po),
        Figure.of(kappa(po, rows.size())), unmatched);
  }

  private static List<CodedSpan> of(SpanDocument d, int coder, String key) {
    return d.spans().stream().filter(s -> s.coder() == coder && s.category().equals(key) && s.length() > 0).toList();
  }

  private static boolean matches(CodedSpan s, List<CodedSpan> others, int overlapPercent) {
    for (CodedSpan o : others) {
      long overlap = Math.min(s.end(), o.end()) - Math.max(s.begin(), o.begin());
      if (overlap <= 0) {
        continue;
      }
      long union = Math.max(s.end(), o.end()) - Math.min(s.begin(), o.begin());
      if (overlap * 100 >= (long) overlapPercent * union) {
        return true;
      }
    }
    return false;
  }

  private static Estimate percentage(long agree, long disagree, String whyNone) {
    String name = "percentage_agreement";
    if (agree + disagree == 0) {
      return Estimate.undefined(name, whyNone);
    }
    return Estimate.of(name, (double) agree / (agree + disagree), Map.of("agreements", (double) agree,
        "non_matches", (double) disagree));
  }

  private static Estimate kappa(Estimate po, int codes) {
    String name = "brennan_prediger_kappa";
    if (!po.defined()) {
      return Estimate.undefined(name, po.undefinedBecause().orElseThrow());
    }
    if (codes < 2) {
      return Estimate.undefined(name, "chance agreement 1/q needs at least two codes, here " + codes);
    }
    double pc = 1.0 / codes;
    return Estimate.of(name, (po.value().getAsDouble() - pc) / (1 - pc), Map.of("Ao", po.value().getAsDouble(),
        "Ae", pc, "q", (double) codes));
  }
}
