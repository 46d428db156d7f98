package org.lacrima.core.agreement;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lacrima.core.testing.SharedData;

/**
 * The shared reference file ../shared/agreement/reference_cases.json: cases from publications, DKPro's tests
 * and independent implementations (irr, irrCAC, NLTK, statsmodels, scikit-learn), each with its data and the
 * values to reproduce. Read once per test run.
 */
final class ReferenceCases {

  static final String FILE = "agreement/reference_cases.json";

  private static ReferenceCases loaded;

  private final JsonNode root;
  private final List<ReferenceCase> cases;

  private ReferenceCases(JsonNode root) {
    this.root = root;
    List<ReferenceCase> list = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      list.add(new ReferenceCase(c));
    }
    this.cases = List.copyOf(list);
  }

  static synchronized ReferenceCases load() {
    Path file = SharedData.require(FILE);
    if (loaded == null) {
      try {
        // the file records the NaN some implementations printed (irrCAC's ratio alpha), as Python writes it
        ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        loaded = new ReferenceCases(json.readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return loaded;
  }

  List<ReferenceCase> cases() {
    return cases;
  }

  ReferenceCase byId(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("the reference file has no case " + id));
  }

  List<String> knownIssues() {
    List<String> issues = new ArrayList<>();
    root.get("known_issues").forEach(n -> issues.add(n.asText()));
    return issues;
  }
}
