package org.lacrima.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.lacrima.core.InputException;
import org.lacrima.core.Ids;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategoryOperations;
import org.lacrima.core.codebook.CategoryState;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CodebookChange;
import org.lacrima.core.codebook.CodebookHistory;
import org.lacrima.core.codebook.CodingTrail;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.core.codebook.SplitRule;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.CodingEdit;
import org.lacrima.core.coding.CodingImport;
import org.lacrima.core.coding.CodingRow;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.project.ProjectStore;
import org.lacrima.core.transcript.DocumentSummary;
import org.lacrima.core.transcript.Transcript;
import org.lacrima.core.transcript.TranscriptImport;

/**
 * Random sequences of category operations interleaved with coding imports, edits and deletions,
 * on generated projects. After every step: no coding is lost or invented except as the log
 * accounts for (collapses by merges, restorations by undo); every coding points to an existing
 * category; codings on retired and split categories are exactly the retired ones and the review
 * queue; replaying the log from the base version gives the current system. At the end, undoing
 * every category operation returns the base system and keeps every coding made in between.
 *

 * <p>Seeded: a failure names its seed and step, and reruns the same way. Run on each store by a subclass.
 */
abstract class CategoryHistoryProperties {

  private static final int STEPS = 45;

  /** How many seeded sequences to run. */
  abstract int sequences();

  /** Where the project of one sequence lives. */
  abstract ProjectLocation location(int seed);

  enum Kind {
    IMPORT, EDIT, DELETE, ADD, RENAME, MOVE, MOVE_OUT_OF_A_COLUMN, REORDER, RETIRE, EXCLUSIVE, MERGE, MERGE_WITH_COLLAPSE, SPLIT,
    SPLIT_WITH_REVIEW_QUEUE, PLACE, UNDO, UNDO_KEEPING_A_LATER_DECISION
  }

  private final Map<Kind, Integer> ran = new EnumMap<>(Kind.class);

  @Test
  void categoryOperationsNeverLoseACodingAndAlwaysReplayAndUndo() {
    for (int seed = 1; seed <= sequences(); seed++) {
      new Sequence(seed).run();
    }
    System.out.println(getClass().getSimpleName() + ": category operations run over " + sequences()
        + " sequences of " + STEPS + " steps: " + new TreeMap<>(ran));
    for (Kind k : List.of(Kind.MERGE_WITH_COLLAPSE, Kind.SPLIT_WITH_REVIEW_QUEUE, Kind.RETIRE, Kind.MOVE,
        Kind.MOVE_OUT_OF_A_COLUMN, Kind.REORDER, Kind.UNDO,
        Kind.PLACE, Kind.ADD, Kind.RENAME, Kind.EXCLUSIVE, Kind.EDIT, Kind.DELETE, Kind.UNDO_KEEPING_A_LATER_DECISION)) {
      assertThat(ran.getOrDefault(k, 0)).as("how often " + k + " ran").isPositive();
    }
  }

  private final class Sequence {
    final int seed;
    final Random random;
    final ProjectStore store;
    final CategorySystem base = BuiltInCategorySystem.get();
    /** Codings made by imports in this sequence and not deleted since: undo must keep them all. */
    final Set<UUID> madeAndKept = new HashSet<>();
    /** For each retired category, the codings it had when retired. */
    final Map<UUID, Set<UUID>> retiredWith = new HashMap<>();
    /** For each split category, the codings left for review. */
    final Map<UUID, Set<UUID>> queuedAt = new HashMap<>();
    int step;
    long expectedCodings;

    Sequence(int seed) {
      this.seed = seed;
      this.random = new Random(seed);
      this.store = ProjectStores.create(location(seed), StoreFixtures.newProject("p" + seed), StoreFixtures.seedBuiltIn());
    }

    void run() {
      try (store) {
        store.write(s -> TranscriptImport.run(s, documents(), StoreFixtures.options(List.of())));
        importCodings(60);
        recordColumnCells();
        for (step = 1; step <= STEPS; step++) {
          doOneStep();
          check();
        }
        undoEverything();
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("seed " + seed + ", step " + step + ": " + e.getMessage(), e);
      }
    }

