package org.lacrima.core.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reliability data whose cells are sets of codes (a unit may carry several), with unit weights as in
 * {@link ReliabilityData}: a cell is a set of indices into the code domain, possibly empty (the coder coded
 * the unit and found no code), or missing (the coder did not code the unit).
 *
 * <p>Alpha needs only the distances between the sets that occur, so the data are turned into ordinary
 * reliability data whose values are the distinct sets ({@link #asReliabilityData()}), with the MASI distance
 * between them ({@link #masiDistance(MasiDistance)}); weights, compacting and the bootstrap then work as for
 * single-valued data.
 */
public final class SetReliabilityData {

  private final ValueDomain codes;
  private final List<Set<Integer>> sets;
  private final ReliabilityData data;

  public SetReliabilityData(ValueDomain codes, int coders, List<List<Optional<Set<Integer>>>> cells, double[] weights) {
    this.codes = Objects.requireNonNull(codes, "codes");
    if (cells.size() != weights.length) {
      throw new IllegalArgumentException(cells.size() + " units but " + weights.length + " weights");
    }
    Map<Set<Integer>, Integer> index = new LinkedHashMap<>();
    int[][] rows = new int[cells.size()][coders];
    for (int u = 0; u < cells.size(); u++) {
      List<Optional<Set<Integer>>> unit = cells.get(u);
      if (unit.size() != coders) {
        throw new IllegalArgumentException("unit " + u + " has " + unit.size() + " cells for " + coders + " coders");
      }
      for (int c = 0; c < coders; c++) {
        Optional<Set<Integer>> cell = unit.get(c);
        if (cell.isEmpty()) {
          rows[u][c] = ReliabilityData.MISSING;
          continue;
        }
        Set<Integer> set = Set.copyOf(new TreeSet<>(cell.get()));
        for (int v : set) {
          if (v < 0 || v >= codes.size()) {
            throw new IllegalArgumentException("unit " + u + " has code " + v + " outside the domain of " + codes.size());
          }
        }
        rows[u][c] = index.computeIfAbsent(set, s -> index.size());
      }
    }
    this.sets = List.copyOf(index.keySet());
    List<String> labels = new ArrayList<>();
    for (Set<Integer> set : sets) {
      labels.add(set.stream().sorted().map(codes.labels()::get).collect(Collectors.joining(", ", "{", "}")));
    }
    this.data = new ReliabilityData(ValueDomain.nominal(labels), coders, rows, weights.clone());
  }

  /** Units of weight 1. */
  public static SetReliabilityData of(ValueDomain codes, int coders, List<List<Optional<Set<Integer>>>> cells) {
    double[] w = new double[cells.size()];
    Arrays.fill(w, 1.0);
    return new SetReliabilityData(codes, coders, cells, w);
  }

  public ValueDomain codes() {
    return codes;
  }

  /** The distinct sets, in the order of {@link #asReliabilityData()}'s domain. */
  public List<Set<Integer>> sets() {
    return sets;
  }

  /** The same units, each cell the index of its set among {@link #sets()}. */
  public ReliabilityData asReliabilityData() {
    return data;
  }

  /** The distance between two values of {@link #asReliabilityData()}, i.e. between two of the sets. */
  public Distance masiDistance(MasiDistance masi) {
    return CodeSetDistance.of(masi, sets);
  }

  /** Krippendorff's alpha with Passonneau's MASI distance, "krippendorff_alpha_masi". */
  public AgreementMeasure masiAlpha() {
    return KrippendorffAlpha.withDistance("krippendorff_alpha_masi", masiDistance(MasiDistance.passonneau()));
  }

  public Estimate estimateMasiAlpha() {
    return masiAlpha().estimate(data);
  }
}
