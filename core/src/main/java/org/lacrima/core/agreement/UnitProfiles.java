package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several variables judged on the same units (every category, every exclusive group, the set of codes),
 * reduced to what agreement needs: the distinct unit profiles (a profile is one unit's values of every
 * variable for every coder) with how often each occurs, overall and per document.
 *
 * <p>Every coefficient is a weighted sum over units, so a variable's data are its distinct patterns
 * (one variable's values for every coder) weighted by how many units show them; a study of 300,000 units
 * and 25 categories becomes a few dozen rows per category. A bootstrap replicate is then new profile
 * weights, turned into pattern weights by one pass over the profiles that touches only the variables where
 * a profile departs from its usual pattern. This is our own code: the agreement libraries we know of
 * (DKPro Agreement, irrCAC, NLTK) rebuild the data for every category and replicate, which is what makes
 * them slow on a corpus.
 */
public final class UnitProfiles {

  private final List<ValueDomain> domains;
  private final int coders;
  private final int units;
  private final int[] profileOfUnit;
  private final int[] documentOfUnit;
  private final int documents;
  private final int[][] profiles;
  private final double[] counts;
  private final int[][] profilesOfDocument;
  private final int[][] countsOfDocument;
  private final Patterns patterns;
  private Patterns.Weighing observed;

  private UnitProfiles(Builder b, List<ValueDomain> domains) {
    this.domains = List.copyOf(domains);
    this.coders = b.coders;
    this.units = b.units;
    this.profileOfUnit = Arrays.copyOf(b.profileOfUnit, b.units);
    this.documentOfUnit = Arrays.copyOf(b.documentOfUnit, b.units);
    this.profiles = b.rows.toArray(int[][]::new);
    this.counts = new double[profiles.length];
    for (int u = 0; u < units; u++) {
      counts[profileOfUnit[u]]++;
    }
    int docs = 0;
    for (int u = 0; u < units; u++) {
      docs = Math.max(docs, documentOfUnit[u] + 1);
    }
    this.documents = docs;
    // each document's distinct profiles and their counts: the units sorted by document with a counting sort,
    // then one pass with a stamp per profile, instead of a boxed map per document; the profiles stay in the
    // order they first occur (a document's draw adds whole counts, exact in any order)
    int[] firstOfDocument = new int[docs + 1];
    for (int u = 0; u < units; u++) {
      firstOfDocument[documentOfUnit[u] + 1]++;
    }
    for (int d = 0; d < docs; d++) {
      firstOfDocument[d + 1] += firstOfDocument[d];
    }
    int[] byDocument = new int[units];
    int[] next = Arrays.copyOf(firstOfDocument, docs);
    for (int u = 0; u < units; u++) {
      byDocument[next[documentOfUnit[u]]++] = profileOfUnit[u];
    }
    this.profilesOfDocument = new int[docs][];
    this.countsOfDocument = new int[docs][];
    int[] stamp = new int[profiles.length];
    Arrays.fill(stamp, -1);
    int[] seen = new int[profiles.length];
    int[] scratch = new int[Math.min(profiles.length, 1024)];
    for (int d = 0; d < docs; d++) {
      int distinct = 0;
      for (int i = firstOfDocument[d]; i < firstOfDocument[d + 1]; i++) {
        int p = byDocument[i];
        if (stamp[p] != d) {
          stamp[p] = d;
          seen[p] = 0;
          if (distinct == scratch.length) {
            scratch = Arrays.copyOf(scratch, distinct * 2);
          }
          scratch[distinct++] = p;
        }
        seen[p]++;
      }
      int[] ps = Arrays.copyOf(scratch, distinct);
      int[] cs = new int[distinct];
      for (int j = 0; j < distinct; j++) {
        cs[j] = seen[ps[j]];
      }
      profilesOfDocument[d] = ps;
      countsOfDocument[d] = cs;
    }
    int[] sizes = new int[domains.size()];
    for (int v = 0; v < sizes.length; v++) {
      sizes[v] = domains.get(v).size();
    }
    if (!withinDomains(sizes)) {
      // the first bad value variable by variable, as the message has always named it
      for (int v = 0; v < sizes.length; v++) {
        for (int[] p : profiles) {
          for (int k = 0; k < coders; k++) {
            int value = p[v * coders + k];
            if (value != ReliabilityData.MISSING && (value < 0 || value >= sizes[v])) {
              throw new IllegalArgumentException("variable " + v + " has value " + value + " outside its domain of "
                  + sizes[v]);
            }
          }
        }
      }
    }
    this.patterns = new Patterns(this);
  }

  /** Whether every value lies in its variable's domain; profile by profile, the order they lie in memory. */
  private boolean withinDomains(int[] sizes) {
    for (int[] p : profiles) {
      for (int v = 0; v < sizes.length; v++) {
        int size = sizes[v];
        for (int k = 0; k < coders; k++) {
          int value = p[v * coders + k];
          if (value != ReliabilityData.MISSING && (value < 0 || value >= size)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Collects units one by one; {@code variables × coders} values per unit. */
  public static Builder builder(int variables, int coders) {
    return new Builder(variables, coders);
  }

  /** Adds units without keeping them: identical units share one profile. */
  public static final class Builder {
    private final int variables;
    private final int coders;
    private final List<int[]> rows = new ArrayList<>();
    // open addressing over the rows by content: slot holds profile id + 1 (0 empty); a boxed map keyed by
    // a wrapper was most of the time it took to add 300,000 units
    private int[] slots = new int[1024];
    private int[] hashOfRow = new int[256];
    private int[] profileOfUnit = new int[1024];
    private int[] documentOfUnit = new int[1024];
    private int units;

    private Builder(int variables, int coders) {
      if (coders < 1) {
        throw new IllegalArgumentException("at least one coder");
      }
      this.variables = variables;
      this.coders = coders;
    }

    /**
     * One unit of document {@code document} (0, 1, …): {@code values[v * coders + k]} is coder k's value of
     * variable v, or {@link ReliabilityData#MISSING}. The array is copied only if the profile is new.
     */
    public Builder add(int document, int[] values) {
      if (values.length != variables * coders) {
        throw new IllegalArgumentException(values.length + " values for " + variables + " variables and " + coders
            + " coders");
      }
      if (document < 0) {
        throw new IllegalArgumentException("document index " + document);
      }
      int id = idOf(values);
      if (units == profileOfUnit.length) {
        profileOfUnit = Arrays.copyOf(profileOfUnit, units * 2);
        documentOfUnit = Arrays.copyOf(documentOfUnit, units * 2);
      }
      profileOfUnit[units] = id;
      documentOfUnit[units] = document;
      units++;
      return this;
    }

    private int idOf(int[] values) {
      int hash = Arrays.hashCode(values);
      int mask = slots.length - 1;
      int slot = spread(hash) & mask;
      while (slots[slot] != 0) {
        int id = slots[slot] - 1;
        if (hashOfRow[id] == hash && Arrays.equals(rows.get(id), values)) {
          return id;
        }
        slot = (slot + 1) & mask;
      }
      int id = rows.size();
      rows.add(values.clone());
      if (id == hashOfRow.length) {
        hashOfRow = Arrays.copyOf(hashOfRow, id * 2);
      }
      hashOfRow[id] = hash;
      slots[slot] = id + 1;
      if (2 * rows.size() > slots.length) {
        slots = rehash(slots.length * 2, hashOfRow, rows.size());
      }
      return id;
    }

    /** The domains of the variables, known once every unit is in (the sets of codes that occur, say). */
    public UnitProfiles build(List<ValueDomain> domains) {
      if (domains.size() != variables) {
        throw new IllegalArgumentException(domains.size() + " domains for " + variables + " variables");
      }
      return new UnitProfiles(this, domains);
    }
  }

  /** A table of {@code size} slots (a power of two) for ids 0..count − 1 with the given hashes. */
  private static int[] rehash(int size, int[] hashOf, int count) {
    int[] slots = new int[size];
    int mask = size - 1;
    for (int id = 0; id < count; id++) {
      int slot = spread(hashOf[id]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
    return slots;
  }

  /** Arrays.hashCode varies mostly in its low bits for small values; mix the high ones in. */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  public int units() {
    return units;
  }

  public int variables() {
    return domains.size();
  }

  public int coders() {
    return coders;
  }

  public int documents() {
    return documents;
  }

  /** How many distinct profiles the units show. */
  public int profiles() {
    return profiles.length;
  }

  public ValueDomain domain(int variable) {
    return domains.get(variable);
  }

  public int documentOf(int unit) {
    return documentOfUnit[unit];
  }

  /** Which of the distinct profiles unit {@code unit} shows: units of one profile have the same values throughout. */
  public int profileOf(int unit) {
    return profileOfUnit[unit];
  }

  /** Coder {@code coder}'s value of variable {@code variable} in units of profile {@code profile}. */
  public int valueOfProfile(int profile, int variable, int coder) {
    return profiles[profile][variable * coders + coder];
  }

  /** Coder {@code coder}'s value of variable {@code variable} in unit {@code unit}. */
  public int value(int unit, int variable, int coder) {
    return profiles[profileOfUnit[unit]][variable * coders + coder];
  }

  /** A variable's data: its distinct patterns, each weighted by the number of units showing it. */
  public ReliabilityData data(int variable) {
    return observed().data(variable);
  }

  /**
   * Several variables of one domain stacked into one, every (unit, variable) pair a unit: the pooled data of
   * all categories against absence, say.
   */
  public ReliabilityData pooled(int[] variables) {
    return observed().pooled(variables);
  }

  /**
   * The pattern weights of the units as observed, worked out once for every dictionary: a report asks for
   * each variable in turn, and each dictionary's weights take a pass over all profiles.
   */
  synchronized Patterns.Weighing observed() {
    if (observed == null) {
      observed = patterns.new Weighing(counts).complete();
    }
    return observed;
  }

  /** Profile weights of a resample: how often each profile was drawn. */
  double[] profileWeights(boolean byDocument, java.util.SplittableRandom random) {
    double[] w = new double[profiles.length];
    if (byDocument) {
      for (int i = 0; i < documents; i++) {
        int d = Resampling.below(random, documents);
        int[] ps = profilesOfDocument[d];
        int[] cs = countsOfDocument[d];
        for (int j = 0; j < ps.length; j++) {
          w[ps[j]] += cs[j];
        }
      }
    } else {
      for (int i = 0; i < units; i++) {
        w[profileOfUnit[Resampling.below(random, units)]]++;
      }
    }
    return w;
  }

  Patterns patterns() {
    return patterns;
  }

  int[] profile(int p) {
    return profiles[p];
  }

  double[] counts() {
    return counts;
  }

  /**
   * The distinct patterns of the variables. Variables with equal domains share one dictionary of patterns,
   * so their data can be stacked; per profile, each dictionary has a usual pattern (the one most of its
   * variables show there), and only the variables departing from it are listed.
   */
  static final class Patterns {
    private final UnitProfiles profiles;
    private final int[] dictionaryOf;
    private final int[] memberIndex;
    private final List<List<int[]>> dictionaries = new ArrayList<>();
    private final List<List<Integer>> variablesOf = new ArrayList<>();
    private final int[][] usual;
    private final int[][] exceptionStart;
    private final int[][] exceptionVariable;
    private final int[][] exceptionPattern;
    private final ReliabilityData[] templates;

    private Patterns(UnitProfiles up) {
      this.profiles = up;
      int vars = up.domains.size();
      int c = up.coders;
      dictionaryOf = new int[vars];
      memberIndex = new int[vars];
      templates = new ReliabilityData[vars];
      Map<ValueDomain, Integer> byDomain = new HashMap<>();
      for (int v = 0; v < vars; v++) {
        int d = byDomain.computeIfAbsent(up.domains.get(v), x -> {
          dictionaries.add(new ArrayList<>());
          variablesOf.add(new ArrayList<>());
          return dictionaries.size() - 1;
        });
        dictionaryOf[v] = d;
        memberIndex[v] = variablesOf.get(d).size();
        variablesOf.get(d).add(v);
      }
      int nd = dictionaries.size();
      int np = up.profiles.length;
      usual = new int[nd][np];
      exceptionStart = new int[nd][np + 1];
      exceptionVariable = new int[nd][];
      exceptionPattern = new int[nd][];
      for (int d = 0; d < nd; d++) {
        int[] members = variablesOf.get(d).stream().mapToInt(Integer::intValue).toArray();
        PatternIndex index = new PatternIndex(dictionaries.get(d), c);
        int[] patternOf = new int[members.length];
        int[] tally = new int[16];
        IntList excVar = new IntList();
        IntList excPat = new IntList();
        for (int p = 0; p < np; p++) {
          int[] row = up.profiles[p];
          for (int i = 0; i < members.length; i++) {
            patternOf[i] = index.idOf(row, members[i] * c);
          }
          if (tally.length < index.size()) {
            tally = new int[Math.max(index.size(), tally.length * 2)];
          }
          int mode = mode(patternOf, tally);
          usual[d][p] = mode;
          exceptionStart[d][p] = excVar.size;
          for (int i = 0; i < members.length; i++) {
            if (patternOf[i] != mode) {
              excVar.add(i);
              excPat.add(patternOf[i]);
            }
          }
        }
        exceptionStart[d][np] = excVar.size;
        exceptionVariable[d] = excVar.toArray();
        exceptionPattern[d] = excPat.toArray();
      }
      for (int v = 0; v < vars; v++) {
        List<int[]> dict = dictionaries.get(dictionaryOf[v]);
        templates[v] = new ReliabilityData(up.domains.get(v), c, dict.toArray(int[][]::new), new double[dict.size()]);
      }
    }

    /**
     * The most frequent value, the smallest of several equally frequent ones (0 for none). {@code tally} is
     * zero on entry and on return, and long enough for every value.
     */
    private static int mode(int[] values, int[] tally) {
      if (values.length == 0) {
        return 0;
      }
      for (int v : values) {
        tally[v]++;
      }
      int best = values[0];
      int bestCount = 0;
      for (int v : values) {
        int n = tally[v];
        if (n > bestCount || (n == bestCount && v < best)) {
          best = v;
          bestCount = n;
        }
      }
      for (int v : values) {
        tally[v] = 0;
      }
      return best;
    }

    /**
     * Pattern weights of every variable of a dictionary under the given profile weights:
     * {@code result[i][pattern]} for the i-th variable of the dictionary.
     */
    double[][] weightsOfDictionary(int d, double[] profileWeights) {
      int size = dictionaries.get(d).size();
      List<Integer> members = variablesOf.get(d);
      double[] usualWeight = new double[size];
      double[][] result = new double[members.size()][size];
      int[] start = exceptionStart[d];
      int[] excVar = exceptionVariable[d];
      int[] excPat = exceptionPattern[d];
      int[] use = usual[d];
      for (int p = 0; p < profileWeights.length; p++) {
        double w = profileWeights[p];
        if (w == 0) {
          continue;
        }
        int base = use[p];
        usualWeight[base] += w;
        for (int e = start[p]; e < start[p + 1]; e++) {
          double[] r = result[excVar[e]];
          r[excPat[e]] += w;
          r[base] -= w;
        }
      }
      for (double[] r : result) {
        for (int q = 0; q < size; q++) {
          // integer counts held in doubles: the sum is exact, so no weight comes out negative
          r[q] += usualWeight[q];
        }
      }
      return result;
    }

    /** Pattern weights under one set of profile weights, each dictionary worked out once, when first asked. */
    final class Weighing {
      private final double[] profileWeights;
      private final double[][][] byDictionary = new double[dictionaries.size()][][];

      Weighing(double[] profileWeights) {
        this.profileWeights = profileWeights;
      }

      /** Every dictionary worked out now; afterwards the weighing only reads, and threads may share it. */
      Weighing complete() {
        for (int d = 0; d < byDictionary.length; d++) {
          byDictionary[d] = weightsOfDictionary(d, profileWeights);
        }
        return this;
      }

      double[] of(int variable) {
        int d = dictionaryOf[variable];
        if (byDictionary[d] == null) {
          byDictionary[d] = weightsOfDictionary(d, profileWeights);
        }
        return byDictionary[d][memberIndex[variable]];
      }

      ReliabilityData data(int variable) {
        return templates[variable].withWeights(of(variable));
      }

      /** Several variables of one domain stacked: every (unit, variable) pair a unit. */
      ReliabilityData pooled(int[] variables) {
        if (variables.length == 0) {
          throw new IllegalArgumentException("nothing to pool");
        }
        int d = dictionaryOf[variables[0]];
        double[] sum = new double[dictionaries.get(d).size()];
        for (int v : variables) {
          if (dictionaryOf[v] != d) {
            throw new IllegalArgumentException("only variables of one domain can be pooled");
          }
          double[] w = of(v);
          for (int q = 0; q < sum.length; q++) {
            sum[q] += w[q];
          }
        }
        return templates[variables[0]].withWeights(sum);
      }
    }
  }

  /**
   * The distinct patterns of one dictionary by content, each {@code width} values read in place from a profile:
   * a pattern is copied only when it is new.
   */
  private static final class PatternIndex {
    private final List<int[]> patterns;
    private final int width;
    private int[] slots = new int[64];
    private int[] hashOf = new int[32];

    PatternIndex(List<int[]> patterns, int width) {
      this.patterns = patterns;
      this.width = width;
    }

    int size() {
      return patterns.size();
    }

    int idOf(int[] row, int from) {
      int hash = 1;
      for (int j = 0; j < width; j++) {
        hash = 31 * hash + row[from + j];
      }
      int mask = slots.length - 1;
      int slot = spread(hash) & mask;
      while (slots[slot] != 0) {
        int id = slots[slot] - 1;
        if (hashOf[id] == hash && Arrays.equals(patterns.get(id), 0, width, row, from, from + width)) {
          return id;
        }
        slot = (slot + 1) & mask;
      }
      int id = patterns.size();
      patterns.add(Arrays.copyOfRange(row, from, from + width));
      if (id == hashOf.length) {
        hashOf = Arrays.copyOf(hashOf, id * 2);
      }
      hashOf[id] = hash;
      slots[slot] = id + 1;
      if (2 * patterns.size() > slots.length) {
        slots = rehash(slots.length * 2, hashOf, patterns.size());
      }
      return id;
    }
  }

  /** A growable int array, for lists that would otherwise box every element. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
