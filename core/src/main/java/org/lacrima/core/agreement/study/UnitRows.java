package org.lacrima.core.agreement.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lacrima.core.agreement.ReliabilityData;

/**
 * A unit's values, coder by coder, for every variable of a study: each category (present, absent or missing),
 * each exclusive group (the one category present, itself or by a subcategory, or missing), the set of codes, and with documents as units
 * each category's frequency. Kept apart from the collecting loop, and in small methods, because it runs once
 * per unit: hundreds of thousands of times in a process that lives for a second or two, where the JIT compiles
 * small methods early and one large loop late.
 */
final class UnitRows {

  final int variables;
  final int codeSetVariable;
  /** Per group: units in which a coder marked more than one of its categories (counted as missing). */
  final int[] conflicts;
  /** Per category: the most merged spans one coder gave it in one unit (documents as units only). */
  final int[] maxFrequency;
  /** The sets of codes that occur, in order of first occurrence: value v of the code-set variable is set v. */
  final List<Set<Integer>> codeSets = new ArrayList<>();

  private final int nc;
  private final int m;
  private final List<AgreementStudy.Group> groups;
  private final int[] scopeOfCategory;
  private final int minCover;
  private final boolean frequencies;
  private final CodeSetIndex codeSetIndex = new CodeSetIndex();
  private final int[] row;
  /** Words per set of codes, as bits over the category indices. */
  private final int words;
  /** Each coder's set of codes in the unit at hand, {@code words} longs per coder. */
  private final long[] codes;
  /** Whether a coder left a category open that another coder judged in the unit at hand: then it has no set. */
  private final boolean[] incomplete;

  UnitRows(int categories, int coders, List<AgreementStudy.Group> groups, int[] scopeOfCategory, int minCoverPercent,
      boolean frequencies) {
    this.nc = categories;
    this.m = coders;
    this.groups = groups;
    this.scopeOfCategory = scopeOfCategory;
    this.minCover = minCoverPercent;
    this.frequencies = frequencies;
    this.codeSetVariable = categories + groups.size();
    this.variables = codeSetVariable + 1 + (frequencies ? categories : 0);
    this.conflicts = new int[groups.size()];
    this.maxFrequency = new int[categories];
    this.row = new int[variables * coders];
    this.words = (categories + 63) / 64;
    this.codes = new long[words * coders];
    this.incomplete = new boolean[coders];
  }

  /**
   * The values of unit {@code local} of a document, {@code [variable * coders + coder]}: {@code chars} holds the
   * characters each coder's spans of each category cover in each unit of the document, {@code codedBy} which coders
   * coded in it, {@code scopeCovers} which coders recorded coverage cover which unit. The array is reused.
   */
  int[] of(int local, int length, int[] chars, boolean[] codedBy, boolean[][][] scopeCovers, SpanSet[][] sets) {
    int base = local * nc * m;
    boolean judgedAny = categories(local, length, chars, base, codedBy, scopeCovers);
    for (int g = 0; g < groups.size(); g++) {
      group(g, local, length, chars, base, codedBy, scopeCovers);
    }
    for (int k = 0; k < m; k++) {
      row[codeSetVariable * m + k] = judgedAny && !incomplete[k] ? codeSetIndex.indexOf(codes, k * words, words)
          : ReliabilityData.MISSING;
    }
    if (frequencies) {
      frequencies(sets);
    }
    return row;
  }

  /**
   * The category values, and with them each coder's set of codes. A set compares with another only over the same
   * categories, so it is missing where its coder left open a category another coder judged (table imports leave
   * columns open); where nobody judged anything there is no set either (the result says whether anybody did).
   */
  private boolean categories(int local, int length, int[] chars, int base, boolean[] codedBy, boolean[][][] scopeCovers) {
    Arrays.fill(codes, 0L);
    Arrays.fill(incomplete, false);
    boolean judgedAny = false;
    for (int i = 0; i < nc; i++) {
      int scope = scopeOfCategory[i];
      boolean[] covers = scope < 0 ? codedBy : scopeCovers[scope][local];
      int at = i * m;
      boolean judged = false;
      for (int k = 0; k < m; k++) {
        boolean covered = covers[k];
        judged |= covered;
        row[at + k] = !covered ? ReliabilityData.MISSING : present(chars[base + at + k], length) ? 1 : 0;
      }
      if (judged) {
        judgedAny = true;
        for (int k = 0; k < m; k++) {
          int value = row[at + k];
          incomplete[k] |= value == ReliabilityData.MISSING;
          codes[k * words + (i >>> 6)] |= (long) (value == 1 ? 1 : 0) << i;
        }
      }
    }
    return judgedAny;
  }

