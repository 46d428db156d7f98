package org.lacrima.core.codebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lacrima.core.agreement.Scale;

/**
 * The differences between two versions of a category system, as a team reads them: categories
 * added, removed, renamed, moved, merged, split, retired; changed definitions and rules field by
 * field; relations added and removed.
 */
public final class CodebookDiff {

  /** One difference: what kind, which category (or relation, or the system), and in words (lines for a field). */
  public record Difference(Kind kind, UUID id, String label, String detail) {
  }

  /** The id a difference of the system as a whole carries: the nil UUID, which no category or relation has. */
  public static final UUID SYSTEM_ID = new UUID(0, 0);

  public enum Kind {
    ADDED, REMOVED, RENAMED, MOVED, REORDERED, MERGED, SPLIT, RETIRED, REACTIVATED, MERGE_UNDONE, SPLIT_UNDONE,
    EXCLUSIVE, CHANGED, RELATION_ADDED, RELATION_REMOVED, RELATION_CHANGED, SYSTEM;

    public String wording() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  /** The fields of a category that can change, by the name the files and commands use. */
  static final Map<String, Function<Category, Object>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("definition", Category::definition);
    FIELDS.put("indicators", Category::indicators);
    FIELDS.put("code_when", Category::codeWhen);
    FIELDS.put("do_not_code_when", Category::doNotCodeWhen);
    FIELDS.put("delimitations", Category::delimitations);
    FIELDS.put("examples", Category::examples);
    FIELDS.put("paper_section", Category::paperSection);
    FIELDS.put("orientation_notes", Category::orientationNotes);
    FIELDS.put("crying_form", Category::cryingForm);
    FIELDS.put("codable", Category::codable);
    FIELDS.put("scale", Category::scale);
  }

  private CodebookDiff() {
  }

  /** Names of the fields (labels included) in which two versions of a category differ. */
  public static List<String> changedFields(Category a, Category b) {
    List<String> out = new ArrayList<>();
    if (!a.label().equals(b.label())) {
      out.add("label");
    }
    FIELDS.forEach((name, get) -> {
      if (!Objects.equals(get.apply(a), get.apply(b))) {
        out.add(name);
      }
    });
    // not among FIELDS: between() reports it as a difference of its own kind
    if (a.exclusiveChildren() != b.exclusiveChildren()) {
      out.add("exclusive_children");
    }
    return out;
  }

  /** What describes the system as a whole (its version and title, what it cites), as the files name it. */
  private static final Map<String, Function<SystemInfo, Object>> SYSTEM_FIELDS = new LinkedHashMap<>();

  static {
    SYSTEM_FIELDS.put("id", SystemInfo::id);
    SYSTEM_FIELDS.put("version", SystemInfo::version);
    SYSTEM_FIELDS.put("title", SystemInfo::title);
    SYSTEM_FIELDS.put("citation", SystemInfo::citation);
    SYSTEM_FIELDS.put("citation_url", SystemInfo::citationUrl);
    SYSTEM_FIELDS.put("notice", SystemInfo::notice);
    SYSTEM_FIELDS.put("translation_note", SystemInfo::translationNote);
  }

  /** The parts of a crying form's description, for a field-by-field diff of it. */
  private static final Map<String, Function<CryingForm, Object>> FORM_FIELDS = new LinkedHashMap<>();

  static {
    FORM_FIELDS.put("emotions", CryingForm::emotions);
    FORM_FIELDS.put("triggers", CryingForm::triggers);
    FORM_FIELDS.put("quality", CryingForm::quality);
    FORM_FIELDS.put("interactive_function", f -> f.interactiveFunction().code());
    FORM_FIELDS.put("countertransference", CryingForm::countertransference);
    FORM_FIELDS.put("acceptance", f -> f.acceptance().level().code());
    FORM_FIELDS.put("acceptance_text", f -> f.acceptance().text());
  }

  private static Kind stateKind(Category c) {
    return switch (c.state().status()) {
      case MERGED -> Kind.MERGED;
      case SPLIT -> Kind.SPLIT;
      case RETIRED -> Kind.RETIRED;
      case ACTIVE -> Kind.REACTIVATED;
    };
  }

