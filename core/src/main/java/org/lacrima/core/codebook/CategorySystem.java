package org.lacrima.core.codebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lacrima.core.text.Names;

/**
 * A whole category system: its categories as a tree (kept in pre-order, siblings in their given
 * order) and the relations between them. Immutable, and valid by construction: {@link #of} checks
 * that ids are unique, parents and relation ends exist, there are no cycles, and sibling labels
 * differ, so that every category has a unique path.
 */
public final class CategorySystem {

  /** Separates levels in a category path: labels themselves may contain "/". */
  public static final String PATH_SEPARATOR = " > ";

  /**
   * " > " inside a label, or " >" at its end: in a path ("Tail > > K") either reads as a step down. A label that
   * begins with "> " ("> 5 years") is read whole, as the step before it takes the separator.
   */
  // any white space around ">": a no-break space on either side still reads as a step down a level
  private static final Pattern SEPARATOR_INSIDE = Pattern.compile("\\s>(\\s|$)", Pattern.UNICODE_CHARACTER_CLASS);

  private final SystemInfo info;
  private final List<Category> categories;
  private final List<Relation> relations;
  private final Map<UUID, Category> byId;
  private final Map<UUID, List<Category>> children;

  private CategorySystem(SystemInfo info, List<Category> preOrder, List<Relation> relations,
      Map<UUID, Category> byId, Map<UUID, List<Category>> children) {
    this.info = info;
    this.categories = preOrder;
    this.relations = relations;
    this.byId = byId;
    this.children = children;
  }

  /**
   * Builds and validates a system. {@code source} names where it came from for error messages.
   * Categories may come in any order; siblings keep their relative order.
   */
  public static CategorySystem of(SystemInfo info, List<Category> categories, List<Relation> relations,
      String source) {
    Map<UUID, Category> byId = new LinkedHashMap<>();
    for (int i = 0; i < categories.size(); i++) {
      Category c = categories.get(i);
      if (byId.putIfAbsent(c.id(), c) != null) {
        throw new CategorySystemException(source, "category " + (i + 1) + " (" + c.label().english() + ")",
            "id " + c.id() + " is used twice");
      }
      if (c.label().isEmpty()) {
        throw new CategorySystemException(source, "category " + (i + 1) + " (" + c.id() + ")", "has no label");
      }
    }
    Map<UUID, List<Category>> children = new HashMap<>();
    List<Category> roots = new ArrayList<>();
    for (Category c : categories) {
      if (c.parent().isPresent()) {
        UUID p = c.parent().get();
        if (!byId.containsKey(p)) {
          throw new CategorySystemException(source, "category " + describe(c),
              "its parent " + p + " does not exist");
        }
        children.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
      } else {
        roots.add(c);
      }
    }
    List<Category> preOrder = new ArrayList<>(categories.size());
    Set<UUID> seen = new HashSet<>();
    for (Category root : roots) {
      walk(root, children, preOrder, seen);
    }
    if (preOrder.size() != categories.size()) {
      Category stray = categories.stream().filter(c -> !seen.contains(c.id())).findFirst().orElseThrow();
      throw new CategorySystemException(source, "category " + describe(stray),
          "is its own ancestor (the parents form a cycle)");
    }
    checkSiblingLabels(roots, source);
    children.values().forEach(sibs -> checkSiblingLabels(sibs, source));
    for (Category c : categories) {
      for (UUID successor : c.state().successors()) {
        if (!byId.containsKey(successor)) {
          throw new CategorySystemException(source, "category " + describe(c),
              "is " + c.state().status().code() + " into " + successor + ", which does not exist");
        }
      }
      for (Delimitation d : c.delimitations()) {
        if (!byId.containsKey(d.neighbour())) {
          throw new CategorySystemException(source, "category " + describe(c),
              "a delimitation names neighbour " + d.neighbour() + ", which does not exist");
        }
      }
    }
    Set<UUID> relationIds = new HashSet<>();
    for (int i = 0; i < relations.size(); i++) {
      Relation r = relations.get(i);
      String where = "relation " + (i + 1) + " (" + r.kind().wording() + ")";
      if (!relationIds.add(r.id())) {
        throw new CategorySystemException(source, where, "id " + r.id() + " is used twice");
      }
      for (UUID end : List.of(r.from(), r.to())) {
        if (!byId.containsKey(end)) {
          throw new CategorySystemException(source, where, "category " + end + " does not exist");
        }
      }
      if (r.from().equals(r.to())) {
        throw new CategorySystemException(source, where, "relates a category to itself");
      }
      for (int j = 0; j < i; j++) {
        if (relations.get(j).sameAs(r)) {
          throw new CategorySystemException(source, where, "repeats relation " + (j + 1));
        }
      }
    }
    Map<UUID, List<Category>> frozenChildren = new HashMap<>();
    children.forEach((k, v) -> frozenChildren.put(k, List.copyOf(v)));
    frozenChildren.put(null, List.copyOf(roots));
    Map<UUID, Category> orderedById = new LinkedHashMap<>();
    preOrder.forEach(c -> orderedById.put(c.id(), c));
    return new CategorySystem(info, List.copyOf(preOrder), List.copyOf(relations),
        Collections.unmodifiableMap(orderedById), frozenChildren);
  }

