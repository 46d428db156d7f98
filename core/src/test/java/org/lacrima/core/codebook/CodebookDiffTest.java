package org.lacrima.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodebookDiffTest {

  private static final Category GROUP = Category.named(UUID.fromString("00000000-0000-0000-0000-00000000000a"),
      Optional.empty(), LocalizedText.of("Forms", "Formen"));

  @Test
  void namesEveryChangedFieldOfACategoryExclusivityIncluded() {
    assertThat(CodebookDiff.changedFields(GROUP, GROUP)).isEmpty();
    assertThat(CodebookDiff.changedFields(GROUP, GROUP.withExclusiveChildren(true))).containsExactly("exclusive_children");
    assertThat(CodebookDiff.changedFields(GROUP, GROUP.withLabel(LocalizedText.of("Kinds", "Formen"))
        .withExclusiveChildren(true))).containsExactly("label", "exclusive_children");
  }
}
