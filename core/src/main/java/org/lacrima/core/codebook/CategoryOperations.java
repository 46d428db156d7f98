package org.lacrima.core.codebook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.lacrima.core.InputException;
import org.lacrima.core.agreement.Scale;
import org.lacrima.core.Ids;
import org.lacrima.core.text.Counted;
import org.lacrima.core.text.Names;
import org.lacrima.core.coding.Coder;
import org.lacrima.core.coding.Coding;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.coding.Memo;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.transcript.DocumentSummary;

/**
 * Changes to a project's category system, the way constant comparison develops one: add, edit,
 * rename, move, retire, mark children exclusive, merge, split, place what a split left for review,
 * and undo. Each runs inside the caller's transaction, refuses with a clear message rather than
 * lose a coding, and logs who, when, why and exactly what it touched (a {@link SystemDelta} for the
 * system, a {@link CodingTrail} for codings), so that the log replays and every step can be undone.
 */
public final class CategoryOperations {

  /** Who makes a change, why, and when. A change without a reason is refused. */
  public record Attribution(String who, String why, Instant at) {
    public Attribution {
      Objects.requireNonNull(who, "who");
      Objects.requireNonNull(at, "at");
      who = org.lacrima.core.text.Names.person(who);
      if (org.lacrima.core.text.Names.saysNothing(why)) {
        throw new InputException("every change needs a reason (--why \"…\")");
      }
      org.lacrima.core.text.Names.refuseControls("--why", why);
      why = why.strip();
    }
  }

  /** The result of a split: the log entry and how many codings wait in the review queue. */
  public record SplitResult(CodebookChange change, List<UUID> parts, Map<String, Integer> placed, int queued) {
  }

  private final ProjectSession s;
  private final Attribution by;

  private CategoryOperations(ProjectSession session, Attribution by) {
    this.s = session;
    this.by = by;
  }

  public static CategoryOperations on(ProjectSession session, Attribution by) {
    return new CategoryOperations(session, by);
  }

  // ---- add, edit, rename, move, retire, exclusive ----------------------------------------------

  /** Adds a category (an inductive one, found in the material). Its id must be new. */
  public CodebookChange add(Category added) {
    Category category = withNormalLabels(added);
    CategorySystem before = s.categories().current();
    if (before.contains(category.id())) {
      throw new InputException("a category with id " + category.id() + " already exists");
    }
    if (category.label().isEmpty()) {
      throw new InputException("a new category needs a label (its name, in English or German)");
    }
    category.parent().ifPresent(p -> requireActive(before, p, "add a category under"));
    if (category.exclusiveChildren()) {
      // a new category has no subcategories to be exclusive, and the log would not say it was made so
      throw new InputException("a new category has no subcategories yet; once it has two, make them exclusive with: "
          + "lacrima category exclusive PROJECT CATEGORY on");
    }
    refuseNamesOffTheScale(before, category, List.of(category.label().english()));
    List<Category> cats = new ArrayList<>(before.categories());
    cats.add(category.withState(CategoryState.ACTIVE));
    CategorySystem after = CategorySystem.of(before.info(), cats, before.relations(), "adding \""
        + category.label().english() + "\"");
    return commit(CodebookChange.Kind.ADD, "added \"" + after.path(category.id()) + "\""
        + scalePlace(after, category.id(), false).map(n -> " (" + n + ")").orElse(""),
        params("category", category.id()), before, after, CodingTrail.NONE);
  }

  /** Changes fields of a category: labels, definition, rules, examples, notes. Not its place or state. */
  public CodebookChange edit(UUID id, UnaryOperator<Category> change) {
    CategorySystem before = s.categories().current();
    Category old = before.get(id);
    Category edited = withNormalLabels(change.apply(old));
    if (!edited.id().equals(old.id()) || !edited.parent().equals(old.parent()) || !edited.state().equals(old.state())) {
      throw new IllegalArgumentException("an edit changes fields only; use move, merge, split or retire");
    }
    // these two change what the codings mean for agreement, and each has its own logged operation (or none)
    if (edited.exclusiveChildren() != old.exclusiveChildren()) {
      throw new InputException("an edit does not change whether the children of \"" + old.label().english()
          + "\" are exclusive; use: lacrima category exclusive PROJECT CATEGORY on|off");
    }
    if (edited.codable() != old.codable()) {
      throw new InputException("an edit does not change whether \"" + old.label().english() + "\" is codable ("
          + (old.codable() ? "codings rest on it" : "it groups categories") + "); add a new category instead");
    }
    if (edited.label().exactly(LocalizedText.ENGLISH).isEmpty() && old.label().exactly(LocalizedText.ENGLISH).isPresent()) {
      throw new InputException("a category needs an English label; \"" + old.label().english() + "\" would have none");
    }
    for (Map.Entry<String, String> label : edited.label().values().entrySet()) {
      if (!label.getValue().equals(old.label().values().get(label.getKey()))) {
        refuseSiblingLabel(before, old, label.getKey(), label.getValue(), "edit");
      }
    }
    if (!edited.label().english().equals(old.label().english())) {
      refuseNamesOffTheScale(before, old, List.of(edited.label().english()));
    }
    CategorySystem after = replace(before, edited, "editing \"" + old.label().english() + "\"");
    if (edited.scale() != old.scale() && (edited.scale() == Scale.INTERVAL || edited.scale() == Scale.RATIO)) {
      // a group made interval or ratio must hold numbers, one each, or agreement cannot compute it at all
      refuseOffTheScale(edited, new HashMap<>(), after.children(id).stream()
          .filter(CategoryOperations::onTheScale).map(v -> v.label().english()).toList());
    }
    List<String> fields = new ArrayList<>(CodebookDiff.changedFields(old, edited));
    newNumber(before, old, edited).ifPresent(n -> fields.add("so " + n));
    return commit(CodebookChange.Kind.EDIT, "edited \"" + old.label().english() + "\": " + String.join(", ", fields),
        params("category", id), before, after, CodingTrail.NONE);
  }

