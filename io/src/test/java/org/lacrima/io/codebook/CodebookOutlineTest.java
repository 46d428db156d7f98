package org.lacrima.io.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lacrima.core.InputException;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategoryState;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.io.codebook.CodebookBlock.Field;
import org.lacrima.io.codebook.CodebookBlock.Heading;
import org.lacrima.io.codebook.CodebookBlock.Items;
import org.lacrima.io.codebook.CodebookBlock.Table;
import org.lacrima.io.codebook.CodebookBlock.Tree;

class CodebookOutlineTest {

  private static final UUID ASSUMPTIONS = UUID.fromString("10000000-0000-4000-8000-000000000001");
  private static final UUID PROTEST = UUID.fromString("10000000-0000-4000-8000-000000000002");
  private static final UUID MERGED = UUID.fromString("10000000-0000-4000-8000-000000000003");
  private static final UUID VALIDATING = UUID.fromString("10000000-0000-4000-8000-000000000005");

  private final CategorySystem system = CodebookFixture.small();

  @Test
  void categorySectionsFollowTheTreeAndAreAnchoredByTheirIds() {
    List<String> anchors = CodebookOutline.of(system, "en").blocks().stream()
        .filter(b -> b instanceof Heading h && h.level() == 3)
        .map(b -> ((Heading) b).anchor())
        .toList();

    assertThat(anchors).containsExactlyElementsOf(
        system.categories().stream().map(c -> "c-" + c.id()).toList());
  }

  @Test
  void theOverviewIndentsByDepthAndMarksOnlyGroupingNodes() {
    Tree tree = only(CodebookOutline.of(system, "en").blocks(), Tree.class);

    assertThat(tree.nodes()).extracting(Tree.Node::depth).containsExactly(0, 1, 1, 0, 1);
    for (int i = 0; i < tree.nodes().size(); i++) {
      Category c = system.categories().get(i);
      assertThat(tree.nodes().get(i).mark()).isEqualTo(c.codable() ? "" : "grouping node");
    }
  }

  /** The small system as a team may have developed it: one category merged, one retired, exclusive subcategories. */
  private CategorySystem developed() {
    List<Category> cats = system.categories().stream().map(c -> {
      if (c.id().equals(ASSUMPTIONS)) {
        return c.withExclusiveChildren(true);
      }
      if (c.id().equals(MERGED)) {
        return c.withState(CategoryState.mergedInto(PROTEST));
      }
      return c.id().equals(VALIDATING) ? c.withState(CategoryState.RETIRED) : c;
    }).toList();
    return CategorySystem.of(system.info(), cats, system.relations(), "test");
  }

  @Test
  void saysWhichCategoriesNoLongerTakeCodingsAndWhichAreMutuallyExclusive() {
    List<CodebookBlock> blocks = CodebookOutline.of(developed(), "en").blocks();

    assertThat(only(blocks, Tree.class).nodes()).extracting(Tree.Node::mark).containsExactly(
        "grouping node; subcategories mutually exclusive", "", "merged into Protest crying", "grouping node",
        "retired");
    assertThat(blocks).contains(
        new Field("Subcategories", "mutually exclusive: a span is coded with at most one of them"),
        new Field("Exclusive group", "one of the mutually exclusive subcategories of Assumptions"),
        new Field("Status", "merged into Protest crying (takes no new codings; its codings were moved there)"),
        new Field("Status", "retired (takes no new codings; its codings stay and count in analysis)"));
    assertThat(CodebookOutline.of(developed(), "de").blocks()).contains(
        new Field("Status", "aufgegangen in Protestweinen (nimmt keine neuen Kodierungen an; ihre Kodierungen wurden "
            + "dorthin verschoben)"),
        new Field("Ausschließende Gruppe", "eine der einander ausschließenden Unterkategorien von Annahmen"));
  }

