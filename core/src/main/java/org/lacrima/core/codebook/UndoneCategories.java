package org.lacrima.core.codebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.project.ProjectSession;

/**
 * What lies on the categories an undo takes away, beyond the codings the undone operation itself moved there:
 * codings made since, and the judgments (coverage) a table import or the consensus layer recorded since. Undoing a
 * split folds its parts back into the category it split, so what lies on a part goes there with it; a category
 * that simply goes (an undone addition) may take the consensus layer's judgments with it, which its next build
 * records again, but nothing a coder made.
 */
final class UndoneCategories {

  /**
   * What the fold did, for the undo's summary; {@code layerDropped}: the consensus layer's built codings taken off
   * with it, made again by its next build; {@code trail}: the codings made since that it moved or joined with the
   * same coding there, for the undo's log entry (no undo of the undo brings them back, so the log must say which).
   */
  record Folded(int codings, int joined, int judgments, int layerDropped, CodingTrail trail,
      List<String> decisionsLeft) {
  }

  private final ProjectSession s;
  private final CategorySystem before;
  private final String undoing;

  UndoneCategories(ProjectSession s, CategorySystem before, String undoing) {
    this.s = s;
    this.before = before;
    this.undoing = undoing;
  }

  /** Empties {@code gone} before it is removed, or refuses with what holds it. */
  Folded empty(UUID gone) {
    Optional<Category> splitFrom = before.categories().stream()
        .filter(c -> c.state().status() == CategoryState.Status.SPLIT && c.state().successors().contains(gone))
        .findFirst();
    String label = before.get(gone).label().english();
    if (splitFrom.isPresent()) {
      return fold(gone, splitFrom.get().id());
    }
    // the consensus layer's codings a build made there: derived, like its judgments, and made again by its next build,
    // but for a decision's new version there: that decision stays on record and applies nowhere (said in the summary)
    int dropped = dropBuiltCodings(gone);
    Optional<UUID> layer = layer();
    int left = s.codings().byCategory(gone).size();
    if (left > 0) {
      throw new InputException(undoing + ": " + org.lacrima.core.text.Counted.of(left, "coding")
          + (left == 1 ? " has" : " have") + " since been made on \"" + label
          + "\", which the undo would remove; delete them first (codings delete PROJECT ID…, with the ids "
          + "codings export lists), and import them again on another category if they should stay");
    }
    List<String> judges = s.coverage().byCategory(gone).stream().map(Coverage::coder)
        .filter(c -> layer.map(l -> !l.equals(c)).orElse(true)).distinct()
        .map(c -> s.coders().list().stream().filter(x -> x.id().equals(c)).map(Coder::name).findFirst()
            .orElse(c.toString()))
        .toList();
    if (!judges.isEmpty()) {
      throw new InputException(undoing + ": " + String.join(", ", judges) + " judged \"" + label
          + "\" in a table import since, and the undo would remove that judgment; retire the category instead "
          + "(its codings and judgments stay)");
    }
    int judgments = s.coverage().byCategory(gone).size();
    // the consensus layer's judgment of a category that goes: derived, and recorded again by its next build
    layer.ifPresent(l -> s.coverage().remove(l, documentsOf(gone), List.of(gone)));
    return new Folded(0, 0, judgments, dropped, CodingTrail.NONE, decisionsOn(gone));
  }

  /**
   * A split's part goes back into the category it came from, and so does what was made on it since: a coding
   * that the same coder also holds on that span there becomes one, with both memos.
   */
  private Folded fold(UUID part, UUID source) {
    // the consensus layer's built codings there are made again by its next build, on the category as it is then;
    // moved, they would carry an id that names the part, and read as made by hand
    int dropped = dropBuiltCodings(part);
    Optional<UUID> layer = layer();
    Map<String, Coding> there = new HashMap<>();
    s.codings().byCategory(source).forEach(c -> there.put(key(c), c));
    List<UUID> moved = new ArrayList<>();
    List<UUID> joined = new ArrayList<>();
    List<CodingTrail.Moved> movedTrail = new ArrayList<>();
    List<CodingTrail.Collapsed> joinedTrail = new ArrayList<>();
    for (Coding c : s.codings().byCategory(part)) {
      Coding twin = there.get(key(c));
      if (twin == null) {
        moved.add(c.id());
        movedTrail.add(CodingTrail.Moved.of(c, source));
      } else {
        String memo = Coding.joinMemos(twin.memo(), c.memo());
        if (!memo.equals(twin.memo())) {
          s.codings().setMemo(twin.id(), memo);
        }
        joined.add(c.id());
        joinedTrail.add(new CodingTrail.Collapsed(c, twin.id(), twin.memo(), memo));
      }
    }
    s.codings().delete(joined);
    s.codings().setCategory(moved, source);
    List<Coverage> judged = s.coverage().byCategory(part);
    // the layer's judgments go with its codings there (missing, not absent, until its next build); a coder's move
    s.coverage().add(judged.stream().filter(j -> layer.map(l -> !l.equals(j.coder())).orElse(true))
        .map(j -> new Coverage(j.document(), j.coder(), source, j.start(), j.end())).toList());
    judged.stream().map(Coverage::coder).distinct()
        .forEach(coder -> s.coverage().remove(coder, documentsOf(part), List.of(part)));
    // decisions on the part stay on record; the disagreements they settled are the source's now, under other ids
    return new Folded(moved.size() + joined.size(), joined.size(), judged.size(), dropped,
        new CodingTrail(movedTrail, joinedTrail, List.of()), decisionsOn(part));
  }

  private List<org.lacrima.core.consensus.ConsensusDecision> decisions;

  /**
   * The consensus decisions that rest on a category going: on a disagreement about it, or putting a new version on
   * it. They stay on record, and apply nowhere once it is gone (a category added again has another id).
   */
  private List<String> decisionsOn(UUID gone) {
    if (decisions == null) {
      decisions = s.consensus().all();
    }
    return decisions.stream().filter(d -> d.category().equals(gone) || d.newCategory().equals(Optional.of(gone)))
        .map(org.lacrima.core.consensus.ConsensusDecision::disagreement).toList();
  }

  /** Deletes the consensus layer's codings on a category that a build made; how many. */
  private int dropBuiltCodings(UUID category) {
    List<UUID> ids = s.codings().byCategory(category).stream().filter(ConsensusLayer.layersBuild(s)).map(Coding::id)
        .toList();
    s.codings().delete(ids);
    return ids.size();
  }

  /** The consensus layer's coder, where there is one. */
  private Optional<UUID> layer() {
    return ConsensusLayer.coder(s);
  }

  private List<UUID> documentsOf(UUID category) {
    return s.coverage().byCategory(category).stream().map(Coverage::document).distinct().toList();
  }

  private static String key(Coding c) {
    return c.document() + " " + c.coder() + " " + c.start() + " " + c.end();
  }
}
