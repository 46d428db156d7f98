package org.lacrima.core.coding;

import org.lacrima.core.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategoryOperations;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.UnknownCategoryException;
import org.lacrima.core.consensus.ConsensusLayer;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.text.Names;
import org.lacrima.core.transcript.DocumentSummary;

/**
 * Adds codings from rows (a CSV import): resolves documents, categories and coders, turns quotes
 * into offsets, and writes in batches inside the caller's transaction, so that a bad row anywhere
 * leaves the project as it was. Coders are created when first named.
 */
public final class CodingImport {

  static final int BATCH = 10_000;

  /**
   * What an import did: rows read, codings added, rows that repeated a stored decision, new coders.
   * {@code contradicting}: the lines of rows whose category id and category path (or label) both name a category,
   * different ones; the id was taken, as the format says, but a recoding made by editing the path would be lost
   * unsaid. {@code outsideCoverage}: the rows whose coding lies where a table import recorded that its coder judged
   * nothing of the category (an empty or n/a cell): agreement counts it as not judged there, and says so, but the
   * coder should hear it when the coding is made. {@code toLayer}: the rows given to the coder "consensus", the
   * consensus layer's name. {@code exclusiveOverlaps}: the pairs of overlapping codings that, in the documents the
   * file codes, one of its coders now holds of two values of one exclusive group (agreement counts such a unit as
   * missing for that coder), said when the codings are made rather than first in a report.
   */
  public record Report(long rows, long added, long repeated, List<String> newCoders, List<Long> contradicting,
      long outsideCoverage, long toLayer, long exclusiveOverlaps) {
  }

  private final ProjectSession session;
  private final CategorySystem system;
  private final ByName<DocumentSummary> documents = new ByName<>("documents");
  private final Map<UUID, DocumentText> texts = new HashMap<>();
  private final Map<String, Category> categories = new HashMap<>();
  /** Keys of {@link #categories} whose second name resolves to another category than the first. */
  private final Set<String> contradictoryNames = new HashSet<>();
  private final List<Long> contradicting = new ArrayList<>();
  private final ByName<Coder> coders = new ByName<>("coders");
  private final Set<String> newCoders = new LinkedHashSet<>();
  /** Lines of the ids a file gives, to name both lines when one id comes twice. */
  private final Map<UUID, Long> idLines = new HashMap<>();
  /** Decisions stored per document, read only for rows on categories that take no new codings. */
  private final Map<UUID, Set<Coding.Decision>> storedDecisions = new HashMap<>();
  /** Recorded coverage per scope (category or group), coder and document, read on first use. */
  private final Map<UUID, Map<UUID, Map<UUID, List<Coverage>>>> recorded = new HashMap<>();
  private long outsideCoverage;
  private long toLayer;
  /** The exclusive groups the file codes values of, by document, and the coders who code them there. */
  private final Map<UUID, Set<UUID>> exclusiveGroupsCoded = new HashMap<>();
  private final Map<UUID, Set<UUID>> codersInGroups = new HashMap<>();
  /** A category the row's coding is on already and may stay on whatever its state (an edit's; else none). */
  private Optional<UUID> stayingOn = Optional.empty();
  /** The consensus layer's coder, whose recorded coverage is its builds', not a table's. */
  private final Optional<UUID> layer;

  private CodingImport(ProjectSession session) {
    this.session = session;
    this.system = session.categories().current();
    this.layer = ConsensusLayer.coder(session);
    session.documents().list().forEach(d -> documents.put(d.name(), d));
    session.coders().list().forEach(c -> coders.put(c.name(), c));
  }

  /**
   * Documents or coders by the name a row gives: as stored, else in normal form, so that names stored before
   * Lacrima normalized them are found too. Where an older project holds two names of one normal form, a row
   * naming neither exactly is refused rather than given the first.
   */
  private static final class ByName<T> {
    private final String what;
    private final Map<String, T> exact = new HashMap<>();
    private final Map<String, T> normal = new HashMap<>();
    private final Set<String> shared = new HashSet<>();

