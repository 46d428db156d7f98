package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A study as {@link UnitProfiles} takes it, kept as plain arrays so that the tests can build the same data a
 * second way: {@code rows[u][v * coders + k]} is coder k's value of variable v in unit u (or
 * {@link ReliabilityData#MISSING}), {@code documentOf[u]} the unit's document.
 */
record ProfileStudy(int coders, List<ValueDomain> domains, int[] documentOf, int[][] rows) {

  static final int M = ReliabilityData.MISSING;

  int units() {
    return rows.length;
  }

  int variables() {
    return domains.size();
  }

  int value(int unit, int variable, int coder) {
    return rows[unit][variable * coders + coder];
  }

  /** The units added one by one, in order. */
  UnitProfiles profiles() {
    UnitProfiles.Builder b = UnitProfiles.builder(domains.size(), coders);
    for (int u = 0; u < rows.length; u++) {
      b.add(documentOf[u], rows[u]);
    }
    return b.build(domains);
  }

  /** One variable's data, one row of weight 1 per unit, built without {@link UnitProfiles}. */
  ReliabilityData plain(int variable) {
    int[][] cells = new int[rows.length][coders];
    for (int u = 0; u < rows.length; u++) {
      for (int k = 0; k < coders; k++) {
        cells[u][k] = value(u, variable, k);
      }
    }
    return ReliabilityData.of(domains.get(variable), coders, cells);
  }

  /** Several variables of one domain stacked: one row of weight 1 per (unit, variable) pair. */
  ReliabilityData plainPooled(int[] variables) {
    int[][] cells = new int[rows.length * variables.length][coders];
    int i = 0;
    for (int u = 0; u < rows.length; u++) {
      for (int v : variables) {
        for (int k = 0; k < coders; k++) {
          cells[i][k] = value(u, v, k);
        }
        i++;
      }
    }
    return ReliabilityData.of(domains.get(variables[0]), coders, cells);
  }

  /** The variables whose domain equals that of {@code variable}, itself included. */
  int[] sameDomain(int variable) {
    List<Integer> out = new ArrayList<>();
    for (int v = 0; v < domains.size(); v++) {
      if (domains.get(v).equals(domains.get(variable))) {
        out.add(v);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static final ValueDomain ABC = ValueDomain.nominal(List.of("a", "b", "c"));
  static final ValueDomain ORDINAL = new ValueDomain(List.of("low", "mid", "high", "top"), Scale.ORDINAL, List.of());
  static final ValueDomain INTERVAL = new ValueDomain(List.of("0", "1", "2", "5"), Scale.INTERVAL,
      List.of(0.0, 1.0, 2.0, 5.0));
  static final ValueDomain RATIO = new ValueDomain(List.of("1", "2", "4"), Scale.RATIO, List.of(1.0, 2.0, 4.0));
  static final ValueDomain SINGLE = ValueDomain.nominal(List.of("only"));

  /**
   * A random study: 2–5 coders; several present/absent variables (one shared domain), two nominal variables
   * sharing a domain, an ordinal, an interval, a ratio and a one-value variable, in random order; each unit
   * has a true value per variable that a coder reports with the variable's accuracy, else a random value;
   * cells go missing at random and whole units go missing for a coder (a coder who did not code the
   * document); some units repeat an earlier unit exactly; units fall into documents in runs.
   */
  static ProfileStudy random(Random random, int units) {
    int coders = 2 + random.nextInt(4);
    List<ValueDomain> domains = new ArrayList<>();
    int presence = 2 + random.nextInt(4);
    for (int i = 0; i < presence; i++) {
      domains.add(ValueDomain.presence());
    }
    domains.addAll(List.of(ABC, ABC, ORDINAL, INTERVAL, RATIO, SINGLE));
    Collections.shuffle(domains, random);
    int vars = domains.size();
    // a degenerate study now and then: perfect coders and nothing present, so that many figures are undefined
    boolean degenerate = random.nextInt(8) == 0;
    double[] accuracy = new double[vars];
    double[] prevalence = new double[vars];
    for (int v = 0; v < vars; v++) {
      accuracy[v] = degenerate ? 1.0 : 0.3 + 0.7 * random.nextDouble();
      prevalence[v] = degenerate ? 0.0 : 0.02 + 0.4 * random.nextDouble();
    }
    double missing = random.nextBoolean() ? 0.0 : 0.35 * random.nextDouble();
    double absent = random.nextBoolean() ? 0.0 : 0.2 * random.nextDouble();
    double duplicate = 0.5 * random.nextDouble();
    int documents = 1 + random.nextInt(6);
    int[][] rows = new int[units][];
    int[] documentOf = new int[units];
    for (int u = 0; u < units; u++) {
      // documents in runs, every document non-empty when there are enough units
      documentOf[u] = (int) ((long) u * Math.min(documents, Math.max(units, 1)) / Math.max(units, 1));
      if (u > 0 && random.nextDouble() < duplicate) {
        rows[u] = rows[random.nextInt(u)].clone();
        continue;
      }
      int[] row = new int[vars * coders];
      boolean[] coderAbsent = new boolean[coders];
      for (int k = 0; k < coders; k++) {
        coderAbsent[k] = random.nextDouble() < absent;
      }
      for (int v = 0; v < vars; v++) {
        int q = domains.get(v).size();
        int truth = q == 2 ? (random.nextDouble() < prevalence[v] ? 1 : 0) : random.nextInt(q);
        for (int k = 0; k < coders; k++) {
          int value;
          if (coderAbsent[k] || random.nextDouble() < missing) {
            value = M;
          } else if (random.nextDouble() < accuracy[v]) {
            value = truth;
          } else {
            value = random.nextInt(q);
          }
          row[v * coders + k] = value;
        }
      }
      rows[u] = row;
    }
    return new ProfileStudy(coders, domains, documentOf, rows);
  }
}
