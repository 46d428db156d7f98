package org.lacrima.core.agreement;

import com.carrotsearch.hppc.DoubleArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.LongIntHashMap;

/**
 * Weights of ordered pairs of values (c, k) of a domain of q values, the cells of a coincidence matrix or
 * of an agreement table. While q is small the cells are a dense q × q array; a larger domain keeps only the
 * pairs that occur, because the domain of a code-set variable over many codes has tens of thousands of
 * values, whose dense table would need gigabytes although a few pairs per unit are ever filled.
 *
 * <p>Cells are visited in a fixed order (row by row when dense, in order of first occurrence when sparse), so
 * sums over them come out the same in every run and every bootstrap replicate.
 */
final class PairWeights {

  /** Largest domain kept dense: 512² doubles are 2 MB, allocated afresh by every bootstrap replicate. */
  static final int DENSE_LIMIT = 512;

  /** Receives one filled cell. */
  @FunctionalInterface
  interface Cell {
    void accept(int value, int other, double weight);
  }

  private final int q;
  private final boolean sparse;
  private final double[] dense;
  private final LongIntHashMap slotOfPair;
  private final LongArrayList pairs;
  private final DoubleArrayList weights;

  private PairWeights(int q, boolean sparse) {
    this.q = q;
    this.sparse = sparse;
    this.dense = sparse ? new double[0] : new double[q * q];
    this.slotOfPair = new LongIntHashMap(sparse ? 1024 : 0);
    this.pairs = new LongArrayList(sparse ? 1024 : 0);
    this.weights = new DoubleArrayList(sparse ? 1024 : 0);
  }

  /** Cells of a domain of {@code q} values, dense or sparse as the size of the domain asks. */
  static PairWeights of(int q) {
    return new PairWeights(q, q > DENSE_LIMIT);
  }

  /** Sparse whatever the size: lets tests compare the two forms on the same data. */
  static PairWeights sparse(int q) {
    return new PairWeights(q, true);
  }

  int size() {
    return q;
  }

  void add(int value, int other, double weight) {
    if (!sparse) {
      dense[value * q + other] += weight;
      return;
    }
    long pair = (long) value * q + other;
    int slot = slotOfPair.getOrDefault(pair, -1);
    if (slot < 0) {
      slotOfPair.put(pair, pairs.size());
      pairs.add(pair);
      weights.add(weight);
    } else {
      weights.set(slot, weights.get(slot) + weight);
    }
  }

  double get(int value, int other) {
    if (!sparse) {
      return dense[value * q + other];
    }
    int slot = slotOfPair.getOrDefault((long) value * q + other, -1);
    return slot < 0 ? 0 : weights.get(slot);
  }

  /** Every cell whose weight is not 0, in the fixed order described above. */
  void forEach(Cell cell) {
    if (!sparse) {
      for (int c = 0; c < q; c++) {
        for (int k = 0; k < q; k++) {
          double w = dense[c * q + k];
          if (w != 0) {
            cell.accept(c, k, w);
          }
        }
      }
      return;
    }
    for (int i = 0; i < pairs.size(); i++) {
      double w = weights.get(i);
      if (w != 0) {
        long pair = pairs.get(i);
        cell.accept((int) (pair / q), (int) (pair % q), w);
      }
    }
  }
}
