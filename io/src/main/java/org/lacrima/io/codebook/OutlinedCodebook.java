package org.lacrima.io.codebook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.lacrima.core.codebook.CategorySystem;

/** A codebook document for people to read, written from the {@link CodebookOutline} every such format shares. */
interface OutlinedCodebook extends CodebookFormat {

  /** Writes the document the outline gives. */
  void write(CodebookOutline outline, OutputStream out) throws IOException;

  @Override
  default void write(CategorySystem system, String language, OutputStream out) throws IOException {
    write(CodebookOutline.of(system, Optional.empty(), language), out);
  }

  @Override
  default void write(CategorySystem system, String projectVersion, String language, OutputStream out)
      throws IOException {
    write(CodebookOutline.of(system, Optional.of(projectVersion), language), out);
  }
}