  public CodebookChange rename(UUID id, String language, String label) {
    CategorySystem before = s.categories().current();
    Category old = before.get(id);
    if (label.isBlank()) {
      throw new InputException("a category needs a label");
    }
    // in NFC, as names are looked up: an accent typed as a separate mark is the same label
    String name = Names.normalize(label);
    refuseSiblingLabel(before, old, language, name, "rename");
    Category renamed = old.withLabel(old.label().with(language, name));
    if (!renamed.label().english().equals(old.label().english())) {
      refuseNamesOffTheScale(before, old, List.of(renamed.label().english()));
    }
    CategorySystem after = replace(before, renamed,
        "renaming \"" + old.label().english() + "\"");
    return commit(CodebookChange.Kind.RENAME, "renamed \"" + old.label().in(language) + "\" to \"" + name
        + "\" (" + language + ")" + newNumber(before, old, renamed).map(n -> "; " + n).orElse(""), params("category", id),
        before, after, CodingTrail.NONE);
  }

  /**
   * Refuses a label a sibling of {@code c} carries in any language, to the eye (in any case, in any Unicode form,
   * with or without characters that do not show), said in the operation's terms before the system's own check names
   * the two siblings neutrally.
   */
  private static void refuseSiblingLabel(CategorySystem before, Category c, String language, String label, String verb) {
    for (Category sibling : c.parent().map(before::children).orElseGet(before::roots)) {
      if (!sibling.id().equals(c.id()) && sibling.label().values().values().stream()
          .anyMatch(l -> Names.confusable(l, label))) {
        throw new InputException("cannot " + verb + " \"" + c.label().english() + "\": the label \"" + label
            + "\" (" + language + ") is the label of its sibling \"" + sibling.label().english()
            + "\", or passes for it (case, spaces, look-alike letters); siblings need labels that differ in every "
            + "language, or a name fits both");
      }
    }
  }

  /** The category with its labels in NFC, as names are looked up. */
  private static Category withNormalLabels(Category c) {
    Map<String, String> labels = new LinkedHashMap<>();
    c.label().values().forEach((language, text) -> labels.put(language, Names.normalize(text)));
    LocalizedText normal = new LocalizedText(labels);
    return normal.equals(c.label()) ? c : c.withLabel(normal);
  }

  public CodebookChange move(UUID id, Optional<UUID> newParent) {
    return relocate(id, newParent, Optional.empty());
  }

  /**
   * Puts a category right before or after {@code sibling}, under the sibling's parent: the order of a group's values is
   * the order of its ordinal scale, and the order in which the codebook is read.
   */
  public CodebookChange moveBeside(UUID id, UUID sibling, boolean after) {
    CategorySystem before = s.categories().current();
    if (sibling.equals(id)) {
      throw new InputException("cannot place \"" + before.get(id).label().english() + "\" before or after itself");
    }
    if (before.get(sibling).state().status() == CategoryState.Status.MERGED) {
      throw new InputException("\"" + before.get(sibling).label().english() + "\" was merged into another and stands "
          + "in the history only; place \"" + before.get(id).label().english() + "\" beside a category in use");
    }
    if (before.isDescendant(sibling, id)) {
      throw new InputException("cannot place \"" + before.get(id).label().english() + "\" beside \""
          + before.get(sibling).label().english() + "\", one of its own subcategories");
    }
    return relocate(id, before.get(sibling).parent(), Optional.of(new Beside(sibling, after)));
  }

  /** Where a placed category goes: next to a sibling, on one side. */
  private record Beside(UUID sibling, boolean after) {
    String wording() {
      return after ? "after" : "before";
    }
  }

  private CodebookChange relocate(UUID id, Optional<UUID> newParent, Optional<Beside> beside) {
    CategorySystem before = s.categories().current();
    Category c = before.get(id);
    if (newParent.isPresent()) {
      UUID p = newParent.get();
      if (p.equals(id) || before.isDescendant(p, id)) {
        throw new InputException("cannot move \"" + c.label().english() + "\" under itself or one of its own "
            + "subcategories (\"" + before.get(p).label().english() + "\")");
      }
      requireActive(before, p, "move a category under");
    }
    boolean newPlace = !c.parent().equals(newParent);
    if (!newPlace && beside.isEmpty()) {
      throw new InputException("\"" + c.label().english() + "\" is already there");
    }
    if (newPlace && c.codable()) {
      refuseNamesOffTheScale(before, newParent, id, List.of(c.label().english()));
    }
    String from = before.path(id);
    String what = "moving \"" + c.label().english() + "\"";
    CategorySystem after = beside.isEmpty() ? replace(before, c.withParent(newParent), what)
        : besideSibling(before, c.withParent(newParent), beside.get(), what);
    if (!newPlace && after.categories().equals(before.categories())) {
      throw new InputException("\"" + c.label().english() + "\" already stands " + beside.get().wording() + " \""
          + before.get(beside.get().sibling()).label().english() + "\"");
    }
    beside.ifPresent(b -> refuseScaleOverruling(after, id, b));
    List<String> notes = new ArrayList<>();
    if (newPlace) {
      exclusiveOverlaps(after, id).ifPresent(notes::add);
    }
    scalePlace(after, id, beside.isPresent()).ifPresent(notes::add);
    ObjectNode params = params("category", id);
    beside.ifPresent(b -> params.put(b.wording(), b.sibling().toString()));
    ColumnCells columnCells = new ColumnCells(s);
    Optional<UUID> column = newPlace ? columnCells.columnLeft(c) : Optional.empty();
    if (column.isPresent()) {
      List<Coverage> cells = columnCells.carry(column.get(), id, params);
      notes.add("the record of which cells of the table column \"" + before.get(column.get()).label().english()
          + "\" each coder filled in goes with it (" + Counted.of(cells.size(), "cell") + "): agreement judges it there, "
          + "as before, and an empty or n/a cell stays not judged");
    }
    String where = beside.map(b -> b.wording() + " \"" + after.get(b.sibling()).label().english() + "\"").orElse("");
    String summary = newPlace
        ? "moved \"" + from + "\" to " + (newParent.isEmpty() ? "the top level" : "\"" + after.path(id) + "\"")
            + (where.isEmpty() ? "" : ", " + where)
        : "placed \"" + from + "\" " + where;
    return commit(CodebookChange.Kind.MOVE, summary + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"),
        params, before, after, CodingTrail.NONE);
  }