    ByName(String what) {
      this.what = what;
    }

    void put(String name, T value) {
      exact.put(name, value);
      String n = Names.normalize(name);
      if (normal.putIfAbsent(n, value) != null) {
        shared.add(n);
      }
    }

    /** The one a row names, or null; {@code row} for the message where two fit. */
    T get(String name, CodingRow row) {
      T found = exact.get(name);
      if (found != null) {
        return found;
      }
      String n = Names.normalize(name);
      if (shared.contains(n)) {
        throw error(row, "\"" + name + "\" fits two " + what + " whose names differ only in how their letters are "
            + "encoded (composed or decomposed) or in spaces; name one exactly as the project stores it");
      }
      return normal.get(n);
    }
  }

  public static Report run(ProjectSession session, Iterator<CodingRow> rows) {
    return new CodingImport(session).importAll(rows);
  }

  /** A coding read from one row and not stored; whether it lies outside a table import's recorded coverage. */
  record Read(Coding coding, boolean outsideCoverage) {
  }

  /**
   * One row read as an import reads it (document, span or quote, category, coder, memo) without storing it: an
   * edit states a coding's new form the way a file's row does, and is checked the same way. The coding may stay
   * on {@code stayingOn} whatever that category's state: a boundary on a retired category, or of a coding in a
   * split's review queue, may still be corrected.
   */
  static Read read(ProjectSession session, CodingRow row, UUID stayingOn) {
    CodingImport reader = new CodingImport(session);
    reader.stayingOn = Optional.of(stayingOn);
    Coding coding = reader.toCoding(row);
    return new Read(coding, reader.outsideRecordedCoverage(coding));
  }

  private Report importAll(Iterator<CodingRow> rows) {
    long before = session.codings().count();
    long read = 0;
    List<Coding> batch = new ArrayList<>(BATCH);
    List<CodingRow> batchRows = new ArrayList<>(BATCH);
    while (rows.hasNext()) {
      CodingRow row = rows.next();
      read++;
      if (row.id().isPresent()) {
        Long first = idLines.putIfAbsent(row.id().get(), row.line());
        if (first != null) {
          throw error(row, "coding id " + row.id().get() + " was given already on line " + first);
        }
      }
      Coding coding = toCoding(row);
      if (outsideRecordedCoverage(coding)) {
        outsideCoverage++;
      }
      if (row.coder().strip().equals(org.lacrima.core.consensus.Consensus.LAYER)) {
        toLayer++;
      }
      valueOf(coding.category()).ifPresent(value -> {
        exclusiveGroupsCoded.computeIfAbsent(coding.document(), d -> new HashSet<>()).add(value[0]);
        codersInGroups.computeIfAbsent(coding.document(), d -> new HashSet<>()).add(coding.coder());
      });
      batch.add(coding);
      batchRows.add(row);
      if (batch.size() == BATCH) {
        flush(batch, batchRows);
      }
    }
    flush(batch, batchRows);
    long added = session.codings().count() - before;
    return new Report(read, added, read - added, List.copyOf(newCoders), List.copyOf(contradicting), outsideCoverage,
        toLayer, exclusiveOverlaps());
  }

  /**
   * The exclusive group a category gives a value of, and that value: the child of the group it is or lies under (a
   * subcategory answers the group's question with the child above it, as agreement reads it); {group, value}.
   */
  private Optional<UUID[]> valueOf(UUID category) {
    UUID at = category;
    for (Optional<UUID> parent = system.get(at).parent(); parent.isPresent(); parent = system.get(at).parent()) {
      if (system.get(parent.get()).exclusiveChildren()) {
        return Optional.of(new UUID[] {parent.get(), at});
      }
      at = parent.get();
    }
    return Optional.empty();
  }

