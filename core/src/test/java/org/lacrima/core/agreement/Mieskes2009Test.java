package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Mieskes (2009), p. 58: three annotators on part-of-speech tags, Fleiss' kappa overall and per tag. */
class Mieskes2009Test {

  @Test
  void reproducesMieskes2009Pos() {
    ReferenceAssertions.assertCase("mieskes2009_pos");
  }
}
