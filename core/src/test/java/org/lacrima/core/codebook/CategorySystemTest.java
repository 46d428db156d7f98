package org.lacrima.core.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CategorySystemTest {

  private static final SystemInfo INFO = SystemInfo.empty("test");
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

  private static Category cat(UUID id, UUID parent, String en, String de) {
    return Category.named(id, Optional.ofNullable(parent), LocalizedText.of(en, de));
  }

  private static CategorySystem system(List<Category> cats, List<Relation> rels) {
    return CategorySystem.of(INFO, cats, rels, "test.yaml");
  }

  @Test
  void ordersCategoriesAsATreeWhateverTheInputOrder() {
    CategorySystem s = system(List.of(cat(C, B, "c", "cc"), cat(A, null, "a", "aa"), cat(B, A, "b", "bb")), List.of());
    assertThat(s.categories()).extracting(Category::id).containsExactly(A, B, C);
    assertThat(s.path(C)).isEqualTo("a > b > c");
    assertThat(s.path(C, "de")).isEqualTo("aa > bb > cc");
    assertThat(s.depth(C)).isEqualTo(2);
    assertThat(s.isDescendant(C, A)).isTrue();
    assertThat(s.isDescendant(A, C)).isFalse();
  }

  @Test
  void refusesAnIdUsedTwice() {
    assertThatThrownBy(() -> system(List.of(cat(A, null, "a", "x"), cat(A, null, "b", "y")), List.of()))
        .isInstanceOf(CategorySystemException.class)
        .hasMessageContaining("test.yaml").hasMessageContaining("category 2").hasMessageContaining("used twice");
  }

  @Test
  void refusesAMissingParent() {
    assertThatThrownBy(() -> system(List.of(cat(B, A, "b", "y")), List.of()))
        .hasMessageContaining("parent " + A + " does not exist");
  }

  @Test
  void refusesACycle() {
    assertThatThrownBy(() -> system(List.of(cat(C, null, "c", "z"), cat(A, B, "a", "x"), cat(B, A, "b", "y")), List.of()))
        .hasMessageContaining("own ancestor");
  }

  @Test
  void refusesARelationToAMissingCategoryOrTwiceTheSameSymmetricPair() {
    Category a = cat(A, null, "a", "x");
    Category b = cat(B, null, "b", "y");
    Relation r1 = new Relation(UUID.randomUUID(), RelationKind.LINKED_TO, A, C, "", LocalizedText.empty());
    assertThatThrownBy(() -> system(List.of(a, b), List.of(r1)))
        .hasMessageContaining("relation 1 (linked to)").hasMessageContaining(C + " does not exist");
    Relation ab = new Relation(UUID.randomUUID(), RelationKind.LINKED_TO, A, B, "", LocalizedText.empty());
    Relation ba = new Relation(UUID.randomUUID(), RelationKind.LINKED_TO, B, A, "", LocalizedText.empty());
    assertThatThrownBy(() -> system(List.of(a, b), List.of(ab, ba))).hasMessageContaining("repeats relation 1");
    Relation basis1 = new Relation(UUID.randomUUID(), RelationKind.IS_BASIS_FOR, A, B, "", LocalizedText.empty());
    Relation basis2 = new Relation(UUID.randomUUID(), RelationKind.IS_BASIS_FOR, B, A, "", LocalizedText.empty());
    assertThat(system(List.of(a, b), List.of(basis1, basis2)).relations()).hasSize(2);
    assertThat(system(List.of(a, b), List.of(ab, basis1)).relations()).hasSize(2);
  }

  @Test
  void refusesSiblingsWithTheSameLabelButAllowsCousins() {
    assertThatThrownBy(() -> system(List.of(cat(A, null, "a", "x"), cat(B, A, "Pause", "p"), cat(C, A, "pause", "q")), List.of()))
        .hasMessageContaining("that its sibling \"Pause\" (" + B + ") has too");
    UUID d = UUID.randomUUID();
    CategorySystem s = system(List.of(cat(A, null, "a", "x"), cat(B, null, "b", "y"), cat(C, A, "Other", "o1"),
        cat(d, B, "Other", "o2")), List.of());
    assertThatThrownBy(() -> s.resolve("Other")).hasMessageContaining("names 2 categories")
        .hasMessageContaining("a > Other").hasMessageContaining("b > Other");
    assertThat(s.resolve("b > Other").id()).isEqualTo(d);
    assertThat(s.resolve("o1").id()).isEqualTo(C);
    // a top-level "Other" beside them: its full path is its label, so that name is its own, not ambiguous
    UUID e = UUID.randomUUID();
    CategorySystem withTop = system(List.of(cat(A, null, "a", "x"), cat(B, null, "b", "y"), cat(C, A, "Other", "o1"),
        cat(d, B, "Other", "o2"), cat(e, null, "Other", "o3")), List.of());
    assertThat(withTop.resolve("Other").id()).isEqualTo(e);
    assertThat(withTop.resolve("a > Other").id()).isEqualTo(C);
  }

  @Test
  void aChangeMayNotGiveACategoryTheLabelItsSiblingHasInTheOtherLanguage() {
    CategorySystem before = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Anger", "Wut"),
        cat(C, A, "Rage", "Zorn")), List.of());
    CategorySystem clash = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Anger", "Wut"),
        cat(C, A, "Rage", "anger")), List.of());
    assertThatThrownBy(() -> CategorySystem.checkChangedLabels(before, clash, "rename"))
        .isInstanceOf(CategorySystemException.class).hasMessageContaining("\"anger\" (de)")
        .hasMessageContaining("its sibling \"Anger\"");
    // a category may carry one label in both languages, and a cousin may share a sibling's label
    CategorySystem fine = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Anger", "Wut"),
        cat(C, A, "Rage", "Rage"), cat(UUID.randomUUID(), B, "Wut", "Wut")), List.of());
    CategorySystem.checkChangedLabels(before, fine, "rename");
  }

  @Test
  void aTeamCanRenameItsWayOutOfAClashAnOlderSystemHad() {
    // stored before the rules: Anger's German label is its sibling Wut's English one, and Zorn's holds " > "
    CategorySystem before = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Anger", "Wut"),
        cat(C, A, "Wut", "Zorn > Ärger")), List.of());
    // renaming the other language, or either label of the other sibling, does not trip over the old clash
    CategorySystem.checkChangedLabels(before, system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Fury", "Wut"),
        cat(C, A, "Wut", "Zorn > Ärger")), List.of()), "rename");
    CategorySystem.checkChangedLabels(before, system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Anger", "Wut"),
        cat(C, A, "Rage", "Zorn > Ärger")), List.of()), "rename");
    // a label the change brings is still checked
    assertThatThrownBy(() -> CategorySystem.checkChangedLabels(before, system(List.of(cat(A, null, "top", "oben"),
        cat(B, A, "Anger", "Wut"), cat(C, A, "Wut", "Ärger > Zorn")), List.of()), "rename"))
        .hasMessageContaining("contains \" > \"");
  }

  @Test
  void aChangeMayNotPutThePathSeparatorInALabel() {
    CategorySystem before = system(List.of(cat(A, null, "top", "oben")), List.of());
    CategorySystem added = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "loss > grief", "Verlust")), List.of());
    assertThatThrownBy(() -> CategorySystem.checkChangedLabels(before, added, "add"))
        .hasMessageContaining("\"loss > grief\" contains \" > \"");
    CategorySystem bare = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "> 5 years", "a>b")), List.of());
    CategorySystem.checkChangedLabels(before, bare, "add");
    assertThat(bare.resolve("top > > 5 years").id()).isEqualTo(B);
    // " >" at the end would take the separator after it: "Tail > > K" could not name the child
    CategorySystem tail = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Tail >", "Ende")), List.of());
    assertThatThrownBy(() -> CategorySystem.checkChangedLabels(before, tail, "add"))
        .hasMessageContaining("\"Tail >\" contains \" > \"");
  }

  @Test
  void aNameThatFitsTwoCategoriesIsRefusedRatherThanTakingTheFirst() {
    // systems stored before the label rules: siblings clash across languages, a label reads as a path
    UUID d = UUID.randomUUID();
    CategorySystem s = system(List.of(cat(A, null, "top", "oben"), cat(B, A, "Anger", "Wut"), cat(C, A, "Wut", "Zorn"),
        cat(d, null, "top > Anger", "oben > Ärger")), List.of());
    assertThatThrownBy(() -> s.resolve("top > Wut")).isInstanceOf(UnknownCategoryException.class)
        .hasMessageContaining("names 2 categories").hasMessageContaining(B.toString()).hasMessageContaining(C.toString());
    assertThatThrownBy(() -> s.resolve("top > Anger")).hasMessageContaining("names 2 categories")
        .hasMessageContaining(B.toString()).hasMessageContaining(d.toString());
    assertThat(s.resolve("top > Zorn").id()).isEqualTo(C);
    assertThat(s.resolve("oben > Ärger").id()).isEqualTo(d);
  }

  @Test
  void resolvesByIdLabelOrPathAndSuggestsWhenNothingFits() {
    CategorySystem s = BuiltInCategorySystem.get();
    Category relief = s.resolve("Relief/Catharsis");
    assertThat(s.resolve(relief.id().toString())).isEqualTo(relief);
    assertThat(s.resolve("relief/catharsis")).isEqualTo(relief);
    assertThat(s.resolve("Assumptions > The therapeutic process > Crying promotes the process (potential for change) > Relief/Catharsis"))
        .isEqualTo(relief);
    assertThat(s.resolve("Erleichterung/Katharsis")).isEqualTo(relief);
    assertThatThrownBy(() -> s.resolve("Relief")).isInstanceOf(UnknownCategoryException.class)
        .hasMessageContaining("did you mean \"Relief/Catharsis\"");
    assertThatThrownBy(() -> s.resolve(UUID.randomUUID().toString())).hasMessageContaining("no category with id");
  }

  @Test
  void aLabelWithAnAngleBracketButNoSpacesIsFoundByItsPath() {
    // "b>c" is one label: " > " alone separates levels; "a>b>c" without spaces still reads as a path
    CategorySystem s = system(List.of(cat(A, null, "a", "aa"), cat(B, A, "b>c", "bb"), cat(C, B, "c", "cc")), List.of());
    assertThat(s.resolve("a > b>c").id()).isEqualTo(B);
    assertThat(s.resolve("a > b>c > c").id()).isEqualTo(C);
    assertThat(s.resolve("aa>bb>cc").id()).isEqualTo(C);
    assertThat(s.resolve("b>c").id()).isEqualTo(B);
  }

  @Test
  void jsonRoundTripKeepsEveryField() {
    CategorySystem s = BuiltInCategorySystem.get();
    CategorySystem back = CategorySystemCodec.readJson(CategorySystemCodec.toJson(s), "round trip");
    assertThat(back.categories()).isEqualTo(s.categories());
    assertThat(back.relations()).isEqualTo(s.relations());
    assertThat(back.info()).isEqualTo(s.info());
  }

  @Test
  void readingNamesTheBrokenElement() {
    String yaml = """
        system: {id: t, version: "1"}
        categories:
          - id: 00000000-0000-0000-0000-00000000000a
            label: {en: A}
            crying_form: {interactive_function: loud, acceptance: {level: acceptance}}
        """;
    assertThatThrownBy(() -> CategorySystemCodec.readYaml(new java.io.ByteArrayInputStream(yaml.getBytes()), "t.yaml"))
        .hasMessageContaining("t.yaml").hasMessageContaining("categories[0]")
        .hasMessageContaining("interactive_function").hasMessageContaining("loud");
  }
}