  /**
   * The pairs of overlapping codings one of the file's coders now holds, in a document the file codes, of two values
   * of an exclusive group the file gives values of there.
   */
  private long exclusiveOverlaps() {
    long overlaps = 0;
    for (Map.Entry<UUID, Set<UUID>> e : exclusiveGroupsCoded.entrySet()) {
      Set<UUID> coders = codersInGroups.get(e.getKey());
      for (UUID group : e.getValue()) {
        // each coding as the value it gives, so that two subcategories of one value do not count as a clash
        List<Coding> values = new ArrayList<>();
        for (Coding c : session.codings().byDocument(e.getKey())) {
          Optional<UUID[]> value = coders.contains(c.coder()) ? valueOf(c.category()) : Optional.empty();
          if (value.isPresent() && value.get()[0].equals(group)) {
            values.add(new Coding(c.id(), c.document(), c.start(), c.end(), value.get()[1], c.coder(), ""));
          }
        }
        overlaps += Overlaps.between(values);
      }
    }
    return overlaps;
  }

  private void flush(List<Coding> batch, List<CodingRow> batchRows) {
    if (batch.isEmpty()) {
      return;
    }
    Map<UUID, Integer> withIds = new HashMap<>();
    for (int i = 0; i < batchRows.size(); i++) {
      if (batchRows.get(i).id().isPresent()) {
        withIds.put(batch.get(i).id(), i);
      }
    }
    if (!withIds.isEmpty()) {
      Map<UUID, Coding> stored = session.codings().byIds(withIds.keySet());
      stored.forEach((id, existing) -> {
        int i = withIds.get(id);
        CodingRow row = batchRows.get(i);
        boolean edited = editedOn(existing.document()).contains(id);
        if (!existing.sameDecision(batch.get(i))) {
          throw new InputException(row.source(), row.place(), "coding id " + id + (edited ? " names a coding edited "
              + "since this file was written (codings memos says by whom and why): export again, or leave the id out "
              + "to add the row as a coding of its own" : " is already used in this project for a different coding"));
        }
      });
      withIds.forEach((id, i) -> {
        // an older export brings back a coding someone deleted on purpose: that undoes the deletion unsaid
        if (!stored.containsKey(id) && deletedOn(batch.get(i).document()).contains(id)) {
          CodingRow row = batchRows.get(i);
          throw new InputException(row.source(), row.place(), "coding " + id + " was deleted from this project "
              + "(codings memos says by whom and why); to add it again, leave its id out of the row");
        }
      });
    }
    for (int i = 0; i < batchRows.size(); i++) {
      Coding c = batch.get(i);
      if (!c.memo().isEmpty() && !editedOn(c.document()).isEmpty()) {
        refuseMemoOnEdited(c, batchRows.get(i));
      }
    }
    session.codings().add(batch);
    batch.clear();
    batchRows.clear();
  }

  /**
   * A row that repeats an edited coding would have its memo appended to the one the edit left: an older export's memo
   * (one that named a client, say, before an edit took the name out) would come back unsaid, with the row's id or
   * without it. The edit is the team's later word.
   */
  private void refuseMemoOnEdited(Coding c, CodingRow row) {
    // read once per document: an import appends to none of them (it is refused first)
    List<Coding> edits = editedCodings.computeIfAbsent(c.document(), d -> session.codings().byDocument(d).stream()
        .filter(x -> editedOn(d).contains(x.id())).toList());
    for (Coding existing : edits) {
      if (existing.sameDecision(c) && !Coding.joinMemos(existing.memo(), c.memo()).equals(existing.memo())) {
        throw new InputException(row.source(), row.place(), row.id().equals(Optional.of(existing.id()))
            ? "coding " + existing.id() + " was edited since this file was written (codings memos says by whom and "
                + "why), and this row's memo is one the edit replaced; export again, or leave the memo out"
            : "repeats coding " + existing.id() + ", which was edited (codings memos says by whom and why), with a memo "
                + "it does not hold; to add a note to it, use codings edit --memo with its memo and the note, or leave "
                + "the memo out");
      }
    }
  }

