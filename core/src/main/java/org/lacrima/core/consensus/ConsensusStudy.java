package org.lacrima.core.consensus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.study.AgreementRequest;
import org.lacrima.core.agreement.study.StudyData;
import org.lacrima.core.agreement.study.UnitKind;
import org.lacrima.core.project.ProjectSession;

/**
 * The study a consensus layer was built for, kept with the project: "consensus status" and "consensus
 * decide" then work on the same coders, units and filters without being told them again.
 */
public final class ConsensusStudy {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConsensusStudy() {
  }

  public static String toJson(AgreementRequest r) {
    ObjectNode n = JSON.createObjectNode();
    r.coders().forEach(n.putArray("coders")::add);
    n.put("unit", r.unit().code());
    n.put("min_cover_percent", r.minCoverPercent());
    n.put("overlap_percent", r.overlapPercent());
    r.documents().forEach(n.putArray("documents")::add);
    ObjectNode where = n.putObject("where");
    r.where().forEach(where::put);
    if (!r.speakers().isEmpty()) {
      r.speakers().forEach(n.putArray("speakers")::add);
    }
    if (r.speakers().size() == 1) {
      // as the release before wrote it, which reads "speaker" only: a team member still on it keeps the filter
      n.put("speaker", r.speakers().get(0));
    }
    r.categories().forEach(n.putArray("categories")::add);
    n.put("built_codings", BUILT_CODINGS);
    return n.toString();
  }

  /**
   * How the builds of this version give their codings ids ({@link ConsensusLayer#builtId}: from where they lie). A study
   * saved without it, or with the "ids from content" of a build that put the memo into the id, is read by memos.
   */
  private static final String BUILT_CODINGS = "ids from place";

  /** Whether the build the study was saved with gave its codings ids as this version does. */
  static boolean marksBuiltCodings(String json) {
    try {
      return BUILT_CODINGS.equals(JSON.readTree(json).path("built_codings").asText());
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  public static AgreementRequest fromJson(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      Map<String, String> where = new LinkedHashMap<>();
      n.get("where").fields().forEachRemaining(e -> where.put(e.getKey(), e.getValue().asText()));
      return new AgreementRequest(strings(n.get("coders")), UnitKind.parse(n.get("unit").asText()),
          n.get("min_cover_percent").asInt(), n.get("overlap_percent").asInt(), strings(n.get("documents")), where,
          speakers(n), strings(n.get("categories")), 0, false,
          AgreementRequest.DEFAULT_SEED);
    } catch (JsonProcessingException | NullPointerException e) {
      throw new IllegalStateException("the stored consensus study cannot be read: " + json, e);
    }
  }

  /** The speakers of a stored study: a list since several may be named, one string in studies saved before. */
  private static List<String> speakers(JsonNode n) {
    return n.has("speakers") ? strings(n.get("speakers"))
        : Optional.ofNullable(n.get("speaker")).map(x -> List.of(x.asText())).orElse(List.of());
  }

  /**
   * A study as it is kept: the unit it resolved to ("auto" becomes what it chose, which a document added later
   * must not change), the documents by their names in the project, the categories by id (a rename must not lose
   * them), both in a fixed order; the coders in the order given.
   */
  public static AgreementRequest settled(ProjectSession s, StudyData data) {
    AgreementRequest r = data.request();
    var system = s.categories().current();
    List<String> categories = r.categories().stream().map(c -> system.resolve(c).id().toString()).sorted().toList();
    List<String> documents = r.documents().isEmpty() ? List.of()
        : data.documents().stream().map(d -> d.name()).sorted().toList();
    // the coders by their names in the project, as the study resolved them (typed in another case, or split at a
    // comma in a name on the command line)
    List<String> coders = data.coders().stream().map(org.lacrima.core.coding.Coder::name).toList();
    return new AgreementRequest(coders, data.unit(), r.minCoverPercent(), r.overlapPercent(), documents, r.where(),
        r.speakers(), categories, 0, false, AgreementRequest.DEFAULT_SEED);
  }

  /** The study the layer was last built for, or an error saying how to build it. */
  public static AgreementRequest saved(ProjectSession s) {
    return s.consensus().study().map(ConsensusStudy::fromJson).orElseThrow(() -> {
      // decisions without a study: the layer was built and dropped since (consensus drop keeps them)
      int decisions = s.consensus().all().size();
      // by the note a drop leaves: codings once given the coder "consensus" by hand and deleted since leave the coder
      boolean dropped = s.memos().about(org.lacrima.core.coding.Memo.Target.PROJECT, s.project().id()).stream()
          .anyMatch(m -> m.text().startsWith(ConsensusLayer.DROPPED));
      long notBuilt = ConsensusLayer.notBuilt(s);
      if (notBuilt > 0) {
        // codings of the coder "consensus" from a file or by hand: no build was dropped, and none can be made yet
        return new InputException("no consensus layer is built in this project" + (decisions == 0 ? ""
            : " (" + org.lacrima.core.text.Counted.of(decisions, "decision") + " kept from an earlier one)") + ": "
            + ConsensusLayer.notBuiltNote(notBuilt).orElseThrow());
      }
      return new InputException(decisions == 0 && !dropped
          ? "no consensus layer has been built in this project yet; build it first with: consensus PROJECT --coders A,B"
          : decisions == 0 ? "the consensus layer was dropped (codings memos PROJECT shows why); build it again with: "
              + "consensus PROJECT --coders A,B"
          : "the consensus layer was dropped (its " + org.lacrima.core.text.Counted.of(decisions, "decision")
              + " kept, applying again where their disagreements return; codings memos PROJECT shows why it was "
              + "dropped); build it again with: consensus PROJECT --coders A,B");
    });
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
