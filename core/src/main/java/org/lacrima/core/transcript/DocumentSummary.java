package org.lacrima.core.transcript;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/** A document without its text: enough to list, count and filter. Length in code points. */
public record DocumentSummary(UUID id, String name, int length, int words, int turns, Map<String, String> variables) {
  public DocumentSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    variables = Collections.unmodifiableMap(new TreeMap<>(variables));
  }

  public String variable(String name) {
    return variables.getOrDefault(name, "");
  }
}