  /**
   * Whether the coder's recorded coverage of the coding's category, or else of its exclusive group (a table's
   * column), leaves the coding's span out: the same scopes agreement reads, per span rather than per unit.
   */
  private boolean outsideRecordedCoverage(Coding coding) {
    if (isLayer(coding.coder())) {
      // the layer's coverage is its builds', and a coding given to it by hand has a note of its own
      return false;
    }
    // as agreement reads coverage (CoverageScopes): the category's own record where it has one, its exclusive
    // parent's (a table's column) where it has none; a coder's cells in both judge it wherever either does
    Category category = system.get(coding.category());
    Optional<UUID> parent = category.parent().filter(p -> system.get(p).exclusiveChildren());
    Map<UUID, Map<UUID, List<Coverage>>> own = recorded.computeIfAbsent(category.id(), this::recordedByCoder);
    Map<UUID, Map<UUID, List<Coverage>>> column = parent.map(p -> recorded.computeIfAbsent(p, this::recordedByCoder))
        .orElse(Map.of());
    Map<UUID, Map<UUID, List<Coverage>>> scope = own.isEmpty() ? column : own;
    Map<UUID, List<Coverage>> mine = scope.get(coding.coder());
    Map<UUID, List<Coverage>> mineInColumn = scope == own ? column.get(coding.coder()) : null;
    if (mine != null) {
      return !overlaps(mine, coding) && (mineInColumn == null || !overlaps(mineInColumn, coding));
    }
    if (mineInColumn != null) {
      return !overlaps(mineInColumn, coding);
    }
    // a table's coder who left every cell of this column open judged none of it
    return scope.keySet().stream().anyMatch(k -> !isLayer(k)) && tableCoders().contains(coding.coder());
  }

  private static boolean overlaps(Map<UUID, List<Coverage>> cells, Coding coding) {
    return cells.getOrDefault(coding.document(), List.of()).stream()
        .anyMatch(v -> v.start() < coding.end() && coding.start() < v.end());
  }

  private Set<UUID> tableCoders;

  /** The coders a table import recorded cells for (the consensus layer's records are its builds', not a table's). */
  private Set<UUID> tableCoders() {
    if (tableCoders == null) {
      tableCoders = new HashSet<>();
      for (Category c : system.categories()) {
        if (session.coverage().recordedFor(c.id())) {
          recorded.computeIfAbsent(c.id(), this::recordedByCoder).keySet().stream().filter(k -> !isLayer(k))
              .forEach(tableCoders::add);
        }
      }
    }
    return tableCoders;
  }

  private boolean isLayer(UUID coder) {
    return layer.equals(Optional.of(coder));
  }

  private Map<UUID, Map<UUID, List<Coverage>>> recordedByCoder(UUID scope) {
    Map<UUID, Map<UUID, List<Coverage>>> byCoder = new HashMap<>();
    for (Coverage v : session.coverage().byCategory(scope)) {
      byCoder.computeIfAbsent(v.coder(), k -> new HashMap<>()).computeIfAbsent(v.document(), k -> new ArrayList<>())
          .add(v);
    }
    return byCoder;
  }

  private final Map<UUID, Set<UUID>> deleted = new HashMap<>();
  private final Map<UUID, Set<UUID>> edited = new HashMap<>();
  private final Map<UUID, List<Coding>> editedCodings = new HashMap<>();

  /** The ids of the codings edited on a document, as the memos {@link CodingEdit} leaves name them. */
  private Set<UUID> editedOn(UUID document) {
    return edited.computeIfAbsent(document, d -> CodingEdit.editedOn(session, d, java.time.Instant.MIN));
  }

  /** The ids of the codings deleted from a document, as the memos {@link CodingDeletion} leaves name them. */
  private Set<UUID> deletedOn(UUID document) {
    return deleted.computeIfAbsent(document, d -> CodingDeletion.deletedOn(session, d));
  }

