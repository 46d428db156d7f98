package org.lacrima.core.transcript;

import java.util.Map;

/** One row of a document-variables file: the document it names and its values, with its line. */
public record VariableRow(String source, long line, String document, Map<String, String> values) {
  public VariableRow {
    values = Map.copyOf(values);
  }
}
