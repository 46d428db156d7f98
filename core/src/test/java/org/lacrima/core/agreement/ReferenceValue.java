package org.lacrima.core.agreement;

import java.util.Optional;

/**
 * One number of the reference file to reproduce: a coefficient (or a part of one, "_Ao", "_De"), for a
 * category, stretch factor, unit or pair where the file gives several ({@code key}), with its tolerance and
 * where it came from ("expected": publications and DKPro's tests; "reference_values": the consensus of the
 * independent implementations).
 */
record ReferenceValue(String caseId, String source, String coefficient, Optional<String> key, double expected,
    double tolerance) {

  @Override
  public String toString() {
    return caseId + " " + source + " " + coefficient + key.map(k -> "[" + k + "]").orElse("") + " = " + expected
        + " ± " + tolerance;
  }
}
