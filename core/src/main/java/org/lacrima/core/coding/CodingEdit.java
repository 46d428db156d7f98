package org.lacrima.core.coding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.lacrima.core.Ids;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategoryState;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.project.ProjectSession;
import org.lacrima.core.text.DocumentText;
import org.lacrima.core.text.Names;

/**
 * One coding corrected by hand: its span, category or memo (its id, document and coder stay, so that it stays
 * the coder's decision). Like a deletion it leaves a memo on its document with what the coding was, who changed
 * it, when and why; the new form is read and checked as a codings import reads a row.
 */
public final class CodingEdit {

  /**
   * What to change; an empty field keeps what the coding has. The span is given by offsets (either end alone
   * moves that end) or by a quote with an optional 1-based occurrence, not both; {@code memo} replaces the memo
   * ("" removes it).
   */
  public record Change(OptionalInt start, OptionalInt end, Optional<String> quote, OptionalInt occurrence,
      Optional<String> category, Optional<String> memo) {

    boolean asksNothing() {
      return start.isEmpty() && end.isEmpty() && quote.isEmpty() && occurrence.isEmpty() && category.isEmpty()
          && memo.isEmpty();
    }
  }

  /**
   * The coding before and after. {@code outsideCoverage}: it now lies where a table import recorded that its coder
   * judged nothing of its category, so agreement will count it as not judged there.
   */
  public record Report(Coding before, Coding after, boolean outsideCoverage) {
  }

  private CodingEdit() {
  }

  private static final String EDITED_BY = " edited by ";
  private static final java.util.regex.Pattern EDIT = java.util.regex.Pattern.compile(
      "^Coding ([0-9a-fA-F-]{36})" + EDITED_BY);
  /** How an edit's memo gives the coding's new form; with the memo where the edit changed it. */
  private static final String NOW = "\nNow (start, end, category): ";
  private static final String NOW_WITH_MEMO = "\nNow (start, end, category, memo): ";

  /** The coding a memo this class left says was edited, if it is one of those memos. */
  public static Optional<UUID> editedBy(Memo memo) {
    java.util.regex.Matcher m = EDIT.matcher(memo.text());
    return m.find() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
  }

  /** The codings of a document that an edit since {@code since} changed, as the memos this class leaves name them. */
  public static java.util.Set<UUID> editedOn(ProjectSession s, UUID document, Instant since) {
    return editsOn(s, document, since, false);
  }

  /** Those of {@link #editedOn} whose memo an edit changed (rather than their span or category alone). */
  public static java.util.Set<UUID> memoEditedOn(ProjectSession s, UUID document, Instant since) {
    return editsOn(s, document, since, true);
  }

  private static java.util.Set<UUID> editsOn(ProjectSession s, UUID document, Instant since, boolean memoOnly) {
    java.util.Set<UUID> ids = new java.util.HashSet<>();
    for (Memo m : s.memos().about(Memo.Target.DOCUMENT, document)) {
      if (!m.written().isBefore(since) && (!memoOnly || m.text().contains(NOW_WITH_MEMO))) {
        editedBy(m).ifPresent(ids::add);
      }
    }
    return ids;
  }

  public static Report run(ProjectSession s, UUID id, Change change, String why, String who, Instant at) {
    if (Names.saysNothing(why)) {
      throw new InputException("say why the coding changes, with --why: the reason stays with the project");
    }
    Names.refuseControls("--why", why);
    if (change.asksNothing()) {
      throw new InputException("say what to change: --start and --end, or --quote; --category; --memo");
    }
    if (change.quote().isPresent() && (change.start().isPresent() || change.end().isPresent())) {
      throw new InputException("give the new span by offsets (--start, --end) or by --quote, not both");
    }
    if (change.quote().filter(String::isEmpty).isPresent()) {
      throw new InputException("--quote is empty; give the exact text of the new span");
    }
    // what a codings file may not hold (its reader refuses it), a memo may not either: the export must read back
    change.memo().ifPresent(memo -> Names.refuseControls("--memo", memo));
    // a page break or vertical tab is a line break, as a file's cell reads it: the export then reads back as it is
    Optional<String> memo = change.memo().map(DocumentText::endingLines);
    if (change.occurrence().isPresent() && change.quote().isEmpty()) {
      throw new InputException("--occurrence says which occurrence of --quote is meant; give the quote too");
    }
    Coding before = s.codings().byIds(List.of(id)).get(id);
    if (before == null) {
      throw new InputException(CodingDeletion.noSuchCoding(s, id, "nothing was changed"));
    }
    CategorySystem system = s.categories().current();
    Category on = system.get(before.category());
    if (change.category().isPresent() && on.state().status() == CategoryState.Status.SPLIT) {
      throw new InputException("coding " + id + " waits in the review queue of \"" + on.label().english()
          + "\", which was split; place it there (lacrima category review), where the placement is logged with the "
          + "split; nothing was changed");
    }
    var coders = CodingDeletion.coderNames(s);
    CodingRow row = new CodingRow("coding " + id, 0, s.documents().get(before.document()).name(),
        change.quote().isPresent() ? OptionalInt.empty() : OptionalInt.of(change.start().orElse(before.start())),
        change.quote().isPresent() ? OptionalInt.empty() : OptionalInt.of(change.end().orElse(before.end())),
        change.quote().orElse(""), change.occurrence(), change.category().orElse(before.category().toString()),
        coders.get(before.coder()), memo.orElse(before.memo()), Optional.of(id));
    CodingImport.Read read = CodingImport.read(s, row, before.category());
    Coding after = read.coding();
    if (after.equals(before)) {
      throw new InputException("coding " + id + " is like that already; nothing was changed");
    }
    for (Coding other : s.codings().byDocument(before.document())) {
      if (!other.id().equals(id) && other.sameDecision(after)) {
        throw new InputException("coding " + other.id() + " already records this: " + coders.get(after.coder())
            + " coded " + after.start() + ".." + after.end() + " with \"" + system.path(after.category())
            + "\"; a coder codes a span with a category once. To keep one of the two, delete the other (codings "
            + "delete; its memo stays in the memo the deletion leaves); nothing was changed");
      }
    }
    s.memos().add(new Memo(Ids.next(), Memo.Target.DOCUMENT, before.document(), who, at, "Coding " + id
        + EDITED_BY + who + ". Why: " + CodingDeletion.reason(why) + "\n" + CodingDeletion.asItWas(s, system, coders,
            before) + (after.memo().equals(before.memo()) ? NOW : NOW_WITH_MEMO)
        + after.start() + ", " + after.end() + ", " + system.path(after.category())
        + (after.memo().equals(before.memo()) ? "" : ", " + CodingDeletion.csvField(after.memo()))));
    s.codings().update(after);
    return new Report(before, after, read.outsideCoverage());
  }
}