    private List<Transcript> documents() {
      List<Transcript> out = new ArrayList<>();
      String[] words = {"sie", "weinte", "tears", "quiet", "angry", "relief", "ja", "hm", "loss", "mother"};
      for (int d = 0; d < 3; d++) {
        StringBuilder text = new StringBuilder();
        for (int t = 0; t < 12; t++) {
          text.append(t % 2 == 0 ? "I: " : "B: ");
          for (int w = 0; w < 25; w++) {
            text.append(words[random.nextInt(words.length)]).append(' ');
          }
          text.append("\n");
        }
        out.add(new Transcript("doc" + d, "doc" + d + ".txt", "text", "UTF-8", "", text.toString()));
      }
      return out;
    }

    private CategoryOperations ops(ProjectSession s) {
      return CategoryOperations.on(s, new CategoryOperations.Attribution("tester", "step " + step, Instant.now()));
    }

    /** Active categories of the base system: the ones imports and edits use, so that undo can always run. */
    private List<Category> baseActive(CategorySystem current) {
      return current.openForCoding().stream().filter(c -> base.contains(c.id())).toList();
    }

    private <T> T pick(List<T> list) {
      return list.get(random.nextInt(list.size()));
    }

    private void importCodings(int n) {
      long added = store.write(s -> {
        CategorySystem current = s.categories().current();
        List<Category> targets = baseActive(current);
        List<DocumentSummary> docs = s.documents().list();
        List<CodingRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          DocumentSummary d = pick(docs);
          int start = random.nextInt(d.length() - 40);
          rows.add(new CodingRow("gen", i + 2, d.name(), OptionalInt.of(start), OptionalInt.of(start + 5 + random.nextInt(30)),
              "", OptionalInt.empty(), pick(targets).id().toString(), "coder" + random.nextInt(3),
              random.nextInt(4) == 0 ? "memo " + random.nextInt(1000) : "", Optional.empty()));
        }
        // now and then the same decision again with a memo of its own: on a coding a merge moved, undo must keep it
        Map<UUID, String> coderNames = new HashMap<>();
        s.coders().list().forEach(c -> coderNames.put(c.id(), c.name()));
        Map<UUID, String> docNames = new HashMap<>();
        docs.forEach(d -> docNames.put(d.id(), d.name()));
        Set<UUID> targetIds = new HashSet<>(targets.stream().map(Category::id).toList());
        // (among the categories the sequence started with: a repeated decision on a split's part is the case the
        // undo's own tests cover, with its exact outcome)
        List<Coding> repeatable = allCodings(s).stream().filter(c -> targetIds.contains(c.category())).toList();
        if (!repeatable.isEmpty() && random.nextInt(3) == 0) {
          // most often one a merge moved, so that an undo of that merge meets the decision made again
          Set<UUID> merged = new HashSet<>();
          s.log().all().stream().filter(e -> e.kind() == CodebookChange.Kind.MERGE).reduce((a, b) -> b)
              .ifPresent(e -> s.log().trail(e.sequence()).moved().forEach(m -> merged.add(m.coding())));
          List<Coding> moved = repeatable.stream().filter(c -> merged.contains(c.id())).toList();
          Coding c = pick(!moved.isEmpty() && random.nextBoolean() ? moved : repeatable);
          rows.add(new CodingRow("gen", n + 2, docNames.get(c.document()), OptionalInt.of(c.start()),
              OptionalInt.of(c.end()), "", OptionalInt.empty(), c.category().toString(), coderNames.get(c.coder()),
              "again " + step, Optional.empty()));
        }
        long before = s.codings().count();
        CodingImport.run(s, rows.iterator());
        s.codings().forEach(c -> madeAndKept.add(c.id()));
        return s.codings().count() - before;
      });
      expectedCodings += added;
    }

    /** The group a table's column would be: its cells as each coder filled them in, recorded on the group. */
    final UUID column = base.resolve("Forms of emotional crying").id();
    /** All coverage as recorded before the first operation: a move out of the column copies it, its undo removes it. */
    Set<org.lacrima.core.coding.Coverage> coverageAtStart;

