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
  void theSystemsOwnVersionAndTitleAreDifferencesToo() {
    SystemInfo i = BUILT_IN.info();
    CategorySystem next = CategorySystem.of(new SystemInfo(i.id(), "1.1.0", LocalizedText.of("A new title",
        i.title().exactly("de").orElseThrow()), i.citation(), i.citationUrl(), i.notice(), i.translationNote()),
        BUILT_IN.categories(), BUILT_IN.relations(), "test");
    assertThat(CodebookDiff.between(BUILT_IN, next)).extracting(CodebookDiff.Difference::kind, CodebookDiff.Difference::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CodebookDiff.Kind.SYSTEM, "version\n  - \"" + i.version() + "\"\n  + \"1.1.0\""),
            org.assertj.core.groups.Tuple.tuple(CodebookDiff.Kind.SYSTEM, "title\n  - \"" + i.title().english()
                + "\" (en)\n  + \"A new title\" (en)"));
  }

  /** A label given or changed in German alone is said as such, not as a renaming of the English name. */
  @Test
  void aGermanLabelAloneIsNoRenaming() {
    Category pause = BUILT_IN.resolve("Pause");
    CategorySystem german = with(pause.withLabel(LocalizedText.of("Pause", "Innehalten")), BUILT_IN.relations());
    assertThat(CodebookDiff.between(BUILT_IN, german)).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(CodebookDiff.Kind.RENAMED);
      assertThat(d.detail()).isEqualTo("label (de) changed from \"" + pause.label().in("de") + "\" to \"Innehalten\"");
    });
    CategorySystem english = with(pause.withLabel(LocalizedText.of("Pausing", pause.label().in("de"))),
        BUILT_IN.relations());
    assertThat(CodebookDiff.between(BUILT_IN, english)).singleElement().extracting(CodebookDiff.Difference::detail)
        .asString().startsWith("renamed from \"Pause\" (en)");
  }

  @Test
  void anAddedCategoryShowsWhatItSaysAndACryingFormChangesPartByPart() {
    Category protest = BUILT_IN.resolve("Protest crying");
    CryingForm f = protest.cryingForm().orElseThrow();
    CryingForm changed = new CryingForm(List.of(LocalizedText.of("anger", "Wut")), f.triggers(), f.quality(),
        CryingForm.InteractiveFunction.MINIMAL, f.countertransference(), f.acceptance());
    Category edited = new Category(protest.id(), protest.parent(), protest.codable(), protest.label(),
        protest.definition(), protest.indicators(), protest.codeWhen(), protest.doNotCodeWhen(), protest.delimitations(),
        protest.examples(), protest.paperSection(), protest.orientationNotes(), Optional.of(changed), protest.state(),
        protest.exclusiveChildren(), protest.scale());
    Category added = Category.named(UUID.fromString("00000000-0000-0000-0000-0000000000ad"), protest.parent(),
        LocalizedText.of("Crying at the door", "Weinen an der Tür"));
    added = withTexts(added, LocalizedText.of("At the door."), List.of(LocalizedText.of("ex1")));
    List<Category> cats = new java.util.ArrayList<>(with(edited, BUILT_IN.relations()).categories());
    cats.add(added);
    CategorySystem after = CategorySystem.of(BUILT_IN.info(), cats, BUILT_IN.relations(), "test");

    List<CodebookDiff.Difference> diff = CodebookDiff.between(BUILT_IN, after);
    assertThat(diff).filteredOn(d -> d.kind() == CodebookDiff.Kind.ADDED).singleElement().satisfies(d ->
        assertThat(d.detail()).contains("\n  label: \"Crying at the door\" (en), \"Weinen an der Tür\" (de)")
            .contains("\n  definition: \"At the door.\" (en)").contains("\n  examples: [\"ex1\" (en)]")
            .doesNotContain("scale")); // the default scale tells a reader nothing
    // the other way round it is removed, from where it stood
    String stood = after.path(added.id());
    assertThat(CodebookDiff.between(after, BUILT_IN)).filteredOn(d -> d.kind() == CodebookDiff.Kind.REMOVED)
        .singleElement().satisfies(d -> assertThat(d.detail()).isEqualTo("removed; it stood at \"" + stood + "\""));
    assertThat(diff).filteredOn(d -> d.kind() == CodebookDiff.Kind.CHANGED).singleElement().satisfies(d ->
        assertThat(d.detail()).startsWith("crying_form\n  emotions\n").contains("  interactive_function\n")
            .contains("+ \"minimal\"").doesNotContain("CryingForm[").doesNotContain("triggers"));
  }

  @Test
  void aCategoryAddedAndRetiredBetweenTheTwoVersionsSaysBoth() {
    Category protest = BUILT_IN.resolve("Protest crying");
    Category added = Category.named(UUID.fromString("00000000-0000-0000-0000-0000000000ae"), protest.parent(),
        LocalizedText.of("Crying on the phone", "Weinen am Telefon")).withState(CategoryState.RETIRED);
    List<Category> cats = new java.util.ArrayList<>(BUILT_IN.categories());
    cats.add(added);
    CategorySystem after = CategorySystem.of(BUILT_IN.info(), cats, BUILT_IN.relations(), "test");
    assertThat(CodebookDiff.between(BUILT_IN, after)).extracting(CodebookDiff.Difference::kind)
        .containsExactly(CodebookDiff.Kind.ADDED, CodebookDiff.Kind.RETIRED);
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
