package org.lacrima.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Coding and span data for the agreement benchmark where {@code ../shared/bench/gen_coding_data.py} is not
 * at hand (a fresh checkout): the same model, parameters and file format, our own code on a
 * {@link SplittableRandom}, so the files are statistically alike but not the same bytes. The model, in
 * short: 25 categories in 5 families of 5 confusable siblings, Zipf-like prevalence, two families boosted
 * per document, 45 % of codes carried over from the previous unit; 0/1/2 codes per unit with p = .20/.55/.25;
 * 30 % of units hard, where coders deviate with p = .55 (else .04), mostly to one shared alternative reading;
 * coder 1 over-codes, coder 2 under-codes. Spans: documents of about 60,000 characters, about 40 spans by
 * coder 0, which the other coders copy with jittered boundaries, dropping 10 % and adding 10 %.
 */
final class CodingDataGenerator {

  static final long SEED = 20240521;
  static final int UNITS_PER_DOCUMENT = 300;
  static final int CATEGORIES = 25;
  private static final int FAMILY = 5;
  private static final double[] P_CODES = {0.20, 0.55, 0.25};
  private static final double P_CARRY = 0.45;
  private static final double P_HARD = 0.30;
  private static final double P_DEVIATE_EASY = 0.04;
  private static final double P_DEVIATE_HARD = 0.55;
  private static final double P_SHARED = 0.65;
  /** Per coder, weights of an idiosyncratic slip: add, drop, swap. */
  private static final int[][] STYLES = {{1, 1, 2}, {3, 1, 1}, {1, 3, 1}};
  private static final int SPANS_MIN = 34;
  private static final int SPANS_MAX = 46;
  private static final int SPAN_MIN = 50;
  private static final int SPAN_MAX = 800;
  private static final int JITTER = 60;
  private static final double P_MISS = 0.10;
  private static final double P_EXTRA = 0.10;
  private static final int SAME_CATEGORY_GAP = 2 * JITTER + 10;

  /** A size of the benchmark: documents and coders. */
  record Size(String name, int documents, int coders, int index) {
  }

  static final List<Size> SIZES = List.of(new Size("S", 33, 2, 0), new Size("M", 1000, 3, 1), new Size("L", 10000, 3, 2));

  private final SplittableRandom random;
  private final double[] base = new double[CATEGORIES];

  private CodingDataGenerator(long seed) {
    random = new SplittableRandom(seed);
    for (int c = 0; c < CATEGORIES; c++) {
      base[c] = 1.0 / Math.pow(c + 1, 0.8);
    }
  }

