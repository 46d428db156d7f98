package org.lacrima.core.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One case of the reference file: its data in our types and its values to reproduce, flattened. */
record ReferenceCase(JsonNode node) {

  /** The file's stated agreement between independent implementations, used where an entry gives none. */
  static final double REFERENCE_TOLERANCE = 1e-4;

  private static final Set<String> NOT_VALUES = Set.of("coefficient", "value", "tolerance", "provenance", "note",
      "custom_distance");

  String id() {
    return node.get("id").asText();
  }

  String format() {
    return node.get("data").get("format").asText();
  }

  /** Units by coders, or a two-coder contingency table, as reliability data. */
  ReliabilityData data() {
    JsonNode data = node.get("data");
    return switch (format()) {
      case "units_by_raters" -> unitsByRaters(data);
      case "contingency_2_raters" -> contingency(data);
      default -> throw new IllegalStateException(id() + " holds " + format() + " data, not coded units");
    };
  }

  /**
   * The domain is the values that occur, numbers sorted by size and labels alphabetically: that is the
   * category set of irr and irrCAC (q = categories observed) against which the file's values were computed.
   * Labels that are not numbers get their ranks 1..q as numbers, which is how the reference implementations
   * treat them where they need numbers (irr's vision data "as ranks 1..4").
   */
  private static ReliabilityData unitsByRaters(JsonNode data) {
    int coders = data.get("n_raters").asInt();
    JsonNode rows = data.get("values");
    boolean numeric = true;
    Set<Double> numbers = new TreeSet<>();
    Set<String> labels = new TreeSet<>();
    for (JsonNode row : rows) {
      for (JsonNode cell : row) {
        if (cell.isNull()) {
          continue;
        }
        if (cell.isNumber()) {
          numbers.add(cell.asDouble());
        } else {
          numeric = false;
        }
        labels.add(cell.asText());
      }
    }
    List<String> domainLabels = new ArrayList<>();
    if (numeric) {
      for (double v : numbers) {
        domainLabels.add(label(v));
      }
    } else {
      domainLabels.addAll(labels);
    }
    ValueDomain domain = domain(domainLabels, numeric ? List.copyOf(numbers) : List.of());
    int[][] cells = new int[rows.size()][coders];
    for (int u = 0; u < rows.size(); u++) {
      for (int c = 0; c < coders; c++) {
        JsonNode cell = rows.get(u).get(c);
        cells[u][c] = cell.isNull() ? ReliabilityData.MISSING
            : domainLabels.indexOf(cell.isNumber() ? label(cell.asDouble()) : cell.asText());
      }
    }
    return ReliabilityData.of(domain, coders, cells);
  }

  private static ReliabilityData contingency(JsonNode data) {
    List<String> labels = new ArrayList<>();
    List<Double> numbers = new ArrayList<>();
    boolean numeric = true;
    for (JsonNode c : data.get("categories")) {
      labels.add(c.isNumber() ? label(c.asDouble()) : c.asText());
      numeric &= c.isNumber();
      numbers.add(c.asDouble());
    }
    JsonNode rows = data.get("table");
    long[][] table = new long[labels.size()][labels.size()];
    for (int a = 0; a < labels.size(); a++) {
      for (int b = 0; b < labels.size(); b++) {
        table[a][b] = rows.get(a).get(b).asLong();
      }
    }
    return ReliabilityData.fromContingency(domain(labels, numeric ? numbers : List.of()), table);
  }

  private static ValueDomain domain(List<String> labels, List<Double> numbers) {
    if (!numbers.isEmpty()) {
      return new ValueDomain(labels, Scale.INTERVAL, numbers);
    }
    List<Double> ranks = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      ranks.add(i + 1.0);
    }
    return new ValueDomain(labels, Scale.ORDINAL, ranks);
  }

  private static String label(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** The spans of a unitizing case, positions and lengths multiplied by {@code stretch} and truncated as DKPro does. */
  UnitizingStudy unitizing(double stretch, Optional<String> onlyCategory) {
    JsonNode data = node.get("data");
    List<CodedSpan> spans = new ArrayList<>();
    for (JsonNode u : data.get("units")) {
      String category = u.get("category").asText();
      if (onlyCategory.isPresent() && !onlyCategory.get().equals(category)) {
        continue;
      }
      spans.add(new CodedSpan(u.get("rater").asInt(), (long) (u.get("begin").asLong() * stretch),
          (long) (u.get("length").asLong() * stretch), category));
    }
    return new UnitizingStudy((long) (data.get("continuum_begin").asLong() * stretch),
        (long) (data.get("continuum_length").asLong() * stretch), data.get("n_raters").asInt(), spans);
  }

  /** The section pairs of the distance case: (a, b, delta2). */
  List<JsonNode> sectionPairs() {
    List<JsonNode> pairs = new ArrayList<>();
    node.get("data").get("pairs").forEach(pairs::add);
    return pairs;
  }

  /** The values an independent implementation gave for a coefficient, as recorded with its command in the file. */
  List<JsonNode> independentValues(String coefficient, String implementationPrefix) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode v : node.get("independent_values")) {
      if (v.get("coefficient").asText().equals(coefficient)
          && v.get("implementation").asText().startsWith(implementationPrefix)) {
        found.add(v);
      }
    }
    return found;
  }

  String notes() {
    return node.has("notes") ? node.get("notes").asText() : "";
  }

  /** Every number of "expected" and "reference_values", one value per category, unit, pair or part. */
  List<ReferenceValue> values() {
    List<ReferenceValue> values = new ArrayList<>();
    for (JsonNode e : node.get("expected")) {
      String coefficient = e.get("coefficient").asText();
      double tolerance = e.has("tolerance") ? e.get("tolerance").asDouble() : REFERENCE_TOLERANCE;
      JsonNode value = e.get("value");
      if (value.isNumber()) {
        values.add(new ReferenceValue(id(), "expected", coefficient, Optional.empty(), value.asDouble(), tolerance));
      } else if (value.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> entry = it.next();
          values.add(new ReferenceValue(id(), "expected", coefficient, Optional.of(entry.getKey()),
              entry.getValue().asDouble(), tolerance));
        }
      } else if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          values.add(new ReferenceValue(id(), "expected", coefficient, Optional.of(Integer.toString(i)),
              value.get(i).asDouble(), tolerance));
        }
      } else if (value.asText().startsWith("see data.pairs")) {
        List<JsonNode> pairs = sectionPairs();
        for (int i = 0; i < pairs.size(); i++) {
          values.add(new ReferenceValue(id(), "expected", coefficient, Optional.of(Integer.toString(i)),
              pairs.get(i).get("delta2").asDouble(), tolerance));
        }
      } else {
        throw new IllegalStateException(id() + ": cannot read the value of " + coefficient + ": " + value);
      }
      // parts given beside a value ("Ao", "Ae", "Do", "De") are values of the same coefficient's parts
      for (Iterator<String> it = e.fieldNames(); it.hasNext();) {
        String field = it.next();
        if (!NOT_VALUES.contains(field)) {
          values.add(new ReferenceValue(id(), "expected", coefficient + "_" + field, Optional.empty(),
              e.get(field).asDouble(), tolerance));
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.get("reference_values").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode r = entry.getValue();
      double tolerance = r.has("tolerance") ? r.get("tolerance").asDouble() : REFERENCE_TOLERANCE;
      values.add(new ReferenceValue(id(), "reference_values", entry.getKey(), Optional.empty(),
          r.get("value").asDouble(), tolerance));
    }
    return values;
  }
}