  private void group(int g, int local, int length, int[] chars, int base, boolean[] codedBy, boolean[][][] scopeCovers) {
    AgreementStudy.Group group = groups.get(g);
    for (int k = 0; k < m; k++) {
      boolean covers = group.scope() < 0 ? codedBy[k] : scopeCovers[group.scope()][local][k];
      int value = ReliabilityData.MISSING;
      if (covers) {
        int[][] subtrees = group.subtrees();
        for (int v = 0; v < subtrees.length; v++) {
          if (presentInSubtree(subtrees[v], chars, base, k, length)) {
            if (value != ReliabilityData.MISSING) {
              conflicts[g]++;
              value = ReliabilityData.MISSING;
              break;
            }
            value = v;
          }
        }
      }
      row[(nc + g) * m + k] = value;
    }
  }

  private boolean presentInSubtree(int[] subtree, int[] chars, int base, int k, int length) {
    for (int i : subtree) {
      if (present(chars[base + i * m + k], length)) {
        return true;
      }
    }
    return false;
  }

  private void frequencies(SpanSet[][] sets) {
    for (int i = 0; i < nc; i++) {
      for (int k = 0; k < m; k++) {
        int count = row[i * m + k] == ReliabilityData.MISSING ? ReliabilityData.MISSING
            : sets[i][k] == null ? 0 : sets[i][k].size();
        maxFrequency[i] = Math.max(maxFrequency[i], count);
        row[(codeSetVariable + 1 + i) * m + k] = count;
      }
    }
  }

  private boolean present(int coveredChars, int unitLength) {
    if (unitLength == 0) {
      return false;
    }
    return minCover == 0 ? coveredChars > 0 : coveredChars * 100L >= (long) minCover * unitLength;
  }

  /**
   * The sets of codes met so far, each with its index: an open-addressing table over the sets' bit words, as
   * nearly every unit and coder looks a set up and few sets are new (hundreds among a million lookups).
   */
  private final class CodeSetIndex {
    private long[][] keys = new long[64][];
    private int[] values = new int[64];

    /** The index of the set in {@code words[from, from + length)}. */
    int indexOf(long[] words, int from, int length) {
      int mask = keys.length - 1;
      int slot = Long.hashCode(mix(words, from, length)) & mask;
      while (keys[slot] != null) {
        if (Arrays.equals(keys[slot], 0, length, words, from, from + length)) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
      long[] key = Arrays.copyOfRange(words, from, from + length);
      int index = codeSets.size();
      codeSets.add(members(key));
      keys[slot] = key;
      values[slot] = index;
      if (2 * (index + 1) > keys.length) {
        grow();
      }
      return index;
    }

    private void grow() {
      long[][] oldKeys = keys;
      int[] oldValues = values;
      keys = new long[oldKeys.length * 2][];
      values = new int[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int o = 0; o < oldKeys.length; o++) {
        if (oldKeys[o] != null) {
          int slot = Long.hashCode(mix(oldKeys[o], 0, oldKeys[o].length)) & mask;
          while (keys[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[o];
          values[slot] = oldValues[o];
        }
      }
    }

    private static long mix(long[] words, int from, int length) {
      long h = 0;
      for (int w = from; w < from + length; w++) {
        h = (h ^ words[w]) * 0x9E3779B97F4A7C15L;
      }
      return h ^ (h >>> 29);
    }

    private static Set<Integer> members(long[] words) {
      Set<Integer> out = new TreeSet<>();
      for (int w = 0; w < words.length; w++) {
        for (long bits = words[w]; bits != 0; bits &= bits - 1) {
          out.add(w * 64 + Long.numberOfTrailingZeros(bits));
        }
      }
      return out;
    }
  }
}
