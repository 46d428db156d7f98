package org.lacrima.core.agreement;

import java.util.Random;

/**
 * A generating process for property tests: each unit has a true value; each coder reports it with
 * probability {@code accuracy}, else a value drawn at random, and leaves the unit uncoded with probability
 * {@code missing}. The same process at different sizes gives data whose coefficients estimate the same
 * population value.
 */
record CodingProcess(int values, int coders, double accuracy, double missing) {

  ReliabilityData sample(int units, Random random) {
    java.util.List<String> labels = new java.util.ArrayList<>();
    for (int v = 0; v < values; v++) {
      labels.add("v" + v);
    }
    int[][] cells = new int[units][coders];
    for (int u = 0; u < units; u++) {
      // a skewed prevalence, as codes in real studies have
      int truth = random.nextDouble() < 0.5 ? 0 : random.nextInt(values);
      for (int c = 0; c < coders; c++) {
        if (random.nextDouble() < missing) {
          cells[u][c] = ReliabilityData.MISSING;
        } else {
          cells[u][c] = random.nextDouble() < accuracy ? truth : random.nextInt(values);
        }
      }
    }
    return ReliabilityData.of(ValueDomain.nominal(labels), coders, cells);
  }
}
