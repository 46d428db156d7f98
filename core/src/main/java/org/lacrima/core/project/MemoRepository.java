package org.lacrima.core.project;

import java.util.List;
import java.util.UUID;
import org.lacrima.core.coding.Memo;

public interface MemoRepository {
  void add(Memo memo);

  List<Memo> about(Memo.Target target, UUID targetId);

  /** Attaches a memo to another thing of the same kind. */
  void retarget(UUID memo, UUID targetId);
}