    private void recordColumnCells() {
      coverageAtStart = store.write(s -> {
        List<org.lacrima.core.coding.Coverage> cells = new ArrayList<>();
        List<org.lacrima.core.coding.Coder> coders = s.coders().list();
        for (DocumentSummary d : s.documents().list()) {
          for (int k = 0; k < coders.size(); k++) {
            int start = random.nextInt(d.length() / 2);
            cells.add(new org.lacrima.core.coding.Coverage(d.id(), coders.get(k).id(), column, start,
                start + 1 + random.nextInt(d.length() / 2)));
          }
        }
        s.coverage().add(cells);
        return allCoverage(s);
      });
    }

    private Set<org.lacrima.core.coding.Coverage> allCoverage(ProjectSession s) {
      Set<org.lacrima.core.coding.Coverage> all = new HashSet<>();
      s.categories().current().categories().forEach(c -> all.addAll(s.coverage().byCategory(c.id())));
      return all;
    }

    private List<Coding> allCodings(ProjectSession s) {
      List<Coding> all = new ArrayList<>();
      s.codings().forEach(all::add);
      return all;
    }

    private void doOneStep() {
      int r = random.nextInt(100);
      if (r < 12) {
        importCodings(1 + random.nextInt(15));
        count(Kind.IMPORT);
      } else if (r < 18) {
        editCoding();
      } else if (r < 22) {
        deleteCoding();
      } else if (r < 30) {
        categoryOp(Kind.ADD);
      } else if (r < 36) {
        categoryOp(Kind.RENAME);
      } else if (r < 40) {
        categoryOp(Kind.MOVE);
      } else if (r < 43) {
        categoryOp(Kind.REORDER);
      } else if (r < 49) {
        categoryOp(Kind.RETIRE);
      } else if (r < 53) {
        categoryOp(Kind.EXCLUSIVE);
      } else if (r < 66) {
        categoryOp(Kind.MERGE);
      } else if (r < 77) {
        categoryOp(Kind.SPLIT);
      } else if (r < 84) {
        categoryOp(Kind.PLACE);
      } else {
        categoryOp(Kind.UNDO);
      }
    }

    private void count(Kind k) {
      ran.merge(k, 1, Integer::sum);
    }

    private void editCoding() {
      Set<List<Object>> spansBefore = spans();
      try {
        boolean edited = store.write(s -> {
          List<Coding> all = allCodings(s);
          CategorySystem current = s.categories().current();
          List<Coding> editable = all.stream().filter(c -> current.get(c.category()).openForCoding()).toList();
          if (editable.isEmpty()) {
            return false;
          }
          Coding c = pick(editable);
          // as `codings edit` does it: the same checks, and the memo on the document that keeps what it was
          CodingEdit.Change change = random.nextBoolean()
              ? new CodingEdit.Change(OptionalInt.empty(), OptionalInt.of(c.end() + 1 + random.nextInt(5)),
                  Optional.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty())
              : new CodingEdit.Change(OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(),
                  Optional.of(pick(baseActive(current)).id().toString()), Optional.of(c.memo() + " edited"));
          CodingEdit.run(s, c.id(), change, "a correction", "tester", Instant.now());
          return true;
        });
        if (edited) {
          count(Kind.EDIT);
        }
      } catch (InputException refused) {
        // the decision is another coding's already, or the span would pass the text's end: nothing changes
        assertThat(spans()).isEqualTo(spansBefore);
      }
    }

    private void deleteCoding() {
      store.write(s -> {
        List<Coding> all = allCodings(s);
        if (!all.isEmpty()) {
          Coding c = pick(all);
          s.codings().delete(List.of(c.id()));
          madeAndKept.remove(c.id());
          expectedCodings--;
          retiredWith.values().forEach(set -> set.remove(c.id()));
          queuedAt.values().forEach(set -> set.remove(c.id()));
          count(Kind.DELETE);
        }
        return null;
      });
    }

    private void categoryOp(Kind kind) {
      Set<List<Object>> spansBefore = spans();
      try {
        Optional<Kind> done = store.write(s -> Optional.ofNullable(apply(s, kind)));
        done.ifPresent(this::count);
      } catch (InputException refused) {
        // a refusal is a legitimate outcome; the store must then be exactly as before (checked next)
      }
      // a category operation never changes which (document, span, coder) were coded: a collapse
      // removes a coding whose twin records the same span
      assertThat(spans()).as("distinct (document, span, coder) after " + kind).isEqualTo(spansBefore);
    }

