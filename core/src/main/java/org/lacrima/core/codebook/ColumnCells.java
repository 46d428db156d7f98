package org.lacrima.core.codebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lacrima.core.coding.Coverage;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.project.ProjectSession;

/**
 * The cells of a table column a value takes along when a move puts it out of the column, and which the move's undo
 * takes off again. Agreement reads a value's coverage from its exclusive parent; out of it, the value would be
 * judged by document, and an empty or n/a cell would count as "absent" instead of "not judged".
 */
final class ColumnCells {

  /** The parameter of a move that carried its table column's coverage along, for its undo. */
  private static final String FROM = "coverage_from";
  /** The parameter naming exactly the cells such a move recorded for the value, which its undo takes off. */
  private static final String COPIED = "coverage_copied";

  private final ProjectSession s;

  ColumnCells(ProjectSession s) {
    this.s = s;
  }

  /** The table column a value leaves: its parent, where a table import recorded which cells each coder filled in. */
  Optional<UUID> columnLeft(Category c) {
    // a value with cells of its own (a --flag column of its name, or a copy an earlier move left) was judged inside
    // the column where either's were filled: it takes the column's cells it lacks
    return c.parent().filter(p -> !tableCells(p).isEmpty());
  }

  /**
   * Records for the value itself the column's cells it lacks, and in the move's {@code parameters} which ones, for the
   * undo to take off.
   */
  List<Coverage> carry(UUID column, UUID value, ObjectNode parameters) {
    Set<String> own = new HashSet<>();
    tableCells(value).forEach(v -> own.add(key(v)));
    List<Coverage> cells = tableCells(column).stream().filter(v -> !own.contains(key(v)))
        .map(v -> new Coverage(v.document(), v.coder(), value, v.start(), v.end())).toList();
    s.coverage().add(cells);
    parameters.put(FROM, column.toString());
    parameters.set(COPIED, asJson(cells));
    return cells;
  }

  /**
   * Undoing such a move: the value's own copies of the column's cells go again; a consensus layer's record stays, and
   * so do cells a later table import recorded for the value itself (a --flag column of its name).
   */
  void undoMove(JsonNode parameters) {
    if (!parameters.hasNonNull(FROM)) {
      return;
    }
    UUID value = UUID.fromString(parameters.path("category").asText());
    Set<String> copied = new HashSet<>();
    if (parameters.has(COPIED)) {
      parameters.get(COPIED).properties().forEach(byCoder -> byCoder.getValue().properties().forEach(
          byDocument -> byDocument.getValue().forEach(span -> copied.add(byDocument.getKey() + "|" + byCoder.getKey()
              + "|" + span.get(0).asInt() + "|" + span.get(1).asInt()))));
    } else {
      // a move logged before the copied cells were kept: the column's cells stand for them
      tableCells(UUID.fromString(parameters.path(FROM).asText())).forEach(v -> copied.add(key(v)));
    }
    drop(value, copied);
  }

  /** The cells of a table recorded for a category or group: its coverage but a consensus layer's. */
  private List<Coverage> tableCells(UUID scope) {
    Optional<UUID> layer = ConsensusLayer.coder(s);
    return s.coverage().byCategory(scope).stream().filter(v -> !layer.equals(Optional.of(v.coder()))).toList();
  }

  /** The cells a move copied, by coder and document, as its log entry keeps them: {coder: {document: [[s, e], …]}}. */
  private static ObjectNode asJson(List<Coverage> cells) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Coverage v : cells) {
      ObjectNode byDocument = out.has(v.coder().toString()) ? (ObjectNode) out.get(v.coder().toString())
          : out.putObject(v.coder().toString());
      ArrayNode spans = byDocument.has(v.document().toString()) ? (ArrayNode) byDocument.get(v.document().toString())
          : byDocument.putArray(v.document().toString());
      spans.addArray().add(v.start()).add(v.end());
    }
    return out;
  }

  /** Removes the value's recorded cells among {@code dropped} (by {@link #key}); its others stay. */
  private void drop(UUID value, Set<String> dropped) {
    List<Coverage> own = tableCells(value);
    List<Coverage> copies = own.stream().filter(v -> dropped.contains(key(v))).toList();
    if (copies.isEmpty()) {
      return;
    }
    // the store removes by coder and document: what else the value holds there is recorded again
    Map<UUID, Set<UUID>> documentsByCoder = new LinkedHashMap<>();
    copies.forEach(v -> documentsByCoder.computeIfAbsent(v.coder(), k -> new LinkedHashSet<>()).add(v.document()));
    documentsByCoder.forEach((coder, documents) -> s.coverage().remove(coder, List.copyOf(documents), List.of(value)));
    s.coverage().add(own.stream().filter(v -> !dropped.contains(key(v))
        && documentsByCoder.getOrDefault(v.coder(), Set.of()).contains(v.document())).toList());
  }

  private static String key(Coverage v) {
    return v.document() + "|" + v.coder() + "|" + v.start() + "|" + v.end();
  }
}