  public static List<Difference> between(CategorySystem a, CategorySystem b) {
    List<Difference> out = new ArrayList<>();
    SYSTEM_FIELDS.forEach((name, get) -> {
      Object before = get.apply(a.info());
      Object after = get.apply(b.info());
      if (!Objects.equals(before, after)) {
        out.add(new Difference(Kind.SYSTEM, SYSTEM_ID, "the category system", name + "\n" + lines(before, after, a, b)));
      }
    });
    for (Category cb : b.categories()) {
      Optional<Category> ca = a.byId(cb.id());
      if (ca.isEmpty()) {
        // what the new category says, so that a reader of the diff need not look it up elsewhere
        StringBuilder fields = new StringBuilder("added at \"" + b.path(cb.id()) + "\"");
        if (cb.label().values().size() > 1) {
          fields.append("\n  label: ").append(quoteAll(cb.label()));
        }
        FIELDS.forEach((name, get) -> {
          // a delimitation names its neighbour by label, as in a changed category's lines
          Object field = get.apply(cb);
          String value = field instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Delimitation
              ? list.stream().map(d -> item(d, b)).collect(Collectors.joining(" | ", "[", "]")) : render(field);
          // the default scale says nothing a reader needs to know about a new category
          if (!value.equals("—") && !name.equals("codable") && !(name.equals("scale") && cb.scale() == Scale.NOMINAL)) {
            fields.append("\n  ").append(name).append(": ").append(value);
          }
        });
        if (!cb.codable()) {
          fields.append("\n  codable: false");
        }
        out.add(new Difference(Kind.ADDED, cb.id(), cb.label().english(), fields.toString()));
        if (!cb.state().isActive()) {
          // added and then merged, split or retired between the two versions: the state is part of what changed
          out.add(new Difference(stateKind(cb), cb.id(), cb.label().english(), CategoryOperations.describeState(b, cb)));
        }
        continue;
      }
      Category old = ca.get();
      String label = cb.label().english();
      if (!old.label().equals(cb.label())) {
        out.add(new Difference(Kind.RENAMED, cb.id(), label, relabelling(old.label(), cb.label())));
      }
      if (!old.parent().equals(cb.parent())) {
        out.add(new Difference(Kind.MOVED, cb.id(), label, "moved from \"" + a.path(old.id()) + "\" to "
            + (cb.parent().isEmpty() ? "the top level" : "\"" + b.path(cb.id()) + "\"")));
      }
      if (!old.state().equals(cb.state())) {
        // active again: a retired category reactivated, or a merge or split undone (which no "reactivate" did)
        Kind kind = !cb.state().isActive() || old.state().status() == CategoryState.Status.RETIRED ? stateKind(cb)
            : old.state().status() == CategoryState.Status.MERGED ? Kind.MERGE_UNDONE : Kind.SPLIT_UNDONE;
        out.add(new Difference(kind, cb.id(), label, CategoryOperations.describeState(b, cb)));
      }
      if (old.exclusiveChildren() != cb.exclusiveChildren()) {
        out.add(new Difference(Kind.EXCLUSIVE, cb.id(), label, cb.exclusiveChildren()
            ? "children became mutually exclusive" : "children are no longer exclusive"));
      }
      FIELDS.forEach((name, get) -> {
        Object before = get.apply(old);
        Object after = get.apply(cb);
        if (!Objects.equals(before, after)) {
          out.add(new Difference(Kind.CHANGED, cb.id(), label, name + "\n" + lines(before, after, a, b)));
        }
      });
    }
    reorderings(a, b, Optional.empty()).ifPresent(out::add);
    b.categories().forEach(parent -> reorderings(a, b, Optional.of(parent.id())).ifPresent(out::add));
    for (Category ca : a.categories()) {
      if (!b.contains(ca.id())) {
        out.add(new Difference(Kind.REMOVED, ca.id(), ca.label().english(), "removed; it stood at \"" + a.path(ca.id()) + "\""));
      }
    }
    Map<UUID, Relation> before = a.relations().stream().collect(Collectors.toMap(Relation::id, r -> r));
    Map<UUID, Relation> after = b.relations().stream().collect(Collectors.toMap(Relation::id, r -> r));
    for (Relation r : b.relations()) {
      Relation old = before.get(r.id());
      if (old == null) {
        out.add(new Difference(Kind.RELATION_ADDED, r.id(), r.kind().wording(), describe(b, r)));
      } else if (!old.equals(r)) {
        out.add(new Difference(Kind.RELATION_CHANGED, r.id(), r.kind().wording(), relationChange(a, old, b, r)));
      }
    }
    for (Relation r : a.relations()) {
      if (!after.containsKey(r.id())) {
        out.add(new Difference(Kind.RELATION_REMOVED, r.id(), r.kind().wording(), describe(a, r)));
      }
    }
    return out;
  }

