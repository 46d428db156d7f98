package org.lacrima.core.coding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.lacrima.core.Ids;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.project.ProjectSession;

/**
 * Codings removed by hand, by id (the first column of a codings export). A coding is a coder's decision, so
 * its removal leaves a trace: a memo on its document says what was removed (coder, category, span, text and
 * memo), who removed it, when and why, in a form that can be typed back into a codings import.
 */
public final class CodingDeletion {

  /** The codings removed, as they were. */
  public record Report(List<Coding> deleted) {
  }

  private CodingDeletion() {
  }

  public static Report run(ProjectSession s, List<UUID> ids, String why, String who, Instant at) {
    if (org.lacrima.core.text.Names.saysNothing(why)) {
      throw new InputException("say why the codings go, with --why: the reason stays with the project");
    }
    org.lacrima.core.text.Names.refuseControls("--why", why);
    if (ids.isEmpty()) {
      throw new InputException("name the codings to delete by id (the first column of codings export)");
    }
    Set<UUID> unique = new LinkedHashSet<>(ids);
    Map<UUID, Coding> found = s.codings().byIds(unique);
    for (UUID id : unique) {
      if (!found.containsKey(id)) {
        throw new InputException(noSuchCoding(s, id, "nothing was deleted"));
      }
    }
    CategorySystem system = s.categories().current();
    Map<UUID, String> coders = coderNames(s);
    List<Coding> deleted = new ArrayList<>();
    for (UUID id : unique) {
      Coding c = found.get(id);
      s.memos().add(new Memo(Ids.next(), Memo.Target.DOCUMENT, c.document(), who, at, "Coding " + c.id()
          + DELETED_BY + who + ". Why: " + reason(why) + "\n" + asItWas(s, system, coders, c)));
      deleted.add(c);
    }
    s.codings().delete(unique);
    return new Report(deleted);
  }

  /**
   * A reason as a trace keeps it: its further lines indented, so that none can pass for a line of the trace itself
   * ("As it was …").
   */
  static String reason(String why) {
    return why.strip().replace("\n", "\n    ");
  }

  static Map<UUID, String> coderNames(ProjectSession s) {
    Map<UUID, String> coders = new HashMap<>();
    s.coders().list().forEach(c -> coders.put(c.id(), c.name()));
    return coders;
  }

  /**
   * A coding as a memo keeps it: its fields as one CSV record in the order a codings import reads (so that it
   * can be typed back), and its text on a line of its own.
   */
  static String asItWas(ProjectSession s, CategorySystem system, Map<UUID, String> coders, Coding c) {
    String coder = coders.getOrDefault(c.coder(), c.coder().toString());
    return "As it was (document, start, end, category, coder, memo): " + java.util.stream.Stream.of(
            s.documents().get(c.document()).name(), Integer.toString(c.start()), Integer.toString(c.end()),
            system.path(c.category()), coder, c.memo())
        .map(CodingDeletion::csvField).collect(java.util.stream.Collectors.joining(","))
        + "\nText: " + s.documents().text(c.document()).slice(c.start(), c.end());
  }

  private static final String DELETED_BY = " deleted by ";
  private static final java.util.regex.Pattern DELETION = java.util.regex.Pattern.compile(
      "^Coding ([0-9a-fA-F-]{36})" + DELETED_BY);

  /** The coding a memo this class left says was deleted, if it is one of those memos. */
  private static java.util.Optional<UUID> deletedBy(Memo memo) {
    java.util.regex.Matcher m = DELETION.matcher(memo.text());
    return m.find() ? java.util.Optional.of(UUID.fromString(m.group(1))) : java.util.Optional.empty();
  }

  /** The codings deleted from a document, as the memos this class leaves name them. */
  static java.util.Set<UUID> deletedOn(ProjectSession s, UUID document) {
    java.util.Set<UUID> ids = new java.util.HashSet<>();
    s.memos().about(Memo.Target.DOCUMENT, document).forEach(m -> deletedBy(m).ifPresent(ids::add));
    return ids;
  }

  /**
   * Where a coding that is not in the project now stands: "there is no coding", or that it was deleted, from which
   * document, and where the memo of it is; {@code nothingDone}: what the refused command did not do.
   */
  static String noSuchCoding(ProjectSession s, UUID id, String nothingDone) {
    for (var d : s.documents().list()) {
      if (deletedOn(s, d.id()).contains(id)) {
        return "coding " + id + " was deleted from " + d.name() + " (codings memos " + d.name() + " says by whom, "
            + "when and why, and what it was); " + nothingDone;
      }
    }
    return "there is no coding " + id + " in this project (codings export lists their ids); " + nothingDone;
  }

  /** One CSV field as RFC 4180 writes it, so that the record reads back with any CSV reader (core has no CSV library). */
  static String csvField(String value) {
    return value.matches("(?s).*[,\"\r\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
