package org.lacrima.core.agreement;

/** The level of measurement of a variable: what a difference between two of its values means. */
public enum Scale {
  NOMINAL, ORDINAL, INTERVAL, RATIO
}
