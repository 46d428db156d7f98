package org.lacrima.core.codebook;

import org.lacrima.core.InputException;

/** A category system that breaks its own rules (an id twice, a parent that does not exist, …). */
public class CategorySystemException extends InputException {
  public CategorySystemException(String source, String place, String problem) {
    super(source, place, problem);
  }
}