    private Set<List<Object>> spans() {
      return store.read(s -> {
        Set<List<Object>> out = new HashSet<>();
        s.codings().forEach(c -> out.add(List.of(c.document(), c.start(), c.end(), c.coder())));
        return out;
      });
    }

    /** Runs one operation; returns the kind to count, or null when it did not apply. */
    private Kind apply(ProjectSession s, Kind kind) {
      CategorySystem sys = s.categories().current();
      List<Category> active = sys.categories().stream().filter(c -> c.state().isActive()).toList();
      List<Category> codable = sys.openForCoding();
      CategoryOperations ops = ops(s);
      switch (kind) {
        case ADD -> {
          Category parent = pick(active);
          ops.add(Category.named(Ids.next(), Optional.of(parent.id()), LocalizedText.of("new " + step)));
          return Kind.ADD;
        }
        case RENAME -> {
          ops.rename(pick(active).id(), random.nextBoolean() ? "en" : "de", "renamed " + step);
          return Kind.RENAME;
        }
        case MOVE -> {
          Category c = pick(active.stream().filter(x -> x.parent().isPresent()).toList());
          List<Category> parents = active.stream().filter(p -> !p.id().equals(c.id())
              && !sys.isDescendant(p.id(), c.id()) && !c.parent().equals(Optional.of(p.id()))).toList();
          if (parents.isEmpty()) {
            return null;
          }
          boolean outOfTheColumn = c.parent().equals(Optional.of(column)) && s.coverage().byCategory(c.id()).isEmpty();
          ops.move(c.id(), Optional.of(pick(parents).id()));
          if (outOfTheColumn) {
            assertThat(new HashSet<>(s.coverage().byCategory(c.id()))).as("the column's cells, carried along")
                .isEqualTo(new HashSet<>(s.coverage().byCategory(column).stream()
                    .map(v -> new org.lacrima.core.coding.Coverage(v.document(), v.coder(), c.id(), v.start(), v.end()))
                    .toList()));
            count(Kind.MOVE);
            return Kind.MOVE_OUT_OF_A_COLUMN;
          }
          return Kind.MOVE;
        }
        case REORDER -> {
          // next to a category anywhere: a new place among its siblings, under its own parent or another
          Category c = pick(active);
          List<Category> beside = active.stream().filter(x -> !x.id().equals(c.id())
              && !sys.isDescendant(x.id(), c.id())).toList();
          if (beside.isEmpty()) {
            return null;
          }
          Category sibling = pick(beside);
          boolean after = random.nextBoolean();
          ops.moveBeside(c.id(), sibling.id(), after);
          CategorySystem now = s.categories().current();
          List<UUID> order = sibling.parent().map(now::children).orElseGet(now::roots).stream().map(Category::id)
              .toList();
          assertThat(order.indexOf(c.id()) - order.indexOf(sibling.id())).as("where it was put")
              .isEqualTo(after ? 1 : -1);
          return Kind.REORDER;
        }
        case RETIRE -> {
          Category c = pick(codable);
          Set<UUID> had = new HashSet<>();
          s.codings().byCategory(c.id()).forEach(x -> had.add(x.id()));
          ops.retire(c.id());
          retiredWith.put(c.id(), had);
          return Kind.RETIRE;
        }
        case EXCLUSIVE -> {
          Category c = pick(active);
          ops.exclusive(c.id(), !c.exclusiveChildren());
          return Kind.EXCLUSIVE;
        }
        case MERGE -> {
          Category from = pick(codable);
          List<Category> into = codable.stream().filter(x -> !x.id().equals(from.id())
              && !sys.isDescendant(x.id(), from.id())).toList();
          if (into.isEmpty()) {
            return null;
          }
          Category target = pick(into);
          if (random.nextBoolean() && base.contains(target.id())) {
            twinOneCoding(s, from, target); // only on base categories, so that undoing everything stays possible
          }
          long before = s.codings().count();
          CodebookChange c = ops.merge(from.id(), target.id());
          CodingTrail trail = s.log().trail(c.sequence());
          assertThat(s.codings().count()).as("codings after a merge").isEqualTo(before - trail.collapsed().size());
          expectedCodings -= trail.collapsed().size();
          return trail.collapsed().isEmpty() ? Kind.MERGE : Kind.MERGE_WITH_COLLAPSE;
        }
        case SPLIT -> {
          List<Category> splittable = codable.stream().filter(c -> !s.codings().byCategory(c.id()).isEmpty()
              && sys.children(c.id()).stream().noneMatch(ch -> ch.state().isActive())).toList();
          if (splittable.isEmpty()) {
            return null;
          }
          Category c = pick(splittable);
          String coder = "coder" + random.nextInt(3);
          List<SplitRule> rules = new ArrayList<>();
          rules.add(SplitRule.parse("coder=" + coder + " -> part A " + step, f -> Set.of()));
          if (random.nextBoolean()) {
            rules.add(SplitRule.parse("document=doc1 -> part B " + step, f -> Set.of()));
          }
          CategoryOperations.SplitResult result = ops.split(c.id(), List.of("part A " + step, "part B " + step), rules);
          Set<UUID> queue = new HashSet<>();
          s.codings().byCategory(c.id()).forEach(x -> queue.add(x.id()));
          assertThat(queue).hasSize(result.queued());
          queuedAt.put(c.id(), queue);
          return result.queued() > 0 ? Kind.SPLIT_WITH_REVIEW_QUEUE : Kind.SPLIT;
        }
        case PLACE -> {
          List<Category> split = sys.categories().stream()
              .filter(c -> c.state().status() == CategoryState.Status.SPLIT
                  && !s.codings().byCategory(c.id()).isEmpty()).toList();
          if (split.isEmpty()) {
            return null;
          }
          Category c = pick(split);
          Coding coding = pick(s.codings().byCategory(c.id()));
          CodebookChange placed = ops.place(coding.id(), pick(c.state().successors()));
          queuedAt.get(c.id()).remove(coding.id());
          expectedCodings -= s.log().trail(placed.sequence()).collapsed().size();
          return Kind.PLACE;
        }
        case UNDO -> {
          CodebookChange top = CategoryOperations.undoStack(s.log().all()).peek();
          if (top == null) {
            return null;
          }
          undoOne(s, ops, top);
          return Kind.UNDO;
        }
        default -> throw new IllegalStateException();
      }
    }

