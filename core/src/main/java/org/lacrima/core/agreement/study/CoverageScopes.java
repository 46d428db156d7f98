package org.lacrima.core.agreement.study;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;

/**
 * Whose coverage is recorded where. Recorded coverage (a table import's cells, a consensus layer's units) speaks
 * for the coders it was recorded for, and only for them: a coder added later by a codings import, or a table-imported
 * coder beside the consensus layer, is judged as usual, by the documents it coded in. For a category a coder has
 * no coverage of, its exclusive parent's coverage counts, as the table import records it per group. (The consensus
 * layer itself judged only what its builds recorded: AgreementStudy takes it as missing elsewhere.)
 */
final class CoverageScopes {

  /** {@code recordedBy[scope][coder]}: whether the coder has coverage recorded for the scope anywhere. */
  private final boolean[][] recordedBy;
  /** The scope of a scope's exclusive parent, or -1. */
  private final int[] parentScope;

  private CoverageScopes(boolean[][] recordedBy, int[] parentScope) {
    this.recordedBy = recordedBy;
    this.parentScope = parentScope;
  }

  /** {@code recorded}: per scope (category id) and document, {start, end, coder} of the coders in the study. */
  static CoverageScopes of(CategorySystem system, List<UUID> scopes, Map<UUID, Map<UUID, List<int[]>>> recorded,
      int coders) {
    boolean[][] recordedBy = new boolean[scopes.size()][coders];
    int[] parentScope = new int[scopes.size()];
    for (int sc = 0; sc < scopes.size(); sc++) {
      for (List<int[]> spans : recorded.get(scopes.get(sc)).values()) {
        for (int[] span : spans) {
          recordedBy[sc][span[2]] = true;
        }
      }
      Category c = system.get(scopes.get(sc));
      parentScope[sc] = c.parent().filter(p -> system.get(p).exclusiveChildren()).map(scopes::indexOf).orElse(-1);
    }
    return new CoverageScopes(recordedBy, parentScope);
  }

  /** Whether any coverage is recorded for the coder. */
  boolean recordedAnywhere(int coder) {
    for (boolean[] byCoder : recordedBy) {
      if (byCoder[coder]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Completes a document's {@code covers[scope][unit][coder]}, which holds the recorded coverage: a coder without
   * recorded coverage of a scope covers its units as its exclusive parent's coverage says, or else where it coded
   * in the document at all ({@code codedBy}).
   */
  void fillIn(boolean[][][] covers, boolean[] codedBy) {
    for (int sc = 0; sc < covers.length; sc++) {
      for (int k = 0; k < codedBy.length; k++) {
        if (recordedBy[sc][k]) {
          continue;
        }
        int parent = parentScope[sc];
        // a parent's column is read only where the coder's coverage of it is recorded, so never one filled in here
        boolean[][] from = parent >= 0 && recordedBy[parent][k] ? covers[parent] : null;
        for (int u = 0; u < covers[sc].length; u++) {
          covers[sc][u][k] = from != null ? from[u][k] : codedBy[k];
        }
      }
    }
  }
}
