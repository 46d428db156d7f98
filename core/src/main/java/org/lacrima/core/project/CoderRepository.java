package org.lacrima.core.project;

import java.util.List;
import java.util.Optional;
import org.lacrima.core.coding.Coder;

public interface CoderRepository {
  Optional<Coder> byName(String name);

  void add(Coder coder);

  List<Coder> list();
}