    /** Gives one coding of FROM a twin on INTO (same coder and span), so the merge must collapse. */
    private void twinOneCoding(ProjectSession s, Category from, Category into) {
      List<Coding> fromCodings = s.codings().byCategory(from.id());
      if (fromCodings.isEmpty()) {
        return;
      }
      Coding c = pick(fromCodings);
      Coding twin = new Coding(Ids.next(), c.document(), c.start(), c.end(), into.id(), c.coder(), "twin memo " + step);
      long before = s.codings().count();
      s.codings().add(List.of(twin));
      if (s.codings().count() > before) {
        expectedCodings++;
        madeAndKept.add(twin.id());
      }
    }

    private void undoOne(ProjectSession s, CategoryOperations ops, CodebookChange top) {
      CodingTrail trail = s.log().trail(top.sequence());
      Set<UUID> existing = new HashSet<>();
      allCodings(s).forEach(c -> existing.add(c.id()));
      long restoring = trail.collapsed().stream().filter(c -> !existing.contains(c.removed().id())).count();
      // a moved coding decided again where it was moved to (its memo extended since) goes back as it was,
      // and the later decision stays as a coding of its own
      Map<UUID, Coding> now = s.codings().byIds(trail.moved().stream().map(CodingTrail.Moved::coding).toList());
      // a memo corrected by hand (codings edit, which leaves a trace) is no decision made again: it goes back
      Set<UUID> edited = new HashSet<>();
      now.values().stream().map(Coding::document).distinct().forEach(d -> s.memos()
          .about(org.lacrima.core.coding.Memo.Target.DOCUMENT, d).stream().filter(m -> !m.written().isBefore(top.at()))
          .forEach(m -> CodingEdit.editedBy(m).ifPresent(edited::add)));
      // (not where the undo takes the category away, as it does a split's parts: there it goes back as it is)
      long decidedAgain = top.kind() == CodebookChange.Kind.SPLIT ? 0 : trail.moved().stream().filter(m -> {
        Coding c = now.get(m.coding());
        return c != null && !edited.contains(c.id()) && m.leftAs().isPresent() && c.category().equals(m.to())
            && c.start() == m.leftAs().get().start() && c.end() == m.leftAs().get().end()
            && Coding.memoAddedSince(m.leftAs().get().memo(), c.memo()).isPresent();
      }).count();
      ops.undo();
      restoring += decidedAgain;
      if (decidedAgain > 0) {
        count(Kind.UNDO_KEEPING_A_LATER_DECISION);
      }
      expectedCodings += restoring;
      if (top.kind() == CodebookChange.Kind.RETIRE) {
        retiredWith.keySet().removeIf(id -> s.categories().current().get(id).state().isActive());
      }
      if (top.kind() == CodebookChange.Kind.SPLIT) {
        queuedAt.keySet().removeIf(id -> s.categories().current().get(id).state().isActive());
      }
      if (top.kind() == CodebookChange.Kind.PLACE) {
        for (CodingTrail.Moved m : trail.moved()) {
          queuedAt.computeIfAbsent(m.from(), k -> new HashSet<>()).add(m.coding());
        }
        for (CodingTrail.Collapsed c : trail.collapsed()) {
          queuedAt.computeIfAbsent(c.removed().category(), k -> new HashSet<>()).add(c.removed().id());
        }
      }
    }

