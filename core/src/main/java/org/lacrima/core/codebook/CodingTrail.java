package org.lacrima.core.codebook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lacrima.core.coding.Coding;

/**
 * What a category operation did to codings and memos, kept with its log entry so that an undo can
 * put back exactly what it touched: codings moved between categories, codings collapsed into a
 * coding of the same decision (with that coding's memo before and after), and memos moved.
 */
public record CodingTrail(List<Moved> moved, List<Collapsed> collapsed, List<MemoMoved> memos) {

  public static final CodingTrail NONE = new CodingTrail(List.of(), List.of(), List.of());

  public CodingTrail {
    moved = List.copyOf(moved);
    collapsed = List.copyOf(collapsed);
    memos = List.copyOf(memos);
  }

  /**
   * A coding moved from one category to another. {@code leftAs} is the coding as the operation left
   * it (on {@code to}), so that an undo can tell whether it was changed since; it is empty in trails
   * logged before it was kept, where only the category can tell.
   */
  public record Moved(UUID coding, UUID from, UUID to, Optional<Coding> leftAs) {

    /** The move of {@code before} to {@code to}, remembering the coding as the move leaves it. */
    public static Moved of(Coding before, UUID to) {
      return new Moved(before.id(), before.category(), to, Optional.of(new Coding(before.id(), before.document(),
          before.start(), before.end(), to, before.coder(), before.memo())));
    }
  }

  /** A coding removed because {@code kept} records the same decision; its memo went to {@code kept}. */
  public record Collapsed(Coding removed, UUID kept, String keptMemoBefore, String keptMemoAfter) {
  }

  /** A memo on a category moved to another category. */
  public record MemoMoved(UUID memo, UUID from, UUID to) {
  }

  public boolean isEmpty() {
    return moved.isEmpty() && collapsed.isEmpty() && memos.isEmpty();
  }
}
