package org.lacrima.core.agreement.study;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;

/**
 * Whose coverage is recorded where. Recorded coverage (a table import's cells, a consensus layer's units) speaks
 * for the coders it was recorded for: a coder added later by a codings import, or a table-imported coder beside the
 * consensus layer, is judged as usual, by the documents it coded in. A table-imported coder whose cells of a
 * table's column are all empty or n/a judged none of it: its coverage of that column is missing, not "where it
 * coded anything" (which would make every unit of the column absent for it). For a category a coder has no
 * coverage of, its exclusive parent's coverage counts, as the table import records it per group. (The consensus
 * layer itself judged only what its builds recorded: AgreementStudy takes it as missing elsewhere.)
 */
final class CoverageScopes {

  /** {@code recordedBy[scope][coder]}: whether the coder has coverage recorded for the scope anywhere. */
  private final boolean[][] recordedBy;
  /** The scope of a scope's exclusive parent, or -1. */
  private final int[] parentScope;
  /** Whether a scope is a table's column: coverage recorded for a coder other than the consensus layer. */
  private final boolean[] tableScope;
  /** Whether a coder has coverage recorded in some table's column: a coder of a table import. */
  private final boolean[] tableCoder;

  private CoverageScopes(boolean[][] recordedBy, int[] parentScope, boolean[] tableScope, boolean[] tableCoder) {
    this.recordedBy = recordedBy;
    this.parentScope = parentScope;
    this.tableScope = tableScope;
    this.tableCoder = tableCoder;
  }

  /**
   * {@code recorded}: per scope (category id) and document, {start, end, coder} of the coders in the study;
   * {@code tableScopes}: the scopes whose coverage a table import recorded (for any coder of the project).
   */
  static CoverageScopes of(CategorySystem system, List<UUID> scopes, Map<UUID, Map<UUID, List<int[]>>> recorded,
      java.util.Set<UUID> tableScopes, int coders) {
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
    boolean[] tableScope = new boolean[scopes.size()];
    boolean[] tableCoder = new boolean[coders];
    for (int sc = 0; sc < scopes.size(); sc++) {
      tableScope[sc] = tableScopes.contains(scopes.get(sc));
      for (int k = 0; k < coders; k++) {
        tableCoder[k] |= tableScope[sc] && recordedBy[sc][k];
      }
    }
    return new CoverageScopes(recordedBy, parentScope, tableScope, tableCoder);
  }

  /** Whether the coder came with a table: coverage is recorded for it in some table's column. */
  boolean tableCoder(int coder) {
    return tableCoder[coder];
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
   * Completes a document's {@code covers[scope][unit][coder]}, which holds the recorded coverage: a coder with
   * recorded coverage of a scope covers its units as that says or, besides, as its exclusive parent's does; one
   * without covers them as its exclusive parent's coverage says, or else where it coded in the document at all
   * ({@code codedBy}), unless the scope is a table's column and the coder came with a table: then it judged none of
   * the column.
   */
  void fillIn(boolean[][][] covers, boolean[] codedBy) {
    // a parent's coverage as recorded, before any scope's is completed: read in whatever order the scopes come
    boolean[][][] recordedCovers = new boolean[covers.length][][];
    for (int parent : parentScope) {
      if (parent >= 0 && recordedCovers[parent] == null) {
        recordedCovers[parent] = new boolean[covers[parent].length][];
        for (int u = 0; u < covers[parent].length; u++) {
          recordedCovers[parent][u] = covers[parent][u].clone();
        }
      }
    }
    for (int sc = 0; sc < covers.length; sc++) {
      for (int k = 0; k < codedBy.length; k++) {
        int parent = parentScope[sc];
        if (recordedBy[sc][k]) {
          if (parent >= 0 && recordedBy[parent][k]) {
            // a cell recorded for the value itself (a --flag column of its name) and one of its column both judged
            // it: a value brought into a column keeps the cells of both
            for (int u = 0; u < covers[sc].length; u++) {
              covers[sc][u][k] |= recordedCovers[parent][u][k];
            }
          }
          continue;
        }
        // a parent's column is read only where the coder's coverage of it is recorded, so never one filled in here
        boolean[][] from = parent >= 0 && recordedBy[parent][k] ? recordedCovers[parent] : null;
        boolean byDocument = codedBy[k] && !(tableScope[sc] && tableCoder[k]);
        for (int u = 0; u < covers[sc].length; u++) {
          covers[sc][u][k] = from != null ? from[u][k] : byDocument;
        }
      }
    }
  }
}