  /**
   * On an ordinal scale the parts of a split value stand where the value stood ({@link CategorySystem#inScaleOrder}),
   * whatever the tree's order; a place the scale would not follow is refused rather than shown in the codebook alone.
   */
  private static void refuseScaleOverruling(CategorySystem after, UUID id, Beside beside) {
    Optional<Category> group = ordinalGroupOf(after, id);
    if (group.isEmpty() || !onTheScale(after.get(beside.sibling()))) {
      return;
    }
    List<UUID> order = scaleOf(after, group.get()).stream().map(Category::id).toList();
    int gap = order.indexOf(id) - order.indexOf(beside.sibling());
    if (gap != (beside.after() ? 1 : -1)) {
      throw new InputException("cannot place \"" + after.get(id).label().english() + "\" " + beside.wording() + " \""
          + after.get(beside.sibling()).label().english() + "\": on the ordinal scale of \""
          + group.get().label().english() + "\" the parts of a split value stand where the value stood, and it would "
          + "read " + order.stream().map(v -> after.get(v).label().english()).collect(Collectors.joining(" < ")));
    }
  }

  /** The ordinal group {@code id} is a value of, where it is one that stands on the scale. */
  private static Optional<Category> ordinalGroupOf(CategorySystem system, UUID id) {
    return Optional.of(system.get(id)).filter(CategoryOperations::onTheScale).flatMap(Category::parent)
        .map(system::get).filter(g -> g.scale() == Scale.ORDINAL);
  }

  /** An ordinal group's values in the order of its scale. */
  private static List<Category> scaleOf(CategorySystem system, Category group) {
    return system.inScaleOrder(system.children(group.id()).stream().filter(CategoryOperations::onTheScale).toList());
  }

  /**
   * Whether a value of a group stands on its scale: its codings count in agreement, which a retired value's do; a
   * merged or split one's have gone to its successors.
   */
  private static boolean onTheScale(Category v) {
    return v.state().holdsItsCodings();
  }

  /** The system with {@code moved} taken out of its place and put right before or after its new sibling. */
  private static CategorySystem besideSibling(CategorySystem system, Category moved, Beside beside, String what) {
    List<Category> cats = new ArrayList<>(system.categories().stream().filter(x -> !x.id().equals(moved.id())).toList());
    int at = 0;
    while (!cats.get(at).id().equals(beside.sibling())) {
      at++;
    }
    // siblings keep their relative order in the list, whatever stands between them (the sibling's own children)
    cats.add(beside.after() ? at + 1 : at, moved);
    return CategorySystem.of(system.info(), cats, system.relations(), what);
  }

  /**
   * Where {@code c} now stands among exclusive siblings, how often one coder's codings of two of them overlap, as
   * {@link #exclusive} says when a group is marked: a merge or move can bring into a group what it rules out.
   */
  private Optional<String> exclusiveOverlaps(CategorySystem after, UUID c) {
    Optional<UUID> parent = after.get(c).parent();
    if (parent.isEmpty() || !after.get(parent.get()).exclusiveChildren()) {
      return Optional.empty();
    }
    long clashes = overlapsBetween(after.children(parent.get()));
    return clashes == 0 ? Optional.empty() : Optional.of(Counted.of(clashes, "place") + " where one coder's codings of "
        + "two of the exclusive children of \"" + after.get(parent.get()).label().english() + "\" overlap now; agreement "
        + "counts such a unit as missing for that coder until the codings are settled");
  }

  /**
   * Where a category now stands on the ordinal scale of its group, which is the order of the group's values: a move
   * or an addition puts it where the tree's order of categories falls (usually last), and the team should see that
   * ordinal alpha reads it so. {@code placed}: the team has just chosen the place itself.
   */
  private static Optional<String> scalePlace(CategorySystem after, UUID id, boolean placed) {
    Optional<Category> group = ordinalGroupOf(after, id);
    if (group.isEmpty()) {
      return Optional.empty();
    }
    List<Category> values = scaleOf(after, group.get());
    return Optional.of("on the ordinal scale of \"" + group.get().label().english() + "\", which runs in the order of "
        + "its values, it stands " + (values.get(values.size() - 1).id().equals(id) ? "last" : "at place "
        + (values.stream().map(Category::id).toList().indexOf(id) + 1)) + ": " + values.stream()
        .map(v -> v.label().english()).collect(Collectors.joining(" < "))
        + (placed ? "" : " (category move with --before or --after puts it elsewhere)"));
  }

  /** The number an interval or ratio value stands for, where a new English label changes it. */
  private static Optional<String> newNumber(CategorySystem before, Category old, Category renamed) {
    Optional<Category> group = old.parent().map(before::get)
        .filter(g -> g.scale() == Scale.INTERVAL || g.scale() == Scale.RATIO);
    Optional<java.math.BigDecimal> was = Scale.value(old.label().english());
    Optional<java.math.BigDecimal> now = Scale.value(renamed.label().english());
    if (group.isEmpty() || was.isEmpty() || now.isEmpty() || was.get().compareTo(now.get()) == 0) {
      return Optional.empty();
    }
    return Optional.of("on the " + group.get().scale().name().toLowerCase(java.util.Locale.ROOT) + " scale of \""
        + group.get().label().english() + "\" it stands for " + now.get().toPlainString() + " now, not "
        + was.get().toPlainString());
  }