  static Size size(String name) {
    return SIZES.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("sizes are S, M and L, not " + name));
  }

  /** Writes {@code coding_X.tsv} and {@code spans_X.tsv} into {@code folder}. */
  static void generate(Size size, Path folder) throws IOException {
    Files.createDirectories(folder);
    CodingDataGenerator g = new CodingDataGenerator(SEED * 100 + size.index());
    Path coding = folder.resolve("coding_" + size.name() + ".tsv");
    Path spans = folder.resolve("spans_" + size.name() + ".tsv");
    try (BufferedWriter w = Files.newBufferedWriter(coding, StandardCharsets.US_ASCII)) {
      g.coding(size, w);
    }
    try (BufferedWriter w = Files.newBufferedWriter(spans, StandardCharsets.US_ASCII)) {
      g.spans(size, w);
    }
  }

  private void coding(Size size, Writer out) throws IOException {
    out.write("# CodingDataGenerator (Java) coding docs=" + size.documents() + " units_per_doc=" + UNITS_PER_DOCUMENT
        + " coders=" + size.coders() + " categories=" + CATEGORIES + " seed=" + SEED + "\n");
    StringBuilder line = new StringBuilder();
    for (int d = 0; d < size.documents(); d++) {
      double[] cumulative = documentProfile();
      List<Integer> previous = List.of();
      for (int u = 0; u < UNITS_PER_DOCUMENT; u++) {
        List<Integer> truth = truth(cumulative, previous);
        if (!truth.isEmpty()) {
          previous = truth;
        }
        boolean hard = random.nextDouble() < P_HARD;
        List<Integer> shared = hard ? alternative(cumulative, truth, random.nextInt(3)) : null;
        line.setLength(0);
        line.append(d).append('\t').append(u);
        for (int k = 0; k < size.coders(); k++) {
          List<Integer> set = truth;
          if (random.nextDouble() < (hard ? P_DEVIATE_HARD : P_DEVIATE_EASY)) {
            set = hard && random.nextDouble() < P_SHARED ? shared
                : alternative(cumulative, truth, weighted(STYLES[k % STYLES.length]));
          }
          line.append('\t').append(format(set));
        }
        out.write(line.append('\n').toString());
      }
    }
  }

  private void spans(Size size, Writer out) throws IOException {
    out.write("# CodingDataGenerator (Java) spans docs=" + size.documents() + " coders=" + size.coders()
        + " categories=" + CATEGORIES + " seed=" + SEED + " len~N(60000,5000) spans/coder~U(" + SPANS_MIN + ","
        + SPANS_MAX + ") span_len=loguniform(" + SPAN_MIN + "," + SPAN_MAX + ") jitter=+-" + JITTER + " miss="
        + P_MISS + " extra=" + P_EXTRA + "\n");
    for (int d = 0; d < size.documents(); d++) {
      double[] cumulative = documentProfile();
      int length = (int) Math.min(75000, Math.max(45000, 60000 + 5000 * random.nextGaussian()));
      Map<Integer, List<int[]>> firstByCategory = new HashMap<>();
      List<int[]> first = new ArrayList<>();
      int n = random.nextInt(SPANS_MIN, SPANS_MAX + 1);
      for (int i = 0; i < n; i++) {
        int[] span = place(cumulative, length, firstByCategory, SAME_CATEGORY_GAP);
        if (span != null) {
          first.add(span);
        }
      }
      out.write("D\t" + d + "\t" + length + "\n");
      write(out, d, 0, first);
      for (int k = 1; k < size.coders(); k++) {
        Map<Integer, List<int[]>> byCategory = new HashMap<>();
        List<int[]> mine = new ArrayList<>();
        for (int[] s : first) {
          if (random.nextDouble() < P_MISS) {
            continue;
          }
          int start;
          int end;
          do {
            start = s[0] + random.nextInt(-JITTER, JITTER + 1);
            end = s[0] + s[1] + random.nextInt(-JITTER, JITTER + 1);
          } while (end - start < 10);
          mine.add(new int[] {start, end - start, s[2]});
          byCategory.computeIfAbsent(s[2], c -> new ArrayList<>()).add(new int[] {start, end});
        }
        for (int i = 0; i < first.size(); i++) {
          if (random.nextDouble() < P_EXTRA) {
            int[] extra = place(cumulative, length, byCategory, 1);
            if (extra != null) {
              mine.add(extra);
            }
          }
        }
        write(out, d, k, mine);
      }
    }
  }

  private static void write(Writer out, int document, int coder, List<int[]> spans) throws IOException {
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : a[1] != b[1] ? Integer.compare(a[1], b[1])
        : Integer.compare(a[2], b[2]));
    for (int[] s : spans) {
      out.write("S\t" + document + "\t" + coder + "\t" + s[0] + "\t" + s[1] + "\t" + s[2] + "\n");
    }
  }

  /** A span {start, length, category} that keeps {@code gap} from the coder's spans of its category, or null. */
  private int[] place(double[] cumulative, int documentLength, Map<Integer, List<int[]>> byCategory, int gap) {
    double low = Math.log(SPAN_MIN);
    double high = Math.log(SPAN_MAX + 1);
    for (int attempt = 0; attempt < 100; attempt++) {
      int c = category(cumulative);
      int length = Math.min(SPAN_MAX, (int) Math.exp(low + (high - low) * random.nextDouble()));
      int start = random.nextInt(JITTER, documentLength - length - JITTER);
      boolean free = true;
      for (int[] other : byCategory.getOrDefault(c, List.of())) {
        free &= start + length + gap <= other[0] || other[1] + gap <= start;
      }
      if (free) {
        byCategory.computeIfAbsent(c, x -> new ArrayList<>()).add(new int[] {start, start + length});
        return new int[] {start, length, c};
      }
    }
    return null;
  }

  /** Cumulative category weights of a document: two of the five families three times as likely. */
  private double[] documentProfile() {
    int first = random.nextInt(CATEGORIES / FAMILY);
    int second = random.nextInt(CATEGORIES / FAMILY - 1);
    if (second >= first) {
      second++;
    }
    double[] cumulative = new double[CATEGORIES];
    double total = 0;
    for (int c = 0; c < CATEGORIES; c++) {
      int family = c / FAMILY;
      total += base[c] * (family == first || family == second ? 3.0 : 1.0);
      cumulative[c] = total;
    }
    return cumulative;
  }

  private int category(double[] cumulative) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private int sibling(int c) {
    int s = random.nextInt(FAMILY - 1);
    if (s >= c % FAMILY) {
      s++;
    }
    return c / FAMILY * FAMILY + s;
  }

  private List<Integer> truth(double[] cumulative, List<Integer> previous) {
    double r = random.nextDouble();
    int k = r < P_CODES[0] ? 0 : r < P_CODES[0] + P_CODES[1] ? 1 : 2;
    List<Integer> set = new ArrayList<>();
    while (set.size() < k) {
      int c = !previous.isEmpty() && random.nextDouble() < P_CARRY ? previous.get(random.nextInt(previous.size()))
          : category(cumulative);
      if (!set.contains(c)) {
        set.add(c);
      }
    }
    return set;
  }

  /** Another reading of a unit's codes: 0 one added, 1 one dropped, 2 one swapped for a sibling. */
  private List<Integer> alternative(double[] cumulative, List<Integer> truth, int kind) {
    List<Integer> set = new ArrayList<>(truth);
    if (kind == 1 && !set.isEmpty()) {
      set.remove(random.nextInt(set.size()));
    } else if (kind == 2 && !set.isEmpty()) {
      int i = random.nextInt(set.size());
      int c = sibling(set.get(i));
      if (!set.contains(c)) {
        set.set(i, c);
      }
    } else if (set.size() >= 2) {
      set.remove(random.nextInt(set.size()));
    } else {
      int c = !set.isEmpty() && random.nextDouble() < 0.6 ? sibling(set.get(0)) : category(cumulative);
      if (!set.contains(c)) {
        set.add(c);
      }
    }
    return set;
  }

  private int weighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static String format(List<Integer> set) {
    if (set.isEmpty()) {
      return "-";
    }
    List<Integer> sorted = new ArrayList<>(set);
    sorted.sort(null);
    StringBuilder b = new StringBuilder();
    for (int c : sorted) {
      if (b.length() > 0) {
        b.append(',');
      }
      b.append(c);
    }
    return b.toString();
  }
}
