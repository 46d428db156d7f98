package org.lacrima.io.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lacrima.core.codebook.Category;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.LocalizedText;
import org.lacrima.core.codebook.Relation;

class DocxCodebookTest {

  private final DocxCodebook format = new DocxCodebook();

  @Test
  void showsEveryLabelDefinitionExampleAndRelationWording() throws IOException {
    CategorySystem system = CodebookFixture.small();
    String text = ExpectedTexts.normalized(extracted(system, "en"));

    for (Category c : system.categories()) {
      assertThat(text).contains(c.label().english(), ExpectedTexts.normalized(c.definition().english()));
      c.examples().forEach(e -> assertThat(text).contains(e.english()));
    }
    for (Relation r : system.relations()) {
      assertThat(text).contains(r.kind().wording());
    }
  }

  @Test
  void keepsTheLineBreaksOfUserText() throws IOException {
    assertThat(extracted(CodebookFixture.small(), "en")).contains("Crying that is directed at someone\n- and demands");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void holdsEveryFieldOfEveryCategory(String language) throws IOException {
    CategorySystem system = CodebookFixture.small();

    ExpectedTexts.assertAllIn(extracted(system, language), system, language);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void holdsEveryFieldOfTheBuiltInSystem(String language) throws IOException {
    CategorySystem system = CodebookFixture.builtIn();

    ExpectedTexts.assertAllIn(extracted(system, language), system, language);
  }

  @Test
  void headingsAreStyledBoldAndLarger() throws IOException {
    try (XWPFDocument doc = read(CodebookFixture.small(), "de")) {
      assertThat(doc.getStyles().styleExist("Heading1")).isTrue();
      assertThat(doc.getStyles().styleExist("Heading3")).isTrue();
      XWPFParagraph title = doc.getParagraphs().get(0);
      assertThat(title.getStyle()).isEqualTo("Heading1");
      assertThat(title.getText()).isEqualTo("Arbeitsmodelle des Weinens (Testdaten)");
      assertThat(title.getRuns().get(0).isBold()).isTrue();
      assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isGreaterThan(12.0);
      List<String> level3 = doc.getParagraphs().stream()
          .filter(p -> "Heading3".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
      assertThat(level3).containsExactly("Annahmen", "Protestweinen",
          "Trauer <script>alert(1)</script> & „leise“ 'Tränen' | *sanft*", "Interventionen", "Validieren");
    }
  }

  @Test
  void listsItemsWithBulletsAndRelationsInATable() throws IOException {
    CategorySystem system = CodebookFixture.small();
    try (XWPFDocument doc = read(system, "en")) {
      // the item in English, its German wording beside it
      assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
          .anyMatch(t -> t.startsWith("• " + system.categories().get(1).indicators().get(0).english() + "\nDeutsch"));
      assertThat(doc.getTables()).hasSize(1);
      XWPFTable table = doc.getTables().get(0);
      assertThat(table.getRows()).hasSize(system.relations().size() + 1);
      assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Kind");
      assertThat(table.getRow(2).getCell(0).getText()).isEqualTo("is the basis for");
      assertThat(table.getRow(2).getCell(3).getText()).isEqualTo("yes");
    }
  }

  @Test
  void isAPlainDocumentWithoutMacros() throws Exception {
    try (XWPFDocument doc = read(CodebookFixture.small(), "en")) {
      assertThat(doc.getPackagePart().getContentType())
          .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
      assertThat(doc.getPackage().getParts()).noneMatch(p -> p.getPartName().getName().contains("vba"));
      assertThat(doc.getProperties().getCoreProperties().getTitle())
          .isEqualTo(CodebookFixture.small().info().title().in(LocalizedText.ENGLISH));
    }
  }

  private XWPFDocument read(CategorySystem system, String language) throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(CodebookFixture.written(format, system, language)));
  }

  private String extracted(CategorySystem system, String language) throws IOException {
    try (XWPFDocument doc = read(system, language); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }
}