  /** Hides a category from coding. Its codings stay and count in analysis. */
  public CodebookChange retire(UUID id) {
    CategorySystem before = s.categories().current();
    Category c = requireActive(before, id, "retire");
    long open = before.children(id).stream().filter(ch -> ch.state().isActive()).count();
    if (!c.codable() && open > 0) {
      // a grouping node takes no codings: retired, it would change nothing while the log said it was retired
      throw new InputException("\"" + c.label().english() + "\" groups categories and takes no codings itself; its "
          + (open == 1 ? "subcategory" : open + " subcategories") + " would stay open for coding. Retire those one "
          + "by one (a grouping node with no open subcategory can be retired)");
    }
    CategorySystem after = replace(before, c.withState(CategoryState.RETIRED), "retiring \"" + c.label().english() + "\"");
    refuseStrandingReviewQueues(s, before, after, "retire \"" + c.label().english() + "\"");
    int codings = s.codings().byCategory(id).size();
    return commit(CodebookChange.Kind.RETIRE, "retired \"" + before.path(id) + "\" (" + Counted.of(codings, "coding")
        + (codings == 1 ? " stays)" : " stay)"), params("category", id), before, after, CodingTrail.NONE);
  }

  /**
   * The values of an interval or ratio group are numbers, each another: a part named "2a" would leave the group
   * without a scale, and one named "2.0" beside "2" would be one value twice (agreeing in alpha, not in the kappas).
   */
  private static void refuseNamesOffTheScale(CategorySystem system, Category c, List<String> names) {
    refuseNamesOffTheScale(system, c.parent(), c.id(), names);
  }

  /** As above, for names that are to stand under {@code parent} beside its values other than {@code self}. */
  private static void refuseNamesOffTheScale(CategorySystem system, Optional<UUID> parent, UUID self,
      List<String> names) {
    Optional<Category> group = parent.map(system::get)
        .filter(g -> g.scale() == Scale.INTERVAL || g.scale() == Scale.RATIO);
    if (group.isEmpty()) {
      return;
    }
    Map<java.math.BigDecimal, String> taken = new HashMap<>();
    for (Category sibling : system.children(group.get().id())) {
      // a retired value's codings still count on the scale: its number is taken as much as an active one's
      if (!sibling.id().equals(self) && onTheScale(sibling)) {
        Scale.value(sibling.label().english()).ifPresent(n -> taken.put(n, sibling.label().english()));
      }
    }
    refuseOffTheScale(group.get(), taken, names);
  }

  /** Refuses names that are not numbers, or a number {@code taken} (by value, its name) holds already. */
  private static void refuseOffTheScale(Category group, Map<java.math.BigDecimal, String> taken, List<String> names) {
    for (String name : names) {
      Optional<java.math.BigDecimal> n = Scale.value(name);
      if (n.isEmpty()) {
        throw new InputException("the group \"" + group.label().english() + "\" is "
            + group.scale().name().toLowerCase(java.util.Locale.ROOT) + ": its values are numbers, and \"" + name
            + "\" is not one");
      }
      String other = taken.put(n.get(), name);
      if (other != null) {
        throw new InputException("the group \"" + group.label().english() + "\": \"" + name + "\" is the same "
            + "number as \"" + other + "\"");
      }
    }
  }

  /** Opens a retired category for coding again (and for merging into, splitting, moving under). */
  public CodebookChange reactivate(UUID id) {
    CategorySystem before = s.categories().current();
    Category c = before.get(id);
    if (c.state().status() != CategoryState.Status.RETIRED) {
      throw new InputException("cannot reactivate \"" + c.label().english() + "\": it is " + describeState(before, c)
          + (c.state().isActive() ? " already" : "; only a retired category comes back (lacrima category undo takes "
              + "back a merge or split)"));
    }
    Optional<Category> parent = c.parent().map(before::get);
    if (parent.isPresent() && !parent.get().state().holdsItsCodings()) {
      // a category that lives on only in the history takes no new codings, nor children that take them
      throw new InputException("cannot reactivate \"" + c.label().english() + "\" under \""
          + parent.get().label().english() + "\", which is " + describeState(before, parent.get()) + "; move it to "
          + "an active category first (category move PROJECT CATEGORY --parent …)");
    }
    refuseNamesOffTheScale(before, c, List.of(c.label().english()));
    CategorySystem after = replace(before, c.withState(CategoryState.ACTIVE), "reactivating \"" + c.label().english()
        + "\"");
    return commit(CodebookChange.Kind.REACTIVATE, "reactivated \"" + before.path(id) + "\"", params("category", id),
        before, after, CodingTrail.NONE);
  }

  /** Marks the children of a category as mutually exclusive, or no longer. */
  public CodebookChange exclusive(UUID parent, boolean exclusive) {
    CategorySystem before = s.categories().current();
    Category c = before.get(parent);
    if (c.exclusiveChildren() == exclusive) {
      throw new InputException("the children of \"" + c.label().english() + "\" are already "
          + (exclusive ? "exclusive" : "not exclusive"));
    }
    List<Category> children = before.children(parent);
    if (exclusive && children.size() < 2) {
      throw new InputException("\"" + c.label().english() + "\" has " + children.size()
          + " subcategories; mutual exclusion needs two or more");
    }
    CategorySystem after = replace(before, c.withExclusiveChildren(exclusive), "marking \"" + c.label().english() + "\"");
    long clashes = exclusive ? overlapsBetween(children) : 0;
    // a verb phrase, as every summary is, so that an undo's "undid #N, which …" reads
    return commit(CodebookChange.Kind.EXCLUSIVE, "made the children of \"" + before.path(parent) + "\" "
        + (exclusive ? "mutually exclusive" : "no longer exclusive")
        // the unit is chosen only when agreement runs, so the overlaps of spans are what can be counted here
        + (!exclusive ? "" : " (agreement counts a unit in which one coder gave two of them, overlapping or not, as "
            + "missing for that coder; " + (clashes == 0 ? "no coder's codings of two of them overlap"
                : Counted.of(clashes, "place") + " where one coder's codings of two of them overlap already") + ")"),
        params("category", parent), before, after, CodingTrail.NONE);
  }

