package org.lacrima.core.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.lacrima.core.Ids;
import org.lacrima.core.InputException;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.CodingEdit;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.Counted;
import org.lacrima.core.transcript.DocumentSummary;

/**
 * Undoing the most recent category operation not yet undone: the system goes back exactly, moved codings go back
 * (with a span or memo corrected since, which stays), collapsed codings come back with their memos. Codings made
 * since, or given another category by hand, are kept as they are; where that makes an exact undo impossible, the
 * undo is refused. The undo works from the operation's log entry: its {@link SystemDelta} inverted, and its
 * {@link CodingTrail} read backwards.
 */
final class CategoryUndo {

  private final ProjectSession s;
  private final CategoryOperations operations;

  CategoryUndo(ProjectSession s, CategoryOperations operations) {
    this.s = s;
    this.operations = operations;
  }

  /**
   * The entry an undo takes back, with the imports it passes over: an import whose categories carry codings cannot
   * be undone, but what came before it still can, as long as it did not touch the categories the import made or hung
   * its categories under.
   */
  private record Target(CodebookChange top, List<CodebookChange> passed, JsonNode details, SystemDelta delta) {
    String undoing() {
      return "cannot undo #" + top.sequence() + " (" + top.kind().code() + ")";
    }
  }

  /** What an undo did beyond the system, gathered for its summary. */
  private static final class Touched {
    int back;
    final List<UUID> keptAsChanged = new ArrayList<>();
    /** Moved back with a memo rewritten since (codings edit), which may have held a decision made again. */
    final List<UUID> memoRewrittenBack = new ArrayList<>();
    int deletedSince;
    final List<UUID> changedInPlace = new ArrayList<>();
    final List<Coding> decidedAgain = new ArrayList<>();
    final List<Coding> separated = new ArrayList<>();
    int rebuiltSince;
    final List<Coding> restored = new ArrayList<>();
    int memosRewritten;
    final List<UUID> hostDeleted = new ArrayList<>();
    int madeSince;
    int joinedSince;
    int layerDropped;
    final List<String> decisionsLeft = new ArrayList<>();
    final List<CodingTrail.Moved> movedSince = new ArrayList<>();
    final List<CodingTrail.Collapsed> joinedWith = new ArrayList<>();
  }

  CodebookChange undo() {
    Target target = target();
    CodebookChange top = target.top();
    SystemDelta inverse = target.delta().inverse();
    CategorySystem before = s.categories().current();
    String what = "undoing #" + top.sequence() + " (" + top.kind().code() + ")";
    CategorySystem after = inverse.applyTo(before, what);
    // a label the undo brings back may meet one that came later beside it (an import passed over, say)
    CategorySystem.checkChangedLabels(before, after, what);
    // categories the undo takes away (the parts of a split): what still lies there has nowhere else to stay
    Set<UUID> goingAway = new LinkedHashSet<>();
    for (SystemDelta.Entry<Category> e : inverse.categories()) {
      if (e.after().isEmpty()) {
        goingAway.add(e.id());
      }
    }
    CodingTrail trail = s.log().trail(top.sequence());
    List<UUID> trailIds = new ArrayList<>(trail.moved().stream().map(CodingTrail.Moved::coding).toList());
    trail.collapsed().forEach(c -> trailIds.add(c.kept()));
    Map<UUID, Coding> now = s.codings().byIds(trailIds);
    Touched touched = new Touched();
    moveBack(target, trail, now, goingAway, touched);
    bringBackCollapsed(target, trail, now, touched);
    for (CodingTrail.MemoMoved m : trail.memos()) {
      s.memos().retarget(m.memo(), m.from());
    }
    UndoneCategories going = new UndoneCategories(s, before, target.undoing());
    for (UUID gone : goingAway) {
      UndoneCategories.Folded f = going.empty(gone);
      touched.madeSince += f.codings();
      touched.joinedSince += f.joined();
      touched.layerDropped += f.layerDropped();
      // a decision may rest on two parts at once (a new version on the other part)
      f.decisionsLeft().stream().filter(d -> !touched.decisionsLeft.contains(d)).forEach(touched.decisionsLeft::add);
      touched.movedSince.addAll(f.trail().moved());
      touched.joinedWith.addAll(f.trail().collapsed());
    }
    // an upgrade that settled moved "upstream"; the one it replaced comes back, so the upgrade can be taken again
    Optional<CategorySystem> upstreamBefore = top.kind() == CodebookChange.Kind.UPGRADE
        ? s.categories().version(CodebookHistory.upstreamBefore(top.sequence())) : Optional.empty();
    List<String> words = words(touched, target.passed());
    // the undone entry's summary says what it did then, "now based on" included: it must not read as the state now
    String summary = "undid #" + top.sequence() + ", which " + target.details().path("summary").asText()
        .replace("; now based on ", ", basing the project on ")
        + (words.isEmpty() ? "" : " (" + String.join(", ", words) + ")")
        + upstreamBefore.map(u -> "; based on " + u.info().versionLabel() + " again").orElse("");
    if (top.kind() == CodebookChange.Kind.MOVE) {
      new ColumnCells(s).undoMove(target.details().path("parameters"));
    }
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("undoes", top.sequence());
    // what it did to codings made since the undone operation, which no later undo reverses
    CodebookChange undone = operations.commitDelta(CodebookChange.Kind.UNDO, summary, p, after, inverse,
        new CodingTrail(touched.movedSince, touched.joinedWith, List.of()));
    upstreamBefore.ifPresent(previous -> s.categories().saveVersion(CodebookHistory.UPSTREAM, previous,
        undone.sequence()));
    return undone;
  }

