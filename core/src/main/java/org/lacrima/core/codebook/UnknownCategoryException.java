package org.lacrima.core.codebook;

import org.lacrima.core.InputException;

/** A category name (id, label or path) that names no category, or more than one. */
public class UnknownCategoryException extends InputException {
  public UnknownCategoryException(String problem) {
    super(problem);
  }
}