    private void check() {
      store.read(s -> {
        CategorySystem current = s.categories().current();
        List<Coding> all = allCodings(s);
        assertThat((long) all.size()).as("codings, as the log accounts for them").isEqualTo(expectedCodings);
        for (Coding c : all) {
          assertThat(current.contains(c.category())).as("coding " + c.id() + " points to an existing category").isTrue();
          Category cat = current.get(c.category());
          switch (cat.state().status()) {
            case MERGED -> throw new AssertionError("coding " + c.id() + " left on merged \"" + cat.label().english() + "\"");
            case RETIRED -> assertThat(retiredWith.getOrDefault(cat.id(), Set.of()))
                .as("codings on retired \"" + cat.label().english() + "\" are the ones it had").contains(c.id());
            case SPLIT -> {
              assertThat(queuedAt.getOrDefault(cat.id(), Set.of()))
                  .as("codings on split \"" + cat.label().english() + "\" are its review queue").contains(c.id());
              assertThat(CategoryOperations.placeable(current, cat))
                  .as("somewhere to place the review queue of \"" + cat.label().english() + "\"").isNotEmpty();
            }
            default -> {
            }
          }
        }
        CategorySystem replayed = CodebookHistory.replay(s);
        assertThat(org.lacrima.core.codebook.CodebookDiff.between(replayed, current))
            .as("what replaying the log misses").isEmpty();
        assertThat(replayed.categories()).as("replaying the log gives the current categories, in order")
            .isEqualTo(current.categories());
        assertThat(replayed.relations()).as("replaying the log gives the current relations").isEqualTo(current.relations());
        return null;
      });
    }

    private void undoEverything() {
      step = STEPS + 1;
      while (store.read(s -> CategoryOperations.undoStack(s.log().all()).peek()) != null) {
        store.write(s -> {
          undoOne(s, ops(s), CategoryOperations.undoStack(s.log().all()).peek());
          return null;
        });
        check();
      }
      store.read(s -> {
        CategorySystem current = s.categories().current();
        assertThat(org.lacrima.core.codebook.CodebookDiff.between(base, current))
            .as("what undoing everything leaves different from the base").isEmpty();
        assertThat(current.categories()).as("undoing everything gives back the base categories").isEqualTo(base.categories());
        assertThat(current.relations()).as("undoing everything gives back the base relations").isEqualTo(base.relations());
        Set<UUID> now = new HashSet<>();
        allCodings(s).forEach(c -> now.add(c.id()));
        assertThat(now).as("every coding made in between is still there").containsAll(madeAndKept);
        Predicate<Coding> onBase = c -> base.contains(c.category());
        assertThat(allCodings(s)).allMatch(onBase);
        assertThat(allCoverage(s)).as("undoing everything leaves the coverage as it was recorded").isEqualTo(coverageAtStart);
        return null;
      });
    }
  }
}
