package org.lacrima.io.codebook;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lacrima.core.codebook.Category;

/**
 * How a category's state reads in a codebook's language ("retired", "merged into X", "split into A, B"): one wording
 * for the documents a team hands out and the tree the terminal prints.
 */
public final class CategoryStateWording {

  private CategoryStateWording() {
  }

  /** Empty for an active category; {@code label} names the categories it went to. */
  public static String of(Category c, String language, Function<UUID, String> label) {
    CodebookLanguage l = CodebookLanguage.of(language);
    String successors = c.state().successors().stream().map(label).collect(Collectors.joining(", "));
    return switch (c.state().status()) {
      case ACTIVE -> "";
      case RETIRED -> l.term(CodebookTerm.RETIRED);
      case MERGED -> l.term(CodebookTerm.MERGED_INTO) + " " + successors;
      case SPLIT -> l.term(CodebookTerm.SPLIT_INTO) + " " + successors;
    };
  }
}