  /**
   * Where the children of {@code parent} (the top level where empty) that stood under it in both versions stand in
   * another order: the order in which the codebook is read, and for an ordinal group its scale.
   */
  private static Optional<Difference> reorderings(CategorySystem a, CategorySystem b, Optional<UUID> parent) {
    if (parent.isPresent() && !a.contains(parent.get())) {
      return Optional.empty();
    }
    List<Category> inA = parent.map(a::children).orElseGet(a::roots);
    List<Category> inB = parent.map(b::children).orElseGet(b::roots);
    // a merged category stands in the history only: where it stands says nothing
    Set<UUID> common = inA.stream().filter(c -> c.state().status() != CategoryState.Status.MERGED).map(Category::id)
        .filter(id -> inB.stream().anyMatch(c -> c.id().equals(id) && c.state().status() != CategoryState.Status.MERGED))
        .collect(Collectors.toSet());
    List<UUID> orderA = inA.stream().map(Category::id).filter(common::contains).toList();
    List<UUID> orderB = inB.stream().map(Category::id).filter(common::contains).toList();
    if (orderA.equals(orderB)) {
      return Optional.empty();
    }
    String joint = parent.map(b::get).filter(g -> g.scale() == Scale.ORDINAL).isPresent() ? " < " : ", ";
    String detail = "the order of " + (parent.isPresent() ? "its subcategories" : "the top level") + " changed from "
        + orderA.stream().map(id -> a.get(id).label().english()).collect(Collectors.joining(joint)) + " to "
        + orderB.stream().map(id -> b.get(id).label().english()).collect(Collectors.joining(joint));
    return Optional.of(parent.map(p -> new Difference(Kind.REORDERED, p, b.get(p).label().english(), detail))
        .orElseGet(() -> new Difference(Kind.REORDERED, SYSTEM_ID, "the category system", detail)));
  }

  /** The items of {@code from} that {@code other} does not hold as often, each as often as it is missing there. */
  private static List<?> without(List<?> from, List<?> other) {
    List<Object> left = new ArrayList<>(other);
    List<Object> missing = new ArrayList<>();
    for (Object item : from) {
      if (!left.remove(item)) {
        missing.add(item);
      }
    }
    return missing;
  }

  /**
   * A changed field as lines: "- " what went, "+ " what came; list items one by one. A text shows only
   * the languages that changed, so that a German text left alone does not read as removed and added.
   */
  static String lines(Object before, Object after, CategorySystem a, CategorySystem b) {
    StringBuilder out = new StringBuilder();
    if (before instanceof List<?> x && after instanceof List<?> y) {
      // counted, not looked up: an example given twice and then once went once
      List<?> went = without(x, y);
      List<?> came = without(y, x);
      if (went.size() == came.size() && went.stream().allMatch(LocalizedText.class::isInstance)
          && came.stream().allMatch(LocalizedText.class::isInstance)) {
        // as many items went as came: read them as edited in place, pair by pair
        for (int i = 0; i < went.size(); i++) {
          textLines(out, (LocalizedText) went.get(i), (LocalizedText) came.get(i));
        }
      } else {
        went.forEach(i -> out.append("  - ").append(item(i, a)).append('\n'));
        came.forEach(i -> out.append("  + ").append(item(i, b)).append('\n'));
      }
      if (out.isEmpty()) {
        out.append("  (same items, new order)\n");
      }
    } else if (before instanceof LocalizedText x && after instanceof LocalizedText y) {
      textLines(out, x, y);
    } else if (before instanceof Optional<?> x && x.orElse(null) instanceof CryingForm fx
        && after instanceof Optional<?> y && y.orElse(null) instanceof CryingForm fy) {
      FORM_FIELDS.forEach((name, get) -> {
        if (!Objects.equals(get.apply(fx), get.apply(fy))) {
          out.append("  ").append(name).append('\n').append(lines(get.apply(fx), get.apply(fy), a, b).indent(2));
        }
      });
    } else {
      out.append("  - ").append(render(before)).append('\n').append("  + ").append(render(after)).append('\n');
    }
    return out.toString().stripTrailing();
  }

