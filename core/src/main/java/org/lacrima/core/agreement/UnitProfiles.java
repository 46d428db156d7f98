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
    List<Map<Integer, Integer>> byDocument = new ArrayList<>();
    for (int d = 0; d < docs; d++) {
      byDocument.add(new HashMap<>());
    }
    for (int u = 0; u < units; u++) {
      byDocument.get(documentOfUnit[u]).merge(profileOfUnit[u], 1, Integer::sum);
    }
    this.profilesOfDocument = new int[docs][];
    this.countsOfDocument = new int[docs][];
    for (int d = 0; d < docs; d++) {
      Map<Integer, Integer> m = byDocument.get(d);
      profilesOfDocument[d] = m.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
      countsOfDocument[d] = Arrays.stream(profilesOfDocument[d]).map(m::get).toArray();
    }
    for (int v = 0; v < domains.size(); v++) {
      for (int[] p : profiles) {
        for (int k = 0; k < coders; k++) {
          int value = p[v * coders + k];
          if (value != ReliabilityData.MISSING && (value < 0 || value >= domains.get(v).size())) {
            throw new IllegalArgumentException("variable " + v + " has value " + value + " outside its domain of "
                + domains.get(v).size());
          }
        }
      }
    }
    this.patterns = new Patterns(this);
  }

  /** Collects units one by one; {@code variables × coders} values per unit. */
  public static Builder builder(int variables, int coders) {
    return new Builder(variables, coders);
  }

  /** Adds units without keeping them: identical units share one profile. */
  public static final class Builder {
    private final int variables;
    private final int coders;
    private final Map<Row, Integer> index = new HashMap<>();
    private final List<int[]> rows = new ArrayList<>();
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
      Integer id = index.get(new Row(values));
      if (id == null) {
        int[] copy = values.clone();
        id = rows.size();
        rows.add(copy);
        index.put(new Row(copy), id);
      }
      if (units == profileOfUnit.length) {
        profileOfUnit = Arrays.copyOf(profileOfUnit, units * 2);
        documentOfUnit = Arrays.copyOf(documentOfUnit, units * 2);
      }
      profileOfUnit[units] = id;
      documentOfUnit[units] = document;
      units++;
      return this;
    }

    /** The domains of the variables, known once every unit is in (the sets of codes that occur, say). */
    public UnitProfiles build(List<ValueDomain> domains) {
      if (domains.size() != variables) {
        throw new IllegalArgumentException(domains.size() + " domains for " + variables + " variables");
      }
      return new UnitProfiles(this, domains);
    }
  }

  /** An int[] compared by content, for the profile index. */
  private record Row(int[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
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

  /** Coder {@code coder}'s value of variable {@code variable} in unit {@code unit}. */
  public int value(int unit, int variable, int coder) {
    return profiles[profileOfUnit[unit]][variable * coders + coder];
  }

  /** A variable's data: its distinct patterns, each weighted by the number of units showing it. */
  public ReliabilityData data(int variable) {
    return patterns.new Weighing(counts).data(variable);
  }

  /**
   * Several variables of one domain stacked into one, every (unit, variable) pair a unit: the pooled data of
   * all categories against absence, say.
   */
  public ReliabilityData pooled(int[] variables) {
    return patterns.new Weighing(counts).pooled(variables);
  }

  /** Profile weights of a resample: how often each profile was drawn. */
  double[] profileWeights(boolean byDocument, java.util.SplittableRandom random) {
    double[] w = new double[profiles.length];
    if (byDocument) {
      for (int i = 0; i < documents; i++) {
        int d = random.nextInt(documents);
        int[] ps = profilesOfDocument[d];
        int[] cs = countsOfDocument[d];
        for (int j = 0; j < ps.length; j++) {
          w[ps[j]] += cs[j];
        }
      }
    } else {
      for (int i = 0; i < units; i++) {
        w[profileOfUnit[random.nextInt(units)]]++;
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
      List<Map<Row, Integer>> indexes = new ArrayList<>();
      dictionaries.forEach(x -> indexes.add(new HashMap<>()));
      int nd = dictionaries.size();
      int np = up.profiles.length;
      usual = new int[nd][np];
      exceptionStart = new int[nd][np + 1];
      exceptionVariable = new int[nd][];
      exceptionPattern = new int[nd][];
      int[] scratch = new int[c];
      for (int d = 0; d < nd; d++) {
        List<Integer> members = variablesOf.get(d);
        int[] patternOf = new int[members.size()];
        List<Integer> excVar = new ArrayList<>();
        List<Integer> excPat = new ArrayList<>();
        for (int p = 0; p < np; p++) {
          int[] row = up.profiles[p];
          for (int i = 0; i < members.size(); i++) {
            System.arraycopy(row, members.get(i) * c, scratch, 0, c);
            final int dict = d;
            patternOf[i] = indexes.get(d).computeIfAbsent(new Row(scratch.clone()), r -> {
              dictionaries.get(dict).add(r.values());
              return dictionaries.get(dict).size() - 1;
            });
          }
          int mode = mode(patternOf);
          usual[d][p] = mode;
          exceptionStart[d][p] = excVar.size();
          for (int i = 0; i < members.size(); i++) {
            if (patternOf[i] != mode) {
              excVar.add(i);
              excPat.add(patternOf[i]);
            }
          }
        }
        exceptionStart[d][np] = excVar.size();
        exceptionVariable[d] = excVar.stream().mapToInt(Integer::intValue).toArray();
        exceptionPattern[d] = excPat.stream().mapToInt(Integer::intValue).toArray();
      }
      for (int v = 0; v < vars; v++) {
        List<int[]> dict = dictionaries.get(dictionaryOf[v]);
        templates[v] = new ReliabilityData(up.domains.get(v), c, dict.toArray(int[][]::new), new double[dict.size()]);
      }
    }

    private static int mode(int[] values) {
      if (values.length == 0) {
        return 0;
      }
      int[] sorted = values.clone();
      Arrays.sort(sorted);
      int best = sorted[0];
      int bestRun = 0;
      int run = 0;
      for (int i = 0; i < sorted.length; i++) {
        run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
        if (run > bestRun) {
          bestRun = run;
          best = sorted[i];
        }
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
}