  private Target target() {
    Deque<CodebookChange> stack = undoStack(s.log().all());
    if (stack.isEmpty()) {
      throw new InputException("there is no category operation left to undo");
    }
    List<CodebookChange> passed = new ArrayList<>();
    while (!stack.isEmpty() && stack.peek().kind() == CodebookChange.Kind.IMPORT
        && usedCategoryOf(stack.peek()).isPresent()) {
      passed.add(stack.pop());
    }
    if (stack.isEmpty()) {
      CodebookChange first = passed.get(0);
      throw new InputException("cannot undo #" + first.sequence() + " (import): " + usedCategoryOf(first).get()
          + ", and the undo would remove it; an import's categories can be taken back only while nothing is coded or "
          + "judged with them, and there is no category operation before it left to undo. Retire or merge them instead");
    }
    CodebookChange top = stack.peek();
    JsonNode details = CategorySystemCodec.parseJson(top.details(), "log entry " + top.sequence());
    Target target = new Target(top, passed, details, SystemDelta.fromJson(details.path("delta"), "log entry "
        + top.sequence()));
    for (CodebookChange imported : passed) {
      if (buildsOn(deltaOf(imported), target.delta())) {
        throw new InputException(target.undoing() + ": import #" + imported.sequence() + " came after it and built on "
            + "the categories it touched, and that import cannot be undone (" + usedCategoryOf(imported).get() + ")");
      }
    }
    return target;
  }