  /** The languages in which two versions of a text differ, each as a "- " and a "+ " line. */
  private static void textLines(StringBuilder out, LocalizedText before, LocalizedText after) {
    Set<String> languages = new LinkedHashSet<>(before.values().keySet());
    languages.addAll(after.values().keySet());
    for (String language : languages) {
      Optional<String> was = before.exactly(language);
      Optional<String> is = after.exactly(language);
      if (!was.equals(is)) {
        out.append("  - ").append(was.map(t -> quoted(t) + " (" + language + ")").orElse("— (" + language + ")"))
            .append('\n').append("  + ").append(is.map(t -> quoted(t) + " (" + language + ")")
                .orElse("— (" + language + ")")).append('\n');
      }
    }
  }

  /**
   * A text in quotes, its further lines indented under the first: a definition of several lines must not put a line
   * at the start of the listing that reads as an entry of its own.
   */
  private static String quoted(String text) {
    return "\"" + text.replaceAll("\\R", "\n      ") + "\"";
  }

  static String item(Object item, CategorySystem s) {
    if (item instanceof Delimitation d) {
      return "from \"" + s.byId(d.neighbour()).map(c -> c.label().english()).orElse(d.neighbour().toString())
          + "\": " + render(d.text());
    }
    return render(item);
  }

  /**
   * A changed relation: the relation as it was and is when its kind or ends changed, then whatever
   * else changed, field by field (a changed note alone would otherwise read the same on both sides).
   */
  private static String relationChange(CategorySystem a, Relation before, CategorySystem b, Relation after) {
    StringBuilder out = new StringBuilder(describe(b, after));
    if (before.kind() != after.kind() || !before.from().equals(after.from()) || !before.to().equals(after.to())) {
      out.insert(0, describe(a, before) + " → ");
    }
    if (!before.paperSection().equals(after.paperSection())) {
      out.append("\n  paper_section\n").append(lines(before.paperSection(), after.paperSection(), a, b));
    }
    if (!before.note().equals(after.note())) {
      out.append("\n  note\n").append(lines(before.note(), after.note(), a, b));
    }
    return out.toString();
  }

  private static String describe(CategorySystem s, Relation r) {
    return "\"" + s.get(r.from()).label().english() + "\" " + r.kind().wording() + " \""
        + s.get(r.to()).label().english() + "\"";
  }

  /**
   * A change of labels: "renamed from … to …" where the English name changed; else by language, so that a German
   * label given to a category does not read as a renaming of its English one.
   */
  private static String relabelling(LocalizedText a, LocalizedText b) {
    if (!a.english().equals(b.english())) {
      return "renamed from " + quoteAll(a) + " to " + quoteAll(b);
    }
    Set<String> languages = new TreeSet<>(a.values().keySet());
    languages.addAll(b.values().keySet());
    List<String> said = new ArrayList<>();
    for (String language : languages) {
      String was = a.values().get(language);
      String is = b.values().get(language);
      if (!Objects.equals(was, is)) {
        said.add(was == null ? "label (" + language + ") added: " + quoted(is)
            : is == null ? "label (" + language + ") removed: " + quoted(was)
            : "label (" + language + ") changed from " + quoted(was) + " to " + quoted(is));
      }
    }
    return String.join("; ", said);
  }

  private static String quoteAll(LocalizedText t) {
    return t.values().entrySet().stream().map(e -> quoted(e.getValue()) + " (" + e.getKey() + ")")
        .collect(Collectors.joining(", "));
  }

  /** A field's value in a line: texts quoted, lists as [a | b], nothing as —. */
  static String render(Object value) {
    if (value instanceof LocalizedText t) {
      return t.isEmpty() ? "—" : quoteAll(t);
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "—" : list.stream().map(CodebookDiff::render).collect(Collectors.joining(" | ", "[", "]"));
    }
    if (value instanceof Delimitation d) {
      return d.neighbour() + ": " + render(d.text());
    }
    if (value instanceof Optional<?> o) {
      return o.map(CodebookDiff::render).orElse("—");
    }
    if (value instanceof Map<?, ?> m) {
      return m.isEmpty() ? "—" : m.entrySet().stream().map(e -> e.getKey() + ": " + render(e.getValue()))
          .collect(Collectors.joining("; "));
    }
    if (value instanceof String s) {
      return s.isEmpty() ? "—" : quoted(s);
    }
    if (value instanceof CryingForm f) {
      return FORM_FIELDS.entrySet().stream().map(e -> e.getKey() + " " + render(e.getValue().apply(f)))
          .collect(Collectors.joining("; "));
    }
    if (value instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    return String.valueOf(value);
  }
}
