package org.lacrima.core.agreement;

import org.junit.jupiter.api.Test;

/** Warrens (2010), p. 284, on the data of O'Malley et al. (2006): eight raters, binary; Fleiss, Hubert, Light, Randolph. */
class Warrens2010Test {

  @Test
  void reproducesWarrens2010Omalley2006() {
    ReferenceAssertions.assertCase("warrens2010_omalley2006");
  }
}