  private Coding toCoding(CodingRow row) {
    DocumentSummary doc = documents.get(row.document(), row);
    if (doc == null) {
      throw error(row, row.document().isBlank() ? "names no document"
          : "no document named \"" + row.document() + "\" in the project");
    }
    Category category = category(row);
    Coder coder = coder(row);
    int start;
    int end;
    if (row.start().isPresent() || row.end().isPresent()) {
      if (row.start().isEmpty() || row.end().isEmpty()) {
        throw error(row, "gives only one of start and end");
      }
      start = row.start().getAsInt();
      end = row.end().getAsInt();
      if (start < 0 || end <= start || end > doc.length()) {
        throw error(row, "offsets " + start + ".." + end + " are not a span of \"" + doc.name()
            + "\" (its text has " + doc.length() + " characters; start < end required)");
      }
      for (int at : new int[] {start, end}) {
        if (!text(doc).isCharacterBoundary(at)) {
          throw error(row, "offset " + at + " falls inside a character of \"" + doc.name() + "\" (between a letter "
              + "and its combining mark, or within an emoji sequence); a span starts and ends between characters");
        }
      }
      if (!row.quote().isEmpty()) {
        String actual = text(doc).slice(start, end);
        if (!actual.equals(DocumentText.normalizeString(row.quote()))) {
          // offsets from a tool that counts UTF-16 units (Java, JavaScript, Excel) lie later after each emoji
          List<Integer> before = text(doc).occurrences(row.quote()).stream().filter(at -> at < start).toList();
          String hint = "";
          if (!before.isEmpty()) {
            int at = before.get(before.size() - 1);
            hint = "; it stands at " + at + ".." + (at + DocumentText.lengthOf(row.quote()))
                + (text(doc).slice(0, at).codePoints().anyMatch(Character::isSupplementaryCodePoint)
                ? ": offsets count characters (code points), and a tool counting UTF-16 units places them later "
                    + "after each emoji" : "");
          }
          throw error(row, "the quote does not match the text at " + start + ".." + end + " of \""
              + doc.name() + "\", which reads \"" + abbreviate(actual) + "\"" + hint);
        }
      }
    } else if (!row.quote().isEmpty()) {
      DocumentText text = text(doc);
      List<Integer> found = text.occurrences(row.quote());
      int n = found.size();
      if (n == 0) {
        throw error(row, "the quote \"" + abbreviate(row.quote()) + "\" does not occur in \"" + doc.name() + "\"");
      }
      int occurrence;
      if (row.occurrence().isPresent()) {
        occurrence = row.occurrence().getAsInt();
        if (occurrence < 1 || occurrence > n) {
          throw error(row, "occurrence " + occurrence + " asked, but the quote occurs " + n
              + (n == 1 ? " time" : " times") + " in \"" + doc.name() + "\"");
        }
      } else if (n > 1) {
        throw error(row, "the quote occurs " + n + " times in \"" + doc.name()
            + "\"; say which with " + (row.place().isEmpty() ? "--occurrence" : "an occurrence column") + " (1.." + n
            + ")");
      } else {
        occurrence = 1;
      }
      start = found.get(occurrence - 1);
      end = start + DocumentText.lengthOf(row.quote());
    } else {
      throw error(row, "gives neither offsets (start, end) nor a quote");
    }
    // line ends and composition as the text has them: a memo from a CRLF or decomposed file is the same memo;
    // otherwise kept as written, indentation included, so that an export imports back exactly
    String memo = DocumentText.normalizeString(row.memo());
    Coding coding = new Coding(row.id().orElseGet(Ids::next), doc.id(), start, end, category.id(), coder.id(),
        memo.isBlank() ? "" : memo);
    checkTakesCoding(row, category, coding);
    return coding;
  }