  /** How often a coder's codings of two different categories among {@code categories} overlap in a document. */
  private long overlapsBetween(List<Category> categories) {
    List<Coding> codings = new ArrayList<>();
    categories.forEach(c -> codings.addAll(s.codings().byCategory(c.id())));
    return org.lacrima.core.coding.Overlaps.between(codings);
  }

  // ---- merge --------------------------------------------------------------------------------

  /**
   * Merges FROM into INTO: FROM's codings become INTO's (a decision both record becomes one coding
   * whose memo joins both), its children, memos and relations move to INTO (a relation INTO already
   * has, or one between the two, is not doubled), and FROM stays in the history as "merged into
   * INTO". Delimitations that name FROM keep naming it: their text was written about FROM.
   */
  public CodebookChange merge(UUID fromId, UUID intoId) {
    CategorySystem before = s.categories().current();
    // a retired category's codings still count: merging hands them on, as it does an active one's
    Category from = before.get(fromId).state().status() == CategoryState.Status.RETIRED ? before.get(fromId)
        : requireActive(before, fromId, "merge");
    Category into = requireActive(before, intoId, "merge into");
    if (fromId.equals(intoId)) {
      throw new InputException("cannot merge \"" + from.label().english() + "\" into itself");
    }
    if (before.isDescendant(intoId, fromId)) {
      throw new InputException("cannot merge \"" + from.label().english() + "\" into its own descendant \""
          + into.label().english() + "\"; move that one out first, or merge the other way");
    }
    if (!from.codable() || !into.codable()) {
      throw new InputException("only codable categories can be merged (\"" + (from.codable() ? into : from)
          .label().english() + "\" groups categories)");
    }
    List<Category> cats = new ArrayList<>();
    int children = 0;
    for (Category c : before.categories()) {
      Category n = c;
      if (c.id().equals(fromId)) {
        n = c.withState(CategoryState.mergedInto(intoId));
      } else if (c.parent().equals(Optional.of(fromId))) {
        n = c.withParent(Optional.of(intoId));
        children++;
      }
      cats.add(n);
    }
    List<Relation> relations = new ArrayList<>();
    int movedRelations = 0;
    // relations INTO already holds, or that joined the two: not doubled, but named in the log (undo restores them)
    List<String> dropped = new ArrayList<>();
    for (Relation r : before.relations()) {
      if (!r.touches(fromId)) {
        relations.add(r);
        continue;
      }
      Relation moved = new Relation(r.id(), r.kind(), r.from().equals(fromId) ? intoId : r.from(),
          r.to().equals(fromId) ? intoId : r.to(), r.paperSection(), r.note());
      if (!moved.from().equals(moved.to()) && relations.stream().noneMatch(moved::sameAs)
          && before.relations().stream().noneMatch(o -> !o.id().equals(r.id()) && o.sameAs(moved))) {
        relations.add(moved);
        movedRelations++;
      } else {
        dropped.add("\"" + before.get(r.from()).label().english() + "\" " + r.kind().wording() + " \""
            + before.get(r.to()).label().english() + "\"" + (r.note().isEmpty() ? "" : " (note: " + r.note().english() + ")"));
      }
    }
    CategorySystem after = CategorySystem.of(before.info(), cats, relations, "merging \"" + from.label().english()
        + "\" into \"" + into.label().english() + "\"");
    // a queue whose part is merged is placed in INTO instead; checked all the same, should that ever change
    refuseStrandingReviewQueues(s, before, after, "merge \"" + from.label().english() + "\"");

    Map<Coding.Decision, Coding> intoByDecision = new HashMap<>();
    for (Coding c : s.codings().byCategory(intoId)) {
      intoByDecision.put(c.decision(), c);
    }
    List<CodingTrail.Moved> moved = new ArrayList<>();
    List<CodingTrail.Collapsed> collapsed = new ArrayList<>();
    List<UUID> toDelete = new ArrayList<>();
    for (Coding c : s.codings().byCategory(fromId)) {
      Coding twin = intoByDecision.get(sameDecisionAs(c, intoId));
      if (twin == null) {
        moved.add(CodingTrail.Moved.of(c, intoId));
      } else {
        collapsed.add(collapse(c, twin));
        toDelete.add(c.id());
      }
    }
    s.codings().delete(toDelete);
    s.codings().setCategory(moved.stream().map(CodingTrail.Moved::coding).toList(), intoId);
    List<CodingTrail.MemoMoved> memos = new ArrayList<>();
    for (Memo m : s.memos().about(Memo.Target.CATEGORY, fromId)) {
      s.memos().retarget(m.id(), intoId);
      memos.add(new CodingTrail.MemoMoved(m.id(), fromId, intoId));
    }
    List<String> parts = new ArrayList<>();
    parts.add(Counted.of(moved.size(), "coding") + " moved");
    if (!collapsed.isEmpty()) {
      parts.add(collapsed.size() + " collapsed into the same coding of \"" + into.label().english() + "\" (memos joined)");
    }
    if (children > 0) {
      parts.add(children + (children == 1 ? " subcategory" : " subcategories") + " moved");
    }
    if (movedRelations > 0) {
      parts.add(Counted.of(movedRelations, "relation") + " moved");
    }
    if (!dropped.isEmpty()) {
      parts.add(dropped.size() == 1 ? "1 relation dropped, as \"" + into.label().english() + "\" holds it already or "
          + "it joined the two: " + dropped.get(0) : dropped.size() + " relations dropped, as \"" + into.label().english()
          + "\" holds them already or they joined the two: " + String.join("; ", dropped));
    }
    if (!memos.isEmpty()) {
      parts.add(Counted.of(memos.size(), "memo") + " moved");
    }
    exclusiveOverlaps(after, intoId).ifPresent(parts::add);
    if (children > 0) {
      // the subcategories take INTO's rule: a group agreement computed over FROM's children is gone, or one is
      // made over INTO's, and the log must say which
      if (from.exclusiveChildren() && !into.exclusiveChildren()) {
        parts.add("the subcategories of \"" + from.label().english() + "\" were mutually exclusive and under \""
            + into.label().english() + "\" are not (category exclusive PROJECT \"" + into.label().english()
            + "\" on makes them so)");
      } else if (into.exclusiveChildren()) {
        long clashes = overlapsBetween(after.children(intoId));
        parts.add("the subcategories of \"" + from.label().english() + "\" are now among the mutually exclusive "
            + "children of \"" + into.label().english() + "\"" + (clashes == 0 ? "" : "; " + Counted.of(clashes,
                "place") + " where one coder's codings of two of them overlap now; agreement counts such a unit as "
                + "missing for that coder until the codings are settled"));
      }
    }
    long decided = s.consensus().all().stream().filter(d -> d.category().equals(fromId)).count();
    if (decided > 0) {
      // a decision follows its category, but where the merge makes the coders agree it has nothing left to settle
      parts.add(Counted.of(decided, "consensus decision") + " on \"" + from.label().english() + "\" now "
          + (decided == 1 ? "rests" : "rest") + " on \"" + into.label().english() + "\"; where the merge makes the "
          + "coders agree, " + (decided == 1 ? "it settles" : "they settle") + " nothing (consensus status lists such "
          + "decisions)");
    }
    String summary = "merged \"" + from.label().english() + "\" into \"" + into.label().english() + "\": "
        + String.join(", ", parts);
    ObjectNode p = params("from", fromId);
    p.put("into", intoId.toString());
    return commit(CodebookChange.Kind.MERGE, summary, p, before, after, new CodingTrail(moved, collapsed, memos));
  }