  private static void walk(Category c, Map<UUID, List<Category>> children, List<Category> out, Set<UUID> seen) {
    if (!seen.add(c.id())) {
      return;
    }
    out.add(c);
    for (Category child : children.getOrDefault(c.id(), List.of())) {
      walk(child, children, out, seen);
    }
  }

  private static void checkSiblingLabels(List<Category> siblings, String source) {
    Map<String, Category> seen = new HashMap<>();
    for (Category c : siblings) {
      for (Map.Entry<String, String> label : c.label().values().entrySet()) {
        String key = label.getKey() + "\u0000" + label.getValue().toLowerCase(Locale.ROOT);
        Category other = seen.putIfAbsent(key, c);
        if (other != null && !other.id().equals(c.id())) {
          // neither is "the" culprit: a rename may have brought either label
          throw new CategorySystemException(source, "category " + describe(c), "has the label \""
              + label.getValue() + "\" (" + label.getKey() + ") that its sibling " + describe(other)
              + " has too; siblings need labels that differ");
        }
      }
    }
  }

  private static final java.util.regex.Pattern AN_ID = java.util.regex.Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * What makes a text unfit to be a new label, if anything: a line break or control character, the separator of a
   * path, or the form of a category id. For those who make labels from data (a table's values) and can say where
   * the text came from, as for the checks of a changed system.
   */
  public static Optional<String> labelProblem(String label) {
    if (label.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("the label \"" + label.replaceAll("\\p{Cc}", "?") + "\" holds a line break or a control "
          + "character; a label is one line of text");
    }
    Optional<String> printed = Names.lineProblem("the label", label);
    if (printed.isPresent()) {
      return printed;
    }
    if (Names.saysNothing(label)) {
      return Optional.of("the label shows nothing (blanks or invisible characters only); a category needs a name");
    }
    int first = label.codePointAt(0);
    int last = label.codePointBefore(label.length());
    if (Names.blankOrInvisible(first) || Names.blankOrInvisible(last)) {
      // "Pause" with a no-break space after it looks like its sibling "Pause" in every listing
      return Optional.of("the label \"" + label + "\" begins or ends with a blank or invisible character (such as a "
          + "no-break or zero-width space), and would look like a label without it; remove it");
    }
    if (SEPARATOR_INSIDE.matcher(label).find()) {
      return Optional.of("the label \"" + label + "\" contains \" > \", which separates the levels of a category path, "
          + "or ends with \" >\"; choose a label without it");
    }
    if (AN_ID.matcher(label.strip()).matches()) {
      // a category is named by id before label: the label would lead to another category, or to none
      return Optional.of("the label \"" + label + "\" has the form of a category id; choose a label in words");
    }
    return Optional.empty();
  }

  /**
   * A label is one line, and no text holds control characters but line breaks and tabs: a label with a line
   * break tears the tree and the tables apart, an escape sequence would act on the terminal, and a DEL or C1
   * control makes the JSON export unreadable to YAML readers. Only what a change brings is checked.
   */
  private static void checkCharacters(Category c, Optional<Category> old, Set<String> freshLabels, String source) {
    Set<String> had = new HashSet<>();
    old.ifPresent(o -> texts(CategorySystemCodec.category(o), had));
    for (String label : freshLabels) {
      if (label.codePoints().anyMatch(Character::isISOControl)) {
        throw new CategorySystemException(source, "category " + describe(c), labelProblem(label).orElseThrow());
      }
    }
    Set<String> texts = new HashSet<>();
    texts(CategorySystemCodec.category(c), texts);
    for (String t : texts) {
      // a text the category had before this change was accepted then
      if (!had.contains(t)) {
        controlProblem(t).ifPresent(problem -> {
          throw new CategorySystemException(source, "category " + describe(c), "a text " + problem);
        });
      }
    }
  }

  /** What is wrong with a text holding control characters other than line breaks and tabs, with them shown as "?". */
  public static Optional<String> controlProblem(String t) {
    // half of a character (a JSON escape "\ud83d" without its pair) would be stored as "?"
    OptionalInt half = t.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
        .findFirst();
    if (half.isPresent()) {
      return Optional.of(String.format("holds half of a character (the lone surrogate U+%04X, as an escape \\u%04x "
          + "without its pair gives it), which no text holds", half.getAsInt(), half.getAsInt()));
    }
    // a noncharacter (U+FFFE, U+FFFF, …) is for a program's own use; exports could only write it as "?"
    OptionalInt non = t.codePoints().filter(cp -> (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF))
        .findFirst();
    if (non.isPresent()) {
      return Optional.of(String.format("holds the noncharacter U+%04X, which no text holds", non.getAsInt()));
    }
    return t.codePoints().anyMatch(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t')
        ? Optional.of("holds a control character (\"" + t.replaceAll("[\\p{Cc}&&[^\\n\\r\\t]]", "?")
            + "\"); texts keep line breaks and tabs only")
        : Optional.empty();
  }

  private static void texts(com.fasterxml.jackson.databind.JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.elements().forEachRemaining(n -> texts(n, out));
  }

  /**
   * Refuses labels that would make a name fit more than one category, on the categories a change
   * adds, relabels or moves (the existing ones were accepted when they came): a label holding " > ",
   * which a path reads as a step down a level, and a label that a sibling carries in any language,
   * since a name or path is looked up in every language. Kept out of {@link #of} so that a project
   * stored before these rules still opens, replays and undoes.
   */
  public static void checkChangedLabels(CategorySystem before, CategorySystem after, String source) {
    for (Category c : after.categories()) {
      Optional<Category> old = before.byId(c.id());
      boolean relabelled = old.isEmpty() || !old.get().label().equals(c.label());
      // only labels this change brings are checked: a clash or separator an older system already had must not
      // stop the team from renaming its way out of it, one language at a time
      boolean placed = old.isEmpty() || !old.get().parent().equals(c.parent());
      Set<String> fresh = new HashSet<>();
      c.label().values().values().stream()
          .filter(l -> placed || old.get().label().values().values().stream().noneMatch(l::equals))
          .forEach(fresh::add);
      if (old.isEmpty() || !old.get().equals(c)) {
        checkCharacters(c, old, fresh, source);
      }
      if (relabelled) {
        for (String label : fresh) {
          Optional<String> problem = labelProblem(label);
          if (problem.isPresent()) {
            throw new CategorySystemException(source, "category " + describe(c), problem.get());
          }
        }
      }
      if (!relabelled && old.get().parent().equals(c.parent())) {
        continue;
      }
      List<Category> siblings = c.parent().map(after::children).orElseGet(after::roots);
      for (Category sibling : siblings) {
        if (sibling.id().equals(c.id())) {
          continue;
        }
        for (Map.Entry<String, String> mine : c.label().values().entrySet()) {
          if (!fresh.contains(mine.getValue())) {
            continue;
          }
          for (Map.Entry<String, String> theirs : sibling.label().values().entrySet()) {
            if (Names.confusable(mine.getValue(), theirs.getValue())) {
              throw new CategorySystemException(source, "category " + describe(c), "its label \"" + mine.getValue()
                  + "\" (" + mine.getKey() + ") is the label of its sibling " + describe(sibling) + " ("
                  + theirs.getKey() + "), or passes for it (case, spaces, look-alike letters); siblings need labels "
                  + "that differ in every language, or a name fits both");
            }
          }
        }
      }
    }
  }

  private static String describe(Category c) {
    return "\"" + c.label().english() + "\" (" + c.id() + ")";
  }

  public SystemInfo info() {
    return info;
  }

  /** All categories in pre-order. */
  public List<Category> categories() {
    return categories;
  }

  public List<Category> codable() {
    return categories.stream().filter(Category::codable).toList();
  }

  /** Categories that take new codings: codable and active. */
  public List<Category> openForCoding() {
    return categories.stream().filter(Category::openForCoding).toList();
  }

  public List<Relation> relations() {
    return relations;
  }

  public int size() {
    return categories.size();
  }

  public Optional<Category> byId(UUID id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Category get(UUID id) {
    Category c = byId.get(id);
    if (c == null) {
      throw new UnknownCategoryException("no category with id " + id);
    }
    return c;
  }

  public boolean contains(UUID id) {
    return byId.containsKey(id);
  }

  /**
   * The categories whose codings went to {@code id} by merges and splits, and those whose codings went to them, and
   * so on back: where a category's history lies (the inverse of {@link #survivor}, and of splits).
   */
  public List<UUID> predecessors(UUID id) {
    Map<UUID, List<UUID>> before = new HashMap<>();
    for (Category c : categories) {
      c.state().successors().forEach(next -> before.computeIfAbsent(next, x -> new ArrayList<>()).add(c.id()));
    }
    List<UUID> out = new ArrayList<>();
    java.util.ArrayDeque<UUID> todo = new java.util.ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      for (UUID earlier : before.getOrDefault(todo.pop(), List.of())) {
        if (!out.contains(earlier)) {
          out.add(earlier);
          todo.push(earlier);
        }
      }
    }
    return out;
  }

  /** The category that took over from {@code id}: itself, or where it was merged into, followed to the end. */
  public UUID survivor(UUID id) {
    UUID at = id;
    for (Category c = get(at); c.state().status() == CategoryState.Status.MERGED; c = get(at)) {
      at = c.state().successors().get(0);
    }
    return at;
  }

  public List<Category> roots() {
    return children.get(null);
  }

  public List<Category> children(UUID parent) {
    return children.getOrDefault(parent, List.of());
  }

  /**
   * A group's values in the order of its scale: the tree's order, but the parts of a value split since stand where it
   * stood. A split puts them there in the tree; one made before this release appended them after their older
   * siblings, which on an ordinal scale would put "mid low" and "mid high" above "high". {@code children}: some
   * children of one parent.
   */
  public List<Category> inScaleOrder(List<Category> children) {
    if (children.isEmpty()) {
      return children;
    }
    List<Category> siblings = children.get(0).parent().map(this::children).orElseGet(this::roots);
    Set<UUID> ids = new HashSet<>(siblings.stream().map(Category::id).toList());
    Set<UUID> parts = new HashSet<>();
    siblings.forEach(x -> x.state().successors().stream().filter(ids::contains)
        .filter(u -> x.state().status() == CategoryState.Status.SPLIT).forEach(parts::add));
    List<UUID> order = new ArrayList<>();
    siblings.stream().filter(x -> !parts.contains(x.id())).forEach(x -> placeWithParts(x, ids, order));
    return children.stream().sorted(java.util.Comparator.comparingInt((Category c) -> order.indexOf(c.id()))).toList();
  }

  /**
   * A value, then the parts it was split into (each followed by its own parts), where they are its siblings, in the
   * tree's order of them (which a team can change).
   */
  private void placeWithParts(Category c, Set<UUID> siblings, List<UUID> order) {
    order.add(c.id());
    if (c.state().status() == CategoryState.Status.SPLIT) {
      Set<UUID> parts = new HashSet<>(c.state().successors());
      c.parent().map(this::children).orElseGet(this::roots).stream()
          .filter(x -> parts.contains(x.id()) && siblings.contains(x.id()))
          .forEach(part -> placeWithParts(part, siblings, order));
    }
  }

  /** Depth below the roots: 0 for a root. */
  public int depth(UUID id) {
    int d = 0;
    Category c = get(id);
    while (c.parent().isPresent()) {
      d++;
      c = get(c.parent().get());
    }
    return d;
  }

  /** From the root down to the category itself. */
  public List<Category> lineage(UUID id) {
    List<Category> line = new ArrayList<>();
    Category c = get(id);
    line.add(c);
    while (c.parent().isPresent()) {
      c = get(c.parent().get());
      line.add(0, c);
    }
    return line;
  }

  /** The category and every category below it, each before its children. */
  public List<Category> subtree(UUID id) {
    List<Category> out = new ArrayList<>();
    out.add(get(id));
    for (int i = 0; i < out.size(); i++) {
      out.addAll(children(out.get(i).id()));
    }
    return out;
  }

  /** True if {@code candidate} lies below {@code ancestor} (not counting itself). */
  public boolean isDescendant(UUID candidate, UUID ancestor) {
    Category c = get(candidate);
    while (c.parent().isPresent()) {
      if (c.parent().get().equals(ancestor)) {
        return true;
      }
      c = get(c.parent().get());
    }
    return false;
  }

  /** "Assumptions > Forms of emotional crying > Protest crying", in a language. */
  public String path(UUID id, String language) {
    return lineage(id).stream().map(c -> c.label().in(language)).collect(Collectors.joining(PATH_SEPARATOR));
  }

  public String path(UUID id) {
    return path(id, LocalizedText.ENGLISH);
  }

  public List<Relation> relationsOf(UUID id) {
    return relations.stream().filter(r -> r.touches(id)).toList();
  }

  /**
   * Finds the category a user names: by id; by its full path in any language (levels separated by
   * " > "); or by its label in any language, if that label is unique. Exact matches win over
   * case-insensitive ones. Names and labels are compared in their normal form ({@link Names}), so a
   * decomposed "Überwältigtes Weinen" or one with a trailing space names the category too.
   *
   * @throws UnknownCategoryException naming close candidates when nothing, or more than one, fits
   */
  public Category resolve(String name) {
    String n = Names.normalize(name);
    if (n.isEmpty()) {
      throw new UnknownCategoryException("no category named (the name is empty)");
    }
    try {
      UUID id = UUID.fromString(n);
      Category c = byId.get(id);
      if (c != null) {
        return c;
      }
      throw new UnknownCategoryException("no category with id " + id);
    } catch (IllegalArgumentException notAnId) {
      // a label or a path
    }
    if (n.contains(PATH_SEPARATOR.strip())) {
      List<Category> byPath = resolvePath(n);
      if (byPath.size() == 1) {
        // a label stored before " > " was refused in labels may read as this very path
        Optional<Category> byLabel = categories.stream()
            .filter(c -> c.label().values().containsValue(n) && !c.id().equals(byPath.get(0).id())).findFirst();
        if (byLabel.isPresent()) {
          throw ambiguous(n, List.of(byPath.get(0), byLabel.get()));
        }
        return byPath.get(0);
      }
      if (byPath.size() > 1) {
        throw ambiguous(n, byPath);
      }
    }
    for (boolean ignoreCase : new boolean[] {false, true}) {
      List<Category> found = categories.stream()
          .filter(c -> c.label().values().values().stream()
              .map(Names::normalize)
              .anyMatch(l -> ignoreCase ? l.equalsIgnoreCase(n) : l.equals(n)))
          .toList();
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        // a top-level category's path is its label: named so, it is the one whose full path this is, or else the
        // path the message offers for it would be the same ambiguous name
        List<Category> top = found.stream().filter(c -> c.parent().isEmpty()
            && c.label().values().values().stream().map(Names::normalize).anyMatch(l -> l.equals(n))).toList();
        if (top.size() == 1) {
          return top.get(0);
        }
        throw new UnknownCategoryException("\"" + n + "\" names " + found.size()
            + " categories; give the full path: "
            + found.stream().map(c -> "\"" + path(c.id()) + "\"").collect(Collectors.joining(", ")));
      }
    }
    List<String> close = categories.stream()
        .filter(c -> c.label().values().values().stream()
            .anyMatch(l -> l.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT))
                || n.toLowerCase(Locale.ROOT).contains(l.toLowerCase(Locale.ROOT))))
        .map(c -> "\"" + c.label().english() + "\"")
        .limit(5)
        .toList();
    throw new UnknownCategoryException("no category named \"" + n + "\""
        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
  }

  /** Every category the path fits, following each branch whose label matches in some language. */
  private List<Category> resolvePath(String path) {
    // " > " separates levels; a label may hold ">" itself ("a>b"), so that reading comes first, then "A>B>C"
    List<Category> strict = walk(path.split("\\s+>\\s+"));
    return strict.isEmpty() ? walk(path.split("\\s*>\\s*")) : strict;
  }

  private List<Category> walk(String[] parts) {
    List<Category> level = roots();
    List<Category> found = List.of();
    for (String part : parts) {
      String label = Names.normalize(part);
      found = level.stream()
          .filter(c -> c.label().values().values().stream().anyMatch(l -> Names.normalize(l).equalsIgnoreCase(label)))
          .toList();
      level = found.stream().flatMap(c -> children(c.id()).stream()).toList();
    }
    return found;
  }

  private UnknownCategoryException ambiguous(String name, List<Category> found) {
    return new UnknownCategoryException("\"" + name + "\" names " + found.size() + " categories: "
        + found.stream().map(c -> "\"" + path(c.id()) + "\" (" + c.id() + ")").collect(Collectors.joining(", "))
        + "; name one by its id, or rename one of them");
  }
}