  private Category category(CodingRow row) {
    String key = row.category() + "\n" + row.categoryFallback();
    Category c = categories.get(key);
    if (c == null) {
      c = resolve(row);
      if (!c.codable()) {
        throw error(row, "\"" + c.label().english() + "\" groups categories and is not coded itself");
      }
      categories.put(key, c);
      if (!row.categoryFallback().isEmpty() && c.id().equals(resolvedFirst(row))) {
        try {
          if (!system.resolve(row.categoryFallback()).id().equals(c.id())) {
            contradictoryNames.add(key);
          }
        } catch (UnknownCategoryException e) {
          // a path renamed since, or made in another project: the id is what it is there for
        }
      }
    }
    if (contradictoryNames.contains(key)) {
      contradicting.add(row.line());
    }
    return c;
  }

  /** The category the row's first name gives, if that name resolves. */
  private UUID resolvedFirst(CodingRow row) {
    try {
      return system.resolve(row.category()).id();
    } catch (UnknownCategoryException e) {
      return null;
    }
  }

  private Category resolve(CodingRow row) {
    try {
      return system.resolve(row.category());
    } catch (UnknownCategoryException e) {
      if (row.categoryFallback().isEmpty()) {
        // inductive coding names categories the system does not have yet: say how one is made
        throw error(row, e.getMessage() + (e.getMessage().startsWith("no category named \"")
            ? " (a new category is made with: category add PROJECT NAME --why …)" : ""));
      }
      try {
        return system.resolve(row.categoryFallback());
      } catch (UnknownCategoryException again) {
        throw error(row, e.getMessage() + ", and " + again.getMessage());
      }
    }
  }

  /**
   * A retired, merged or split category takes no new decisions, but a row may still repeat one the
   * project holds (a coding of its own export, say). Refusing those would make a project's own export
   * impossible to import again.
   */
  private void checkTakesCoding(CodingRow row, Category category, Coding coding) {
    if (category.state().isActive() || stayingOn.equals(Optional.of(category.id()))) {
      return;
    }
    // an id alone proves nothing (any UUID will do); a coding this project stores under it has this decision
    if (!storedDecisions.computeIfAbsent(coding.document(), this::decisionsOf).contains(coding.decision())) {
      // the row's coding may be in the project still, moved on by the operation: an export made before it
      // (an edit's row is the coding itself, where it is: nothing was moved on, and no file is old)
      Coding stored = stayingOn.isPresent() ? null
          : row.id().map(id -> session.codings().byIds(List.of(id)).get(id)).orElse(null);
      String movedOn = stored == null || stored.category().equals(category.id()) ? "" : "; coding " + stored.id()
          + " is in the project on \"" + system.path(stored.category()) + "\" now, where the operation took it (this "
          + "file was written before it: export again)";
      throw error(row, "\"" + category.label().english() + "\" is " + CategoryOperations.describeState(system, category)
          + " and takes no new codings" + movedOn + (movedOn.isEmpty()
              && category.state().status() == org.lacrima.core.codebook.CategoryState.Status.RETIRED
              ? " (lacrima category reactivate opens it again)" : ""));
    }
  }

  private Set<Coding.Decision> decisionsOf(UUID document) {
    Set<Coding.Decision> decisions = new HashSet<>();
    session.codings().byDocument(document).forEach(c -> decisions.add(c.decision()));
    return decisions;
  }

  private Coder coder(CodingRow row) {
    String name = Names.normalize(row.coder());
    if (name.isEmpty()) {
      throw error(row, "names no coder");
    }
    Names.coderProblem(name).ifPresent(problem -> {
      throw error(row, problem);
    });
    Coder known = coders.get(row.coder(), row);
    if (known != null) {
      return known;
    }
    Coder created = new Coder(Ids.next(), name);
    session.coders().add(created);
    coders.put(name, created);
    newCoders.add(name);
    return created;
  }

  private DocumentText text(DocumentSummary doc) {
    return texts.computeIfAbsent(doc.id(), id -> session.documents().text(id));
  }

  private static InputException error(CodingRow row, String problem) {
    return new InputException(row.source(), row.place(), problem);
  }

  static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 60 ? one : one.substring(0, 57) + "…";
  }
}
