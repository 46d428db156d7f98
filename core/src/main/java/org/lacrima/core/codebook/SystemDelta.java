package org.lacrima.core.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.lacrima.core.InputException;

/**
 * Exactly what one change did to a category system: for every category and relation it touched,
 * the state before and after (absent where it did not exist) and its position before and after (a
 * category's rank among its siblings, a relation's index in the list), so that order too comes
 * back exactly. Applied forward it replays a change; applied backward it undoes it. Both directions
 * first check that the system is in the state the change expects, so a delta can never silently
 * overwrite something it did not make.
 */
public record SystemDelta(List<Entry<Category>> categories, List<Entry<Relation>> relations,
    Optional<SystemInfo> infoBefore, Optional<SystemInfo> infoAfter) {

  /** One item's state and position before and after (position -1 where it is absent). */
  public record Entry<T>(UUID id, Optional<T> before, Optional<T> after, int positionBefore, int positionAfter) {
    Entry<T> inverse() {
      return new Entry<>(id, after, before, positionAfter, positionBefore);
    }
  }

  public SystemDelta {
    categories = List.copyOf(categories);
    relations = List.copyOf(relations);
    Objects.requireNonNull(infoBefore, "infoBefore");
    Objects.requireNonNull(infoAfter, "infoAfter");
  }

  /** What turns {@code from} into {@code to}. */
  public static SystemDelta between(CategorySystem from, CategorySystem to) {
    List<Entry<Category>> cats = entries(from.categories(), to.categories(), Category::id,
        (c, list) -> siblingRank(from, c), (c, list) -> siblingRank(to, c));
    List<Entry<Relation>> rels = entries(from.relations(), to.relations(), Relation::id,
        (r, list) -> list.indexOf(r), (r, list) -> list.indexOf(r));
    boolean infoChanged = !from.info().equals(to.info());
    return new SystemDelta(cats, rels, infoChanged ? Optional.of(from.info()) : Optional.empty(),
        infoChanged ? Optional.of(to.info()) : Optional.empty());
  }

  private static int siblingRank(CategorySystem s, Category c) {
    List<Category> siblings = c.parent().map(s::children).orElseGet(s::roots);
    for (int i = 0; i < siblings.size(); i++) {
      if (siblings.get(i).id().equals(c.id())) {
        return i;
      }
    }
    return -1;
  }

  private static <T> List<Entry<T>> entries(List<T> from, List<T> to, Function<T, UUID> id,
      BiFunction<T, List<T>, Integer> positionBefore, BiFunction<T, List<T>, Integer> positionAfter) {
    Map<UUID, T> before = new LinkedHashMap<>();
    from.forEach(t -> before.put(id.apply(t), t));
    Map<UUID, T> after = new LinkedHashMap<>();
    to.forEach(t -> after.put(id.apply(t), t));
    Set<UUID> ids = new LinkedHashSet<>(before.keySet());
    ids.addAll(after.keySet());
    List<Entry<T>> out = new ArrayList<>();
    for (UUID u : ids) {
      T b = before.get(u);
      T a = after.get(u);
      int pb = b == null ? -1 : positionBefore.apply(b, from);
      int pa = a == null ? -1 : positionAfter.apply(a, to);
      if (!Objects.equals(a, b) || pb != pa) {
        out.add(new Entry<>(u, Optional.ofNullable(b), Optional.ofNullable(a), pb, pa));
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return categories.isEmpty() && relations.isEmpty() && infoAfter.isEmpty();
  }

  public SystemDelta inverse() {
    return new SystemDelta(categories.stream().map(Entry::inverse).toList(),
        relations.stream().map(Entry::inverse).toList(), infoAfter, infoBefore);
  }

  /** The categories this change touched. */
  public Set<UUID> touchedCategories() {
    Set<UUID> out = new LinkedHashSet<>();
    categories.forEach(e -> out.add(e.id()));
    return out;
  }

  /**
   * Applies the change to a system that is in its "before" state; items it does not touch keep their
   * order, touched ones go to their recorded positions.
   *
   * @throws InputException if the system is not in the state this change starts from
   */
  public CategorySystem applyTo(CategorySystem system, String what) {
    check(system.categories(), categories, Category::id, what, "category");
    check(system.relations(), relations, Relation::id, what, "relation");
    SystemInfo info = system.info();
    if (infoAfter.isPresent()) {
      if (!infoBefore.equals(Optional.of(info))) {
        throw new InputException(what + " cannot be applied: the system's description has changed since");
      }
      info = infoAfter.get();
    }
    return CategorySystem.of(info, applyToTree(system), applyToList(system.relations()), what);
  }

  private static <T> void check(List<T> current, List<Entry<T>> entries, Function<T, UUID> id, String what,
      String kind) {
    Map<UUID, T> byId = new LinkedHashMap<>();
    current.forEach(t -> byId.put(id.apply(t), t));
    for (Entry<T> e : entries) {
      if (!Objects.equals(Optional.ofNullable(byId.get(e.id())), e.before())) {
        throw new InputException(what + " cannot be applied: " + kind + " " + e.id() + " has changed since");
      }
    }
  }

  /** Categories as sibling lists: touched ones leave their old place and enter at their recorded rank. */
  private List<Category> applyToTree(CategorySystem system) {
    Map<UUID, Category> byId = new LinkedHashMap<>();
    Map<Optional<UUID>, List<UUID>> children = new HashMap<>();
    for (Category c : system.categories()) {
      byId.put(c.id(), c);
      children.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c.id());
    }
    for (Entry<Category> e : categories) {
      e.before().ifPresent(b -> children.get(b.parent()).remove(b.id()));
      byId.remove(e.id());
    }
    List<Entry<Category>> arriving = new ArrayList<>(categories.stream().filter(e -> e.after().isPresent()).toList());
    arriving.sort(Comparator.comparingInt(Entry::positionAfter));
    for (Entry<Category> e : arriving) {
      Category c = e.after().get();
      byId.put(c.id(), c);
      List<UUID> siblings = children.computeIfAbsent(c.parent(), k -> new ArrayList<>());
      siblings.add(Math.min(Math.max(e.positionAfter(), 0), siblings.size()), c.id());
    }
    List<Category> out = new ArrayList<>();
    flatten(children, Optional.empty(), byId, out);
    for (Category c : byId.values()) {
      if (!out.contains(c)) {
        out.add(c); // under a parent that does not exist: CategorySystem.of names it
      }
    }
    return out;
  }

  private static void flatten(Map<Optional<UUID>, List<UUID>> children, Optional<UUID> parent, Map<UUID, Category> byId,
      List<Category> out) {
    for (UUID id : children.getOrDefault(parent, List.of())) {
      out.add(byId.get(id));
      flatten(children, Optional.of(id), byId, out);
    }
  }

  private List<Relation> applyToList(List<Relation> current) {
    List<Relation> out = new ArrayList<>(current);
    for (Entry<Relation> e : relations) {
      e.before().ifPresent(out::remove);
    }
    List<Entry<Relation>> arriving = new ArrayList<>(relations.stream().filter(e -> e.after().isPresent()).toList());
    arriving.sort(Comparator.comparingInt(Entry::positionAfter));
    for (Entry<Relation> e : arriving) {
      out.add(Math.min(Math.max(e.positionAfter(), 0), out.size()), e.after().get());
    }
    return out;
  }

  // ---- file form ----------------------------------------------------------------------------

  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.set("categories", json(categories, CategorySystemCodec::category));
    o.set("relations", json(relations, CategorySystemCodec::relation));
    infoBefore.ifPresent(i -> o.set("info_before", CategorySystemCodec.info(i)));
    infoAfter.ifPresent(i -> o.set("info_after", CategorySystemCodec.info(i)));
    return o;
  }

  private static <T> ArrayNode json(List<Entry<T>> entries, Function<T, ObjectNode> write) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Entry<T> e : entries) {
      ObjectNode n = a.addObject();
      n.put("id", e.id().toString());
      n.put("position_before", e.positionBefore());
      n.put("position_after", e.positionAfter());
      e.before().ifPresent(b -> n.set("before", write.apply(b)));
      e.after().ifPresent(b -> n.set("after", write.apply(b)));
    }
    return a;
  }

  public static SystemDelta fromJson(JsonNode o, String source) {
    return new SystemDelta(
        entries(o.path("categories"), CategorySystemCodec::readCategory, source),
        entries(o.path("relations"), CategorySystemCodec::readRelation, source),
        o.hasNonNull("info_before") ? Optional.of(CategorySystemCodec.readInfo(o.get("info_before"), source)) : Optional.empty(),
        o.hasNonNull("info_after") ? Optional.of(CategorySystemCodec.readInfo(o.get("info_after"), source)) : Optional.empty());
  }

  private static <T> List<Entry<T>> entries(JsonNode list, BiFunction<JsonNode, String, T> read, String source) {
    List<Entry<T>> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add(new Entry<>(UUID.fromString(n.get("id").asText()),
          n.hasNonNull("before") ? Optional.of(read.apply(n.get("before"), source)) : Optional.empty(),
          n.hasNonNull("after") ? Optional.of(read.apply(n.get("after"), source)) : Optional.empty(),
          n.path("position_before").asInt(-1), n.path("position_after").asInt(-1)));
    }
    return out;
  }
}