  /** The decision a coding would be once in the category {@code into}: what a merge collapses on. */
  private static Coding.Decision sameDecisionAs(Coding c, UUID into) {
    return new Coding.Decision(c.document(), c.coder(), into, c.start(), c.end());
  }

  // ---- split and review -----------------------------------------------------------------------

  /**
   * Splits a category into new parts beside it. Each of its codings goes to the part of the first
   * rule it matches; codings no rule places stay on the category, which is then "split into …" and
   * takes no new codings, in a review queue until a person places them. A rule that matches no
   * coding is refused: it is almost always a typing error.
   */
  public SplitResult split(UUID id, List<String> partNames, List<SplitRule> rules) {
    CategorySystem before = s.categories().current();
    Category c = requireActive(before, id, "split");
    if (!c.codable()) {
      throw new InputException("\"" + c.label().english() + "\" groups categories; split one of its subcategories");
    }
    if (before.children(id).stream().anyMatch(ch -> ch.state().isActive())) {
      throw new InputException("\"" + c.label().english() + "\" has subcategories; move or merge them before splitting it");
    }
    List<String> names = partNames.stream().map(Names::normalize).toList();
    if (names.size() < 2 || names.stream().distinct().count() != names.size() || names.contains("")) {
      throw new InputException("a split needs at least two different part names (--into A --into B)");
    }
    refuseNamesOffTheScale(before, c, names);
    for (SplitRule r : rules) {
      if (!names.contains(r.part())) {
        throw new InputException("--rule \"" + r.text() + "\" places codings in \"" + r.part()
            + "\", which is not one of the parts (" + String.join(", ", names) + ")");
      }
    }
    Map<String, UUID> partIds = new LinkedHashMap<>();
    for (String n : names) {
      partIds.put(n, Ids.next());
    }
    Category splitOne = c.withState(CategoryState.splitInto(List.copyOf(partIds.values())));
    List<Category> cats = new ArrayList<>(before.categories().stream().map(x -> x.id().equals(id) ? splitOne : x)
        .toList());
    // right after the value split, in the order of --into: the tree, the codebook and an ordinal scale then read alike
    int at = cats.indexOf(splitOne) + 1;
    for (Map.Entry<String, UUID> part : partIds.entrySet()) {
      cats.add(at++, Category.named(part.getValue(), c.parent(), LocalizedText.of(part.getKey())));
    }
    CategorySystem after = CategorySystem.of(before.info(), cats, before.relations(), "splitting \""
        + c.label().english() + "\"");

    Map<UUID, String> coders = s.coders().list().stream().collect(Collectors.toMap(Coder::id, Coder::name));
    Map<UUID, DocumentSummary> docs = new HashMap<>();
    s.documents().list().forEach(d -> docs.put(d.id(), d));
    Map<UUID, DocumentText> texts = new HashMap<>();
    int[] matched = new int[rules.size()];
    Map<String, Integer> placed = new LinkedHashMap<>();
    names.forEach(n -> placed.put(n, 0));
    Map<UUID, List<UUID>> toPart = new LinkedHashMap<>();
    List<CodingTrail.Moved> moved = new ArrayList<>();
    int queued = 0;
    List<Coding> codings = s.codings().byCategory(id);
    for (Coding coding : codings) {
      DocumentSummary doc = docs.get(coding.document());
      SplitRule.Candidate candidate = new SplitRule.Candidate(coding, coders.get(coding.coder()), doc.name(),
          doc.variables(), () -> texts.computeIfAbsent(doc.id(), d -> s.documents().text(d))
              .slice(coding.start(), coding.end()));
      String target = null;
      for (int i = 0; i < rules.size(); i++) {
        if (rules.get(i).holds(candidate)) {
          matched[i]++;
          if (target == null) {
            target = rules.get(i).part();
          }
        }
      }
      if (target == null) {
        queued++;
      } else {
        UUID part = partIds.get(target);
        toPart.computeIfAbsent(part, k -> new ArrayList<>()).add(coding.id());
        moved.add(CodingTrail.Moved.of(coding, part));
        placed.merge(target, 1, Integer::sum);
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      if (matched[i] == 0) {
        throw new InputException("--rule \"" + rules.get(i).text() + "\" matches none of the "
            + codings.size() + " codings of \"" + c.label().english() + "\"; nothing was split");
      }
    }
    String summary = "split \"" + c.label().english() + "\" into " + names.stream().map(n -> "\"" + n + "\"")
        .collect(Collectors.joining(", ")) + ": " + placed.entrySet().stream()
        .map(e -> e.getValue() + " to \"" + e.getKey() + "\"").collect(Collectors.joining(", "))
        + ", " + queued + " left for review";
    ObjectNode p = params("category", id);
    var ruleList = p.putArray("rules");
    rules.forEach(r -> ruleList.add(r.text()));
    CodebookChange change = commit(CodebookChange.Kind.SPLIT, summary, p, before, after,
        new CodingTrail(moved, List.of(), List.of()));
    // after the commit has stored the parts: a coding's category must exist
    toPart.forEach((part, ids) -> s.codings().setCategory(ids, part));
    return new SplitResult(change, List.copyOf(partIds.values()), placed, queued);
  }

  /**
   * Places a coding of the review queue in the part named: a label is looked up among the split's parts first,
   * since a part may share its label with a category elsewhere in the tree ("Protest crying" under two parents).
   */
  public CodebookChange place(UUID codingId, String partName) {
    CategorySystem system = s.categories().current();
    Coding coding = s.codings().byIds(List.of(codingId)).get(codingId);
    if (coding != null && system.get(coding.category()).state().status() == CategoryState.Status.SPLIT) {
      Category split = system.get(coding.category());
      Set<UUID> parts = new LinkedHashSet<>(split.state().successors());
      parts.addAll(placeable(system, split));
      List<UUID> named = parts.stream().filter(id -> system.get(id).label().values().values().stream()
          .anyMatch(l -> l.equals(partName.strip()))).toList();
      if (named.size() == 1) {
        return place(codingId, named.get(0));
      }
    }
    return place(codingId, system.resolve(partName).id());
  }

  /**
   * Places a coding from the review queue of a split category in one of its parts, or where that
   * part went since: a part merged into another category places in the one it was merged into.
   */
  public CodebookChange place(UUID codingId, UUID named) {
    CategorySystem system = s.categories().current();
    Coding coding = s.codings().byIds(List.of(codingId)).get(codingId);
    if (coding == null) {
      throw new InputException("no coding with id " + codingId + " in this project");
    }
    Category split = system.get(coding.category());
    if (split.state().status() != CategoryState.Status.SPLIT) {
      throw new InputException("coding " + codingId + " is not waiting for review (its category \""
          + split.label().english() + "\" was not split)");
    }
    if (ConsensusLayer.layersBuild(s).test(coding)) {
      // the next build makes the layer anew from the coders' codings and the decisions: a placement here would
      // vanish with it unsaid
      throw new InputException("coding " + codingId + " is the consensus layer's, as a build made it: the next "
          + "build (consensus PROJECT) makes the layer anew from the coders' codings and the decisions and would "
          + "replace a placement made here; place the coders' codings and build the consensus again, which takes "
          + "this one out of the queue");
    }
    UUID part = system.survivor(named);
    Set<UUID> placeable = placeable(system, split);
    if (placeable.isEmpty()) {
      throw new InputException("no part of \"" + split.label().english() + "\" takes codings any more (it is "
          + describeState(system, split) + ", and none of them is active); undo the operation that retired the last "
          + "one, then place the queue");
    }
    if (!placeable.contains(part)) {
      throw new InputException("\"" + system.get(named).label().english() + "\" is not where codings of \""
          + split.label().english() + "\" can go" + (system.get(part).state().isActive() ? "" : " (it is "
          + describeState(system, system.get(named)) + (part.equals(named) ? "" : ", and \""
              + system.get(part).label().english() + "\" is " + describeState(system, system.get(part))) + ")")
          + "; they can go to " + placeable.stream()
          .map(p -> "\"" + system.get(p).label().english() + "\"").collect(Collectors.joining(", ")));
    }
    ObjectNode p = params("coding", codingId);
    p.put("part", part.toString());
    String placed = "placed coding " + codingId + " from \"" + split.label().english() + "\" in \""
        + system.get(part).label().english() + "\"";
    Coding.Decision there = sameDecisionAs(coding, part);
    Optional<Coding> twin = s.codings().byCategory(part).stream().filter(c -> c.decision().equals(there)).findFirst();
    if (twin.isPresent()) {
      // the coder already records this decision on the part: one coding of it, as a merge would collapse it
      CodingTrail.Collapsed collapsed = collapse(coding, twin.get());
      s.codings().delete(List.of(codingId));
      return commit(CodebookChange.Kind.PLACE, placed + ", where the same coder had coded the same span: collapsed "
          + "into coding " + twin.get().id() + (coding.memo().isEmpty() ? "" : " (memos joined)"), p, system, system,
          new CodingTrail(List.of(), List.of(collapsed), List.of()));
    }
    s.codings().setCategory(List.of(codingId), part);
    return commit(CodebookChange.Kind.PLACE, placed, p, system, system,
        new CodingTrail(List.of(CodingTrail.Moved.of(coding, part)), List.of(), List.of()));
  }

  /**
   * Folds {@code c} into {@code twin}, which records the same decision: the twin takes c's memo. The caller
   * deletes c; the trail entry lets an undo give the memo back and restore c.
   */
  private CodingTrail.Collapsed collapse(Coding c, Coding twin) {
    String joined = Coding.joinMemos(twin.memo(), c.memo());
    if (!joined.equals(twin.memo())) {
      s.codings().setMemo(twin.id(), joined);
    }
    return new CodingTrail.Collapsed(c, twin.id(), twin.memo(), joined);
  }

  /**
   * The active categories a coding in the review queue of {@code split} can be placed in: its parts,
   * or what took them over since (the category a part was merged into, the parts a part was split into).
   */
  public static Set<UUID> placeable(CategorySystem system, Category split) {
    Set<UUID> out = new LinkedHashSet<>();
    Set<UUID> seen = new HashSet<>();
    Deque<UUID> todo = new ArrayDeque<>(split.state().successors());
    while (!todo.isEmpty()) {
      Category c = system.get(todo.removeFirst());
      if (!seen.add(c.id())) {
        continue;
      }
      switch (c.state().status()) {
        case ACTIVE -> out.add(c.id());
        case MERGED, SPLIT -> todo.addAll(c.state().successors());
        case RETIRED -> {
        }
      }
    }
    return out;
  }

  /** Refuses a change after which the review queue of a split category could be placed nowhere. */
  public static void refuseStrandingReviewQueues(ProjectSession s, CategorySystem before, CategorySystem after,
      String action) {
    for (Category split : after.categories()) {
      if (split.state().status() == CategoryState.Status.SPLIT && placeable(after, split).isEmpty()
          && before.byId(split.id()).map(b -> !placeable(before, b).isEmpty()).orElse(true)) {
        int waiting = s.codings().byCategory(split.id()).size();
        if (waiting > 0) {
          throw new InputException("cannot " + action + ": " + waiting + " codings of \"" + split.label().english()
              + "\" wait for review, and no part would be left to place them in; place them first (lacrima category "
              + "review PROJECT)");
        }
      }
    }
  }

  // ---- undo ---------------------------------------------------------------------------------

  /**
   * Undoes the most recent category operation not yet undone, codings made or corrected since kept
   * ({@link CategoryUndo} says how).
   */
  public CodebookChange undo() {
    return new CategoryUndo(s, this).undo();
  }

  /**
   * Whether {@link #undo()} finds an operation to take back: the stack holds one that is not an import whose
   * categories are in use, which an undo passes over and cannot take back itself.
   */
  public boolean hasUndoable() {
    return new CategoryUndo(s, this).hasUndoable();
  }

  /**
   * The category operations that can still be undone, most recent on top. An undo names the entry it
   * undid, which is the top one unless the undo passed over an import whose categories are in use.
   */
  public static Deque<CodebookChange> undoStack(List<CodebookChange> log) {
    return CategoryUndo.undoStack(log);
  }

  // ---- imports ------------------------------------------------------------------------------

  /**
   * Records categories an import created (a table's columns and values, a REFI-QDA codebook), so
   * that the log still replays from the base version and the import can be undone while nothing is
   * coded with them (its documents and codings stay: they are not category operations). An import
   * that changed no category is not logged: there would be nothing to replay or undo.
   */
  public Optional<CodebookChange> recordImport(CategorySystem before, CategorySystem after, String summary,
      String source) {
    SystemDelta delta = SystemDelta.between(before, after);
    if (delta.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("source", source);
    return Optional.of(commitDelta(CodebookChange.Kind.IMPORT, summary, p, after, delta, CodingTrail.NONE));
  }

  // ---- shared -------------------------------------------------------------------------------

  private CodebookChange commit(CodebookChange.Kind kind, String summary, ObjectNode params, CategorySystem before,
      CategorySystem after, CodingTrail trail) {
    SystemDelta delta = SystemDelta.between(before, after);
    if (delta.isEmpty() && trail.isEmpty()) {
      throw new InputException("that changes nothing");
    }
    CategorySystem.checkChangedLabels(before, after, "cannot " + kind.code());
    return commitDelta(kind, summary, params, after, delta, trail);
  }

  CodebookChange commitDelta(CodebookChange.Kind kind, String summary, ObjectNode params, CategorySystem after,
      SystemDelta delta, CodingTrail trail) {
    if (!delta.isEmpty()) {
      s.categories().replace(after);
    }
    ObjectNode details = JsonNodeFactory.instance.objectNode();
    details.put("operation", kind.code());
    details.put("summary", summary);
    details.set("parameters", params);
    details.set("delta", delta.toJson());
    CodebookChange change = s.log().append(by.at(), by.who(), by.why(), kind, CategorySystemCodec.compact(details));
    if (!trail.isEmpty()) {
      s.log().keepTrail(change.sequence(), trail);
    }
    return change;
  }

  private static ObjectNode params(String key, UUID id) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put(key, id.toString());
    return p;
  }

  private static Category requireActive(CategorySystem system, UUID id, String action) {
    Category c = system.get(id);
    if (!c.state().isActive()) {
      throw new InputException("cannot " + action + " \"" + c.label().english() + "\": it is "
          + describeState(system, c) + (c.state().status() == CategoryState.Status.RETIRED
              ? " (lacrima category reactivate opens it again)" : ""));
    }
    return c;
  }

  /** "retired", "merged into "X"", "split into "A", "B"". */
  public static String describeState(CategorySystem system, Category c) {
    return switch (c.state().status()) {
      case ACTIVE -> "active";
      case RETIRED -> "retired";
      case MERGED, SPLIT -> c.state().status().code() + " into " + c.state().successors().stream()
          .map(u -> "\"" + system.get(u).label().english() + "\"").collect(Collectors.joining(", "));
    };
  }

  private static CategorySystem replace(CategorySystem system, Category changed, String what) {
    List<Category> cats = system.categories().stream().map(c -> c.id().equals(changed.id()) ? changed : c).toList();
    return CategorySystem.of(system.info(), cats, system.relations(), what);
  }
}
