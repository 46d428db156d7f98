package org.lacrima.core.agreement;

/**
 * Receives one cell of a table over pairs of values (a coincidence matrix, two coders' agreement table) with
 * its weight, or one unit's share of it where the table walks its units instead of keeping its cells.
 */
@FunctionalInterface
interface TableCell {
  void accept(int value, int other, double weight);
}
