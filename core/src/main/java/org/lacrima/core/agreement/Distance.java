package org.lacrima.core.agreement;

/**
 * How far apart two values of a domain are, for the weighted coefficients (weighted kappa, alpha with a
 * custom metric). Values are indices into the domain; a distance is 0 between a value and itself.
 */
@FunctionalInterface
public interface Distance {

  double between(int value, int other);

  /** Every difference counts fully: the nominal metric. */
  static Distance nominal() {
    return (a, b) -> a == b ? 0.0 : 1.0;
  }
}