  /**
   * Moves the codings the operation moved back where they came from, where they still lie as it left them (or were
   * only corrected since, or lie on a category the undo removes); the others stay, and {@code touched} says why.
   */
  private void moveBack(Target target, CodingTrail trail, Map<UUID, Coding> now, Set<UUID> goingAway,
      Touched touched) {
    Map<UUID, List<UUID>> backTo = new LinkedHashMap<>();
    List<Coding> asBefore = new ArrayList<>();
    Map<UUID, List<CodingTrail.Collapsed>> joinedLater = joinedByLaterUndos(target.top().sequence());
    Predicate<Coding> builtByLayer = ConsensusLayer.layersBuild(s);
    Set<UUID> editedSince = editedSince(now.values(), target.top().at(), false);
    Set<UUID> memoEditedSince = editedSince(now.values(), target.top().at(), true);
    for (CodingTrail.Moved m : trail.moved()) {
      Coding found = now.get(m.coding());
      if (found == null) {
        // the consensus layer's coding as a build made it: a later build made it anew (its id names where it lies)
        if (m.leftAs().filter(builtByLayer).isPresent()) {
          touched.rebuiltSince++;
        } else {
          touched.deletedSince++;
        }
        continue;
      }
      // a coding made since that a later undo joined with this one (the same span and coder, folded back from a
      // split's part) is the coder's own: it stays where it was joined when this one goes back
      List<CodingTrail.Collapsed> joins = joinedLater.getOrDefault(found.id(), List.of());
      Coding c = unjoined(found, joins);
      boolean goesBack = true;
      if (goingAway.contains(c.category())
          || c.category().equals(m.to()) && m.leftAs().map(c::equals).orElse(true)) {
        // as the operation left it; or on a category the undo removes (a split's part, also another part than the
        // one it was placed in), where it goes back as it is now, with whatever was added to it
        backTo.computeIfAbsent(m.from(), k -> new ArrayList<>()).add(m.coding());
        if (!c.memo().equals(found.memo())) {
          s.codings().setMemo(c.id(), c.memo());
        }
        touched.back++;
      } else if (!c.category().equals(m.to())) {
        touched.keptAsChanged.add(c.id());
        goesBack = false;
      } else {
        Coding left = m.leftAs().orElseThrow();
        boolean sameSpan = c.start() == left.start() && c.end() == left.end();
        boolean edited = editedSince.contains(c.id());
        // a memo an edit wrote is the team's word on the coding, not a decision made again
        Optional<String> added = (sameSpan || edited) && !memoEditedSince.contains(c.id())
            ? Coding.memoAddedSince(left.memo(), c.memo()) : Optional.empty();
        if (added.isPresent()) {
          // the decision was made again on the category the operation moved it to (a repeated import
          // appends its memo there): the coding goes back as it was, and the later decision stays
          // where it was made, with what it added, instead of leaving with the old one; a boundary corrected since
          // (codings edit) was corrected for both
          asBefore.add(new Coding(c.id(), c.document(), c.start(), c.end(), m.from(), c.coder(), left.memo()));
          touched.decidedAgain.add(new Coding(Ids.next(), c.document(), c.start(), c.end(), m.to(), c.coder(),
              added.get()));
          touched.back++;
        } else if (edited) {
          // its boundary or memo corrected by hand (codings edit), not a decision made again: the operation moved
          // only its category, so that goes back, and the correction stays
          backTo.computeIfAbsent(m.from(), k -> new ArrayList<>()).add(m.coding());
          touched.back++;
          if (memoEditedSince.contains(c.id()) && !c.memo().equals(left.memo())) {
            // what the memo held before the edit (a note of a decision made again, say) only the edit's memo tells
            touched.memoRewrittenBack.add(c.id());
          }
        } else {
          touched.changedInPlace.add(c.id());
          goesBack = false;
        }
      }
      if (goesBack) {
        joins.forEach(j -> touched.separated.add(new Coding(j.removed().id(), found.document(), found.start(),
            found.end(), found.category(), found.coder(), j.removed().memo())));
      }
    }
    Map<UUID, List<UUID>> goingBack = new LinkedHashMap<>();
    backTo.forEach((category, ids) -> goingBack.computeIfAbsent(category, k -> new ArrayList<>()).addAll(ids));
    asBefore.forEach(c -> goingBack.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c.id()));
    refuseCollisions(goingBack, now, target);
    backTo.forEach((category, ids) -> s.codings().setCategory(ids, category));
    asBefore.forEach(s.codings()::update);
  }

  /**
   * Brings back the codings the operation folded into a twin, and those a later undo joined with one that went back;
   * each twin gives back the memo it took over and keeps whatever was added to it since.
   */
  private void bringBackCollapsed(Target target, CodingTrail trail, Map<UUID, Coding> now, Touched touched) {
    List<Coding> restored = touched.restored;
    for (CodingTrail.Collapsed c : trail.collapsed()) {
      restored.add(c.removed());
      Coding kept = now.get(c.kept());
      if (kept == null) {
        // its own decision comes back; whether the deletion of the coding it was folded into meant it too, only the
        // team knows, so the undo says which
        touched.hostDeleted.add(c.removed().id());
        continue;
      }
      String memo = kept.memo().equals(c.keptMemoAfter()) ? c.keptMemoBefore()
          : Coding.memoAddedSince(c.keptMemoAfter(), kept.memo())
              .map(added -> Coding.joinMemos(c.keptMemoBefore(), added)).orElse(null);
      if (memo == null) {
        touched.memosRewritten++;
      } else if (!memo.equals(kept.memo())) {
        s.codings().setMemo(kept.id(), memo);
      }
    }
    List<Coding> all = new ArrayList<>(restored);
    all.addAll(touched.separated);
    Map<UUID, Coding> taken = s.codings().byIds(all.stream().map(Coding::id).toList());
    if (!taken.isEmpty()) {
      Coding c = taken.values().iterator().next();
      throw new InputException(target.undoing() + ": it would bring back the coding " + c.id() + ", which it folded "
          + "into another, but a coding imported since carries that id (" + c.start() + ".." + c.end() + " of "
          + documentName(c.document()) + (taken.size() > 1 ? ", and " + (taken.size() - 1)
          + " more like it" : "") + "); delete that coding first (codings delete PROJECT " + c.id() + ")");
    }
    List<Coding> coming = new ArrayList<>(all);
    coming.addAll(touched.decidedAgain);
    refuseTwins(coming, touched.separated, target);
    s.codings().add(all);
    s.codings().add(touched.decidedAgain);
  }

  /** The decisions the codings on a category record, by the coding that records each. */
  private Map<Coding.Decision, UUID> decisionsOn(UUID category) {
    Map<Coding.Decision, UUID> there = new HashMap<>();
    s.codings().byCategory(category).forEach(c -> there.put(c.decision(), c.id()));
    return there;
  }

  /**
   * A coding brought back where its coder now holds the same span with the same category (an edit since put one
   * there, perhaps one this undo moves back) would record one decision twice, and the store would fold the two into
   * one unsaid: refused, naming the coding that holds it.
   */
  private void refuseTwins(List<Coding> coming, List<Coding> separated, Target target) {
    Map<UUID, Map<Coding.Decision, UUID>> held = new HashMap<>();
    for (Coding c : coming) {
      // the ones already let through count too: two that come back alike would be joined as well
      UUID twin = held.computeIfAbsent(c.category(), this::decisionsOn).putIfAbsent(c.decision(), c.id());
      if (twin != null && coming.stream().anyMatch(x -> x.id().equals(twin))) {
        throw new InputException(target.undoing() + ": it would bring back both " + twin + " and " + c.id() + ", one "
            + "coder's codings of " + c.start() + ".." + c.end() + " of " + documentName(c.document()) + " on \""
            + s.categories().current().get(c.category()).label().english() + "\", which a coder records once; the "
            + "undo cannot be made exactly (codebook log --codings lists what the operation folded)");
      }
      if (twin != null) {
        throw new InputException(target.undoing() + ": it would bring back the coding " + c.id() + " ("
            + c.start() + ".." + c.end() + " of " + documentName(c.document()) + " on \""
            + s.categories().current().get(c.category()).label().english() + "\"), "
            + (separated.contains(c) ? "made since and joined with one it moves back" : "which it folded into another")
            + ", but coding " + twin + " of the same coder would hold that span with that category too (an edit since "
            + "gave it that span); a coder codes a span with a category once: edit or delete " + twin
            + " (codings edit|delete PROJECT " + twin + "), then undo");
      }
    }
  }

  private String documentName(UUID document) {
    return s.documents().list().stream().filter(d -> d.id().equals(document)).map(DocumentSummary::name)
        .findFirst().orElse("a document");
  }

  /** What the undo did to codings and decisions, in words, for its summary. */
  private static List<String> words(Touched t, List<CodebookChange> passed) {
    List<String> words = new ArrayList<>();
    if (t.madeSince > 0) {
      words.add(Counted.of(t.madeSince, "coding") + " made since on the parts moved back"
          + (t.joinedSince == 0 ? "" : ", " + t.joinedSince + " of them joined with the same coding there, memos kept, "
              + "as codebook log --codings lists"));
    }
    if (t.back > 0) {
      words.add(Counted.of(t.back, "coding") + " moved back");
    }
    if (!t.restored.isEmpty()) {
      words.add(Counted.of(t.restored.size(), "collapsed coding") + " restored");
    }
    if (!t.separated.isEmpty()) {
      words.add(Counted.of(t.separated.size(), "coding") + " made since, which an undo had joined with one moved back, "
          + "kept apart where " + (t.separated.size() == 1 ? "it was" : "they were") + " joined");
    }
    if (!t.decidedAgain.isEmpty()) {
      // a coding new to the coder's layer, with an id of its own: named, so that the log says where the later memo went
      words.add(Counted.of(t.decidedAgain.size(), "decision") + " made again since kept where made, with the memo "
          + "added, as " + (t.decidedAgain.size() == 1 ? "the coding " : "the codings ") + t.decidedAgain.stream()
              .map(c -> c.id().toString()).collect(Collectors.joining(", ")));
    }
    if (!t.memoRewrittenBack.isEmpty()) {
      words.add(Counted.of(t.memoRewrittenBack.size(), "coding") + " moved back with the memo an edit wrote since ("
          + named(t.memoRewrittenBack) + "; codings memos lists what each held before, a decision made again there "
          + "included)");
    }
    // named, so that the team can look at each and decide whether it should follow the undo (codings edit)
    if (!t.keptAsChanged.isEmpty()) {
      words.add(Counted.of(t.keptAsChanged.size(), "coding") + " moved elsewhere since and left there ("
          + named(t.keptAsChanged) + ")");
    }
    if (!t.changedInPlace.isEmpty()) {
      words.add(Counted.of(t.changedInPlace.size(), "coding") + " changed since without a trace of codings edit and "
          + "left as changed (" + named(t.changedInPlace) + ")");
    }
    if (!t.hostDeleted.isEmpty()) {
      words.add(Counted.of(t.hostDeleted.size(), "coding") + " brought back whose twin it was folded into was deleted "
          + "since (delete " + (t.hostDeleted.size() == 1 ? "it" : "them") + " too if that deletion meant "
          + (t.hostDeleted.size() == 1 ? "it" : "them") + ": codings delete PROJECT " + t.hostDeleted.stream()
              .map(UUID::toString).collect(Collectors.joining(" ")) + ")");
    }
    if (t.deletedSince > 0) {
      words.add(Counted.of(t.deletedSince, "coding") + " deleted since");
    }
    if (t.rebuiltSince > 0) {
      words.add(Counted.of(t.rebuiltSince, "consensus coding") + " replaced by a consensus build since, left to the "
          + "layer's next build (consensus PROJECT)");
    }
    if (t.memosRewritten > 0) {
      words.add(Counted.of(t.memosRewritten, "memo") + " rewritten since and left as written (it may repeat a memo now "
          + "back on its own coding)");
    }
    if (!t.decisionsLeft.isEmpty()) {
      // not "until the layer is built again": the categories do not come back (added again, one has another id)
      words.add(Counted.of(t.decisionsLeft.size(), "consensus decision") + " resting on "
          + (t.decisionsLeft.size() == 1 ? "a category" : "categories") + " the undo removes ("
          + String.join(", ", t.decisionsLeft.subList(0, Math.min(5, t.decisionsLeft.size())))
          + (t.decisionsLeft.size() > 5 ? ", …" : "") + ") kept on record but applying nowhere now; decide their "
          + "disagreements anew where they remain (consensus status lists them)");
    }
    if (t.layerDropped > 0) {
      // derived codings: the layer's next build makes them again on the categories as they are then
      words.add(Counted.of(t.layerDropped, "consensus coding") + " built on them taken off until the layer is built "
          + "again (consensus PROJECT)");
    }
    if (!passed.isEmpty()) {
      words.add("passing over " + passed.stream().map(c -> "import #" + c.sequence())
          .collect(Collectors.joining(", ")) + ", whose categories are in use");
    }
    return words;
  }

  /**
   * The codings among these that a memo of {@code CodingEdit} says were edited after {@code since}; {@code memo}: only
   * those whose memo such an edit changed.
   */
  private Set<UUID> editedSince(Collection<Coding> codings, Instant since, boolean memo) {
    Set<UUID> ids = new HashSet<>(codings.stream().map(Coding::id).toList());
    Set<UUID> edited = new HashSet<>();
    for (UUID document : new HashSet<>(codings.stream().map(Coding::document).toList())) {
      (memo ? CodingEdit.memoEditedOn(s, document, since) : CodingEdit.editedOn(s, document, since)).stream()
          .filter(ids::contains).forEach(edited::add);
    }
    return edited;
  }

  /**
   * A coding going back to a category where the same coder now holds the same span (an edit since moved it onto
   * one waiting there) would record one decision twice: refused, with both named, rather than failing in the store.
   */
  private void refuseCollisions(Map<UUID, List<UUID>> backTo, Map<UUID, Coding> now, Target target) {
    for (Map.Entry<UUID, List<UUID>> e : backTo.entrySet()) {
      Map<Coding.Decision, UUID> there = decisionsOn(e.getKey());
      for (UUID id : e.getValue()) {
        Coding c = now.get(id);
        UUID twin = c == null ? null : there.get(new Coding.Decision(c.document(), c.coder(), e.getKey(), c.start(),
            c.end()));
        if (twin != null && !twin.equals(id)) {
          throw new InputException(target.undoing() + ": coding " + id
              + " would go back to \"" + s.categories().current().get(e.getKey()).label().english() + "\", where coding "
              + twin + " of the same coder has the same span (an edit since put it there); delete one of the two "
              + "(codings delete PROJECT ID), then undo");
        }
      }
    }
  }

  /** Codings named by id in a summary: the first five, and how many more. */
  private static String named(List<UUID> codings) {
    return codings.stream().limit(5).map(UUID::toString).collect(Collectors.joining(", "))
        + (codings.size() > 5 ? " and " + (codings.size() - 5) + " more" : "");
  }

  /**
   * The codings made since operation {@code sequence} that later undos joined with another coding of the same span
   * and coder (folding a split's part back), by the coding they were joined with; in the order they were joined.
   */
  private Map<UUID, List<CodingTrail.Collapsed>> joinedByLaterUndos(long sequence) {
    Map<UUID, List<CodingTrail.Collapsed>> out = new HashMap<>();
    for (CodebookChange later : s.log().all()) {
      if (later.sequence() > sequence && later.kind() == CodebookChange.Kind.UNDO) {
        s.log().trail(later.sequence()).collapsed()
            .forEach(j -> out.computeIfAbsent(j.kept(), k -> new ArrayList<>()).add(j));
      }
    }
    return out;
  }

  /**
   * A coding as it was before {@code joins} joined others with it: each join's memo taken back where the memo is
   * still as the join left it, and what was written into it since kept.
   */
  private static Coding unjoined(Coding c, List<CodingTrail.Collapsed> joins) {
    String memo = c.memo();
    for (int i = joins.size() - 1; i >= 0; i--) {
      CodingTrail.Collapsed j = joins.get(i);
      String now = memo;
      memo = now.equals(j.keptMemoAfter()) ? j.keptMemoBefore() : Coding.memoAddedSince(j.keptMemoAfter(), now)
          .map(added -> Coding.joinMemos(j.keptMemoBefore(), added)).orElse(now);
    }
    return memo.equals(c.memo()) ? c : new Coding(c.id(), c.document(), c.start(), c.end(), c.category(), c.coder(), memo);
  }

  /**
   * Whether {@link #undo()} finds an operation to take back: the stack holds one that is not an import whose
   * categories are in use, which an undo passes over and cannot take back itself.
   */
  boolean hasUndoable() {
    return undoStack(s.log().all()).stream()
        .anyMatch(c -> c.kind() != CodebookChange.Kind.IMPORT || usedCategoryOf(c).isEmpty());
  }

  /**
   * The category operations that can still be undone, most recent on top. An undo names the entry it
   * undid, which is the top one unless the undo passed over an import whose categories are in use.
   */
  static Deque<CodebookChange> undoStack(List<CodebookChange> log) {
    Deque<CodebookChange> stack = new ArrayDeque<>();
    for (CodebookChange c : log) {
      switch (c.kind()) {
        case SEED, SEED_EMPTY, TAG -> {
        }
        case UNDO -> {
          long undone = CategorySystemCodec.parseJson(c.details(), "log entry " + c.sequence())
              .path("parameters").path("undoes").asLong(-1);
          if (!stack.removeIf(x -> x.sequence() == undone)) {
            stack.pop();
          }
        }
        default -> stack.push(c);
      }
    }
    return stack;
  }

  private static SystemDelta deltaOf(CodebookChange change) {
    return SystemDelta.fromJson(CategorySystemCodec.parseJson(change.details(), "log entry " + change.sequence())
        .path("delta"), "log entry " + change.sequence());
  }

  /** A category an import created that codings or judged cells now rest on, in words; empty when there is none. */
  private Optional<String> usedCategoryOf(CodebookChange imported) {
    for (SystemDelta.Entry<Category> e : deltaOf(imported).categories()) {
      if (e.before().isEmpty() && e.after().isPresent()) {
        int codings = s.codings().byCategory(e.id()).size();
        if (codings > 0 || s.coverage().recordedFor(e.id())) {
          return Optional.of("\"" + e.after().get().label().english() + "\", one of the categories it created, has "
              + (codings > 0 ? codings + " codings" : "cells coders judged"));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether an import touched what {@code earlier} touched, or put categories under one of them. */
  private static boolean buildsOn(SystemDelta imported, SystemDelta earlier) {
    Set<UUID> touched = earlier.touchedCategories();
    return imported.categories().stream().anyMatch(e -> touched.contains(e.id())
        || e.after().flatMap(Category::parent).map(touched::contains).orElse(false)
        || e.before().flatMap(Category::parent).map(touched::contains).orElse(false));
  }
}
