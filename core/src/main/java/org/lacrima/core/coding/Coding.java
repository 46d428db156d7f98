package org.lacrima.core.coding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One coder's decision that a span of a document belongs to a category: code point offsets, end
 * exclusive. {@code memo} is empty when there is none. A coder codes a span with a category at most
 * once; a second identical coding adds only its memo.
 */
public record Coding(UUID id, UUID document, int start, int end, UUID category, UUID coder, String memo) {

  public Coding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(coder, "coder");
    Objects.requireNonNull(memo, "memo");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a coding needs 0 <= start < end, got " + start + ".." + end);
    }
  }

  public int length() {
    return end - start;
  }

  /** Same coder, document, span and category: the same decision. */
  public boolean sameDecision(Coding o) {
    return document.equals(o.document) && coder.equals(o.coder) && category.equals(o.category)
        && start == o.start && end == o.end;
  }

  /** The decision a coding records, without its id and memo. */
  public record Decision(UUID document, UUID coder, UUID category, int start, int end) {
  }

  public Decision decision() {
    return new Decision(document, coder, category, start, end);
  }

  /**
   * The memo of a decision recorded twice: both memos, one per line, unless the added one is empty
   * or the stored one already holds it as whole lines; an added memo that holds the stored one as
   * whole lines (a later export of the same coding) takes its place. Comparing substrings would drop
   * "relevant" beside a stored "not relevant here"; whole lines only skip what an export repeats.
   * Stores apply the same rule when a stored decision is added again.
   */
  public static String joinMemos(String stored, String added) {
    if (added.isEmpty() || ("\n" + stored + "\n").contains("\n" + added + "\n")) {
      return stored;
    }
    // a later export of the same project brings the stored memo with lines added since: it replaces it
    if (stored.isEmpty() || ("\n" + added + "\n").contains("\n" + stored + "\n")) {
      return added;
    }
    return stored + "\n" + added;
  }

  /**
   * What was added to a memo since it read {@code then}, if {@code now} is {@code then} with more
   * joined to it the way {@link #joinMemos} joins (a repeated decision, a note appended); empty when
   * the memo was rewritten instead, or is unchanged.
   */
  public static Optional<String> memoAddedSince(String then, String now) {
    if (now.equals(then)) {
      return Optional.empty();
    }
    if (then.isEmpty()) {
      return Optional.of(now);
    }
    if (now.startsWith(then + "\n") && now.length() > then.length() + 1) {
      return Optional.of(now.substring(then.length() + 1));
    }
    return Optional.empty();
  }

  /** Keeps the first coding of each decision, with the memos of its repetitions joined. */
  public static List<Coding> collapseRepeatedDecisions(List<Coding> codings) {
    Map<Decision, Coding> first = new LinkedHashMap<>();
    for (Coding c : codings) {
      first.merge(c.decision(), c, (kept, again) -> new Coding(kept.id, kept.document, kept.start, kept.end,
          kept.category, kept.coder, joinMemos(kept.memo, again.memo)));
    }
    return first.size() == codings.size() ? codings : new ArrayList<>(first.values());
  }
}
