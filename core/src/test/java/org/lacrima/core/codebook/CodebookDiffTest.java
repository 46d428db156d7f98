package org.lacrima.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodebookDiffTest {

  private static final Category GROUP = Category.named(UUID.fromString("00000000-0000-0000-0000-00000000000a"),
      Optional.empty(), LocalizedText.of("Forms", "Formen"));

  private static final CategorySystem BUILT_IN = BuiltInCategorySystem.get();

  @Test
  void namesEveryChangedFieldOfACategoryExclusivityIncluded() {
    assertThat(CodebookDiff.changedFields(GROUP, GROUP)).isEmpty();
    assertThat(CodebookDiff.changedFields(GROUP, GROUP.withExclusiveChildren(true))).containsExactly("exclusive_children");
    assertThat(CodebookDiff.changedFields(GROUP, GROUP.withLabel(LocalizedText.of("Kinds", "Formen"))
        .withExclusiveChildren(true))).containsExactly("label", "exclusive_children");
  }

  private static Category withTexts(Category c, LocalizedText definition, List<LocalizedText> examples) {
    return new Category(c.id(), c.parent(), c.codable(), c.label(), definition, c.indicators(), c.codeWhen(),
        c.doNotCodeWhen(), c.delimitations(), examples, c.paperSection(), c.orientationNotes(), c.cryingForm(),
        c.state(), c.exclusiveChildren(), c.scale());
  }

  private static CategorySystem with(Category changed, List<Relation> relations) {
    List<Category> cats = BUILT_IN.categories().stream().map(c -> c.id().equals(changed.id()) ? changed : c).toList();
    return CategorySystem.of(BUILT_IN.info(), cats, relations, "test");
  }

  @Test
  void aTextChangedInEnglishOnlyShowsOnlyTheEnglish() {
    Category pause = BUILT_IN.resolve("Pause");
    CategorySystem before = with(withTexts(pause, LocalizedText.of("Old words.", "Alte Worte."),
        List.of(LocalizedText.of("First example.", "Erstes Beispiel."))), BUILT_IN.relations());
    CategorySystem after = with(withTexts(pause, LocalizedText.of("New words.", "Alte Worte."),
        List.of(LocalizedText.of("First example, reworded.", "Erstes Beispiel."))), BUILT_IN.relations());

    assertThat(CodebookDiff.between(before, after)).extracting(CodebookDiff.Difference::detail).containsExactly(
        "definition\n  - \"Old words.\" (en)\n  + \"New words.\" (en)",
        "examples\n  - \"First example.\" (en)\n  + \"First example, reworded.\" (en)");
  }

  @Test
  void aChangedRelationNoteShowsTheNoteBeforeAndAfter() {
    Relation r = BUILT_IN.relations().get(0);
    Relation first = new Relation(r.id(), r.kind(), r.from(), r.to(), r.paperSection(),
        LocalizedText.of("Seen once.", "Einmal gesehen."));
    Relation second = new Relation(r.id(), r.kind(), r.from(), r.to(), r.paperSection(),
        LocalizedText.of("Seen in three interviews.", "Einmal gesehen."));
    Category any = BUILT_IN.categories().get(0);

    List<CodebookDiff.Difference> diff = CodebookDiff.between(with(any, List.of(first)), with(any, List.of(second)));

    assertThat(diff).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(CodebookDiff.Kind.RELATION_CHANGED);
      assertThat(d.detail()).endsWith("\n  note\n  - \"Seen once.\" (en)\n  + \"Seen in three interviews.\" (en)")
          .doesNotContain(" → ");
    });
  }
}
