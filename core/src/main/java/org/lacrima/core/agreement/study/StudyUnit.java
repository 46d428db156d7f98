package org.lacrima.core.agreement.study;

import java.util.UUID;

/** One unit agreement counts over: a range of a document, in code points. */
public record StudyUnit(int index, UUID document, String documentName, int start, int end) {
  public int length() {
    return end - start;
  }
}