  @Test
  void everyDocumentFormatCarriesTheStatesAndExclusiveGroups() throws java.io.IOException {
    for (CodebookFormat format : List.of(new MarkdownCodebook(), new HtmlCodebook())) {
      String written = new String(CodebookFixture.written(format, developed(), "en"),
          java.nio.charset.StandardCharsets.UTF_8);
      assertThat(written).as(format.name()).contains("merged into Protest crying").contains("retired")
          .contains("one of the mutually exclusive subcategories of Assumptions");
    }
    try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(
        CodebookFixture.written(new DocxCodebook(), developed(), "en")));
        var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx)) {
      assertThat(text.getText()).contains("merged into Protest crying").contains("retired")
          .contains("one of the mutually exclusive subcategories of Assumptions");
    }
  }

  @Test
  void germanCodebookUsesGermanFieldNamesAndMarksTheEnglishBesideIt() {
    List<CodebookBlock> blocks = CodebookOutline.of(system, "de").blocks();
    List<String> names = blocks.stream().map(CodebookOutlineTest::name).toList();

    assertThat(names).contains("Definition", "Indikatoren", "Kodieren, wenn…", "Nicht kodieren, wenn…",
        "Abgrenzung", "Beispiele", "Grundlage im Artikel", "Hinweise nach Verfahren", "Beziehungen",
        "Bezeichnung — Englisch (Original)", "Definition — Englisch (Original)");
    assertThat(blocks).contains(new Field("Sprache", "Deutsch (eigene Übersetzung)"));
    assertThat(blocks).contains(new Heading(3, "Protestweinen", "c-" + PROTEST));
  }

  @Test
  void englishCodebookMarksGermanAsOurOwnTranslation() {
    assertThat(CodebookOutline.of(system, "en").blocks())
        .contains(new Field("Label — Deutsch (eigene Übersetzung)", "Protestweinen"))
        .contains(new Field("Language", "English (original)"));
  }

  @Test
  void aTextWithoutGermanFallsBackToEnglishMarkedAsSuch() {
    List<CodebookBlock> blocks = CodebookOutline.of(system, "de").blocks();

    assertThat(blocks).contains(new Field("Definition",
        "The therapist acknowledges the crying as understandable. [nur Englisch]"));
    assertThat(blocks).contains(new Items("Hinweise nach Verfahren", List.of(
        "PDT (psychodynamisch): Gelesen als Zeichen eines frühen Beziehungsmusters. (Englisch (Original): Read as a sign "
            + "of an early relational pattern.)",
        "CBT (kognitiv-verhaltenstherapeutisch): Read as learned behaviour that brings relief. [nur Englisch]",
        "ST (systemisch): Gelesen als Botschaft im Familiensystem. (Englisch (Original): Read as a message within the "
            + "family system.)")));
    // an item a team wrote in both languages is in both codebooks: each has its own wording and the other beside it
    assertThat(CodebookOutline.of(system, "en").blocks()).anySatisfy(b -> assertThat(b.toString())
        .contains("He cried _because_ I was late, and wanted me to say sorry.\nDeutsch (eigene Übersetzung): - Er "
            + "weinte, _weil_ ich zu spät kam, und wollte eine Entschuldigung."));
    // the English codebook marks no text that has its English; the translation note has none, and says so
    assertThat(CodebookOutline.of(system, "en").blocks()).filteredOn(b -> b.toString().contains("[German only]"))
        .singleElement().isEqualTo(new Field("Translation",
            "Eigene Übersetzung des Lacrima-Projekts; nicht Teil der Originalpublikation. [German only]"));
  }

  @Test
  void eachCategoryListsTheRelationsItTakesPartIn() {
    List<CodebookBlock> blocks = CodebookOutline.of(system, "en").blocks();
    List<Items> relationLists = blocks.stream()
        .filter(b -> b instanceof Items i && i.name().equals("Relations"))
        .map(Items.class::cast)
        .toList();

    // protest crying takes part in both, the other two in one each
    assertThat(relationLists).extracting(i -> i.items().size()).containsExactly(2, 1, 1);
    assertThat(relationLists.get(0).items().get(1))
        .startsWith("is the basis for: Validating → Protest crying (Rests on: Discussion");
  }

  @Test
  void theRelationsTableSaysWhichKindsAreDirected() {
    Table table = only(CodebookOutline.of(system, "en").blocks(), Table.class);

    assertThat(table.header()).containsExactly("Kind", "From", "To", "Directed", "Rests on", "Note");
    assertThat(table.rows()).extracting(r -> r.get(0) + "/" + r.get(3))
        .containsExactly("often associated with/no", "is the basis for/yes");
    assertThat(CodebookOutline.of(system, "de").blocks().stream()
        .filter(Table.class::isInstance).map(Table.class::cast).findFirst().orElseThrow().rows().get(1).get(0))
        .isEqualTo("ist Grundlage für (is the basis for)");
  }

  @Test
  void anEmptyDefinitionIsShownAsMissing() {
    CategorySystem bare = CategorySystem.of(system.info(),
        List.of(Category.named(VALIDATING, Optional.empty(), LocalizedText.of("Bare"))), List.of(), "test");

    assertThat(CodebookOutline.of(bare, "en").blocks()).contains(new Field("Definition", "—"));
  }

  @Test
  void refusesLanguagesItHasNoWordingFor() {
    assertThatThrownBy(() -> CodebookOutline.of(system, "fr"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"fr\"")
        .hasMessageContaining("en or de");
  }

  @Test
  void flattensLineBreaksAndDropsControlCharacters() {
    assertThat(CodebookOutline.flat("  one\nline\r\n\ttwo\u0007 ")).isEqualTo("one line two");
  }

  private static String name(CodebookBlock b) {
    return switch (b) {
      case Field f -> f.name();
      case Items i -> i.name();
      case Heading h -> h.text();
      default -> "";
    };
  }

  private static <T extends CodebookBlock> T only(List<CodebookBlock> blocks, Class<T> type) {
    List<T> found = blocks.stream().filter(type::isInstance).map(type::cast).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @org.junit.jupiter.api.Test
  void keepsLinesAndOneEmptyLineBetweenParagraphs() {
    org.assertj.core.api.Assertions.assertThat(CodebookOutline.lines(" Line one\r\nLine  two\n\n\n\tPara after\n\n"))
        .isEqualTo("Line one\nLine two\n\nPara after");
  }
}
