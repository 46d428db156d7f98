package org.lacrima.io.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lacrima.core.codebook.CategorySystem;

class MarkdownCodebookTest {

  private final MarkdownCodebook format = new MarkdownCodebook();

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void holdsEveryFieldOfEveryCategory(String language) {
    CategorySystem system = CodebookFixture.small();

    ExpectedTexts.assertAllIn(unescaped(markdown(system, language)), system, language);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de"})
  void holdsEveryFieldOfTheBuiltInSystem(String language) {
    CategorySystem system = CodebookFixture.builtIn();

    ExpectedTexts.assertAllIn(unescaped(markdown(system, language)), system, language);
  }

  @Test
  void escapesWhatMarkdownWouldTakeAsMarkup() {
    assertThat(MarkdownCodebook.escape("a|b *c* _d_ <e> & [f] `g` ~h~ #i \\j"))
        .isEqualTo("a\\|b \\*c\\* \\_d\\_ \\<e\\> \\& \\[f\\] \\`g\\` \\~h\\~ \\#i \\\\j");
    // pandoc's Markdown and GitHub read $x$ as mathematics
    assertThat(MarkdownCodebook.escape("costs $5 and $x$")).isEqualTo("costs \\$5 and \\$x\\$");
    assertThat(MarkdownCodebook.escape("1. first")).isEqualTo("1\\. first");
    assertThat(MarkdownCodebook.escape("- dash")).isEqualTo("\\- dash");
    assertThat(MarkdownCodebook.escape("e.g. 1. x")).isEqualTo("e.g. 1. x");
    assertThat(MarkdownCodebook.escape("0.3.1")).isEqualTo("0.3.1");
    assertThat(MarkdownCodebook.escape("-5 degrees")).isEqualTo("-5 degrees");
    // a line that would underline the one before it as a heading, or be a rule
    assertThat(MarkdownCodebook.escape("===")).isEqualTo("\\===");
    assertThat(MarkdownCodebook.escape("---")).isEqualTo("\\---");
    assertThat(MarkdownCodebook.escape("- - -")).isEqualTo("\\- - -");
    assertThat(MarkdownCodebook.lines("Injected Title\n===", "")).isEqualTo("Injected Title\\\n\\===");
  }

  @Test
  void keepsTheLineBreaksOfUserTextWithoutLettingALineBecomeAList() {
    assertThat(markdown(CodebookFixture.small(), "en"))
        .contains("Crying that is directed at someone\\\n\\- and demands that something change.");
    assertThat(MarkdownCodebook.lines("a\n- b\n\nc", "  ")).isEqualTo("a\\\n  \\- b\n\n  c");
  }

  @Test
  void userTextCannotOpenRawHtml() {
    String md = markdown(CodebookFixture.small(), "en");

    assertThat(md).doesNotContain("<script>").contains("\\<script\\>alert(1)\\</script\\>");
  }

  @Test
  void everyTableRowHasAsManyCellsAsTheHeader() {
    String md = markdown(CodebookFixture.small(), "en");
    long[] pipes = md.lines().filter(l -> l.startsWith("|"))
        .mapToLong(l -> l.replaceAll("\\\\.", "").chars().filter(c -> c == '|').count())
        .toArray();

    assertThat(pipes).hasSize(2 + 2).containsOnly(7);
  }

  @Test
  void everyOverviewLinkHasItsAnchor() {
    CategorySystem system = CodebookFixture.small();
    String md = markdown(system, "en");

    Matcher links = Pattern.compile("\\]\\(#([^)]+)\\)").matcher(md);
    int count = 0;
    while (links.find()) {
      assertThat(md).contains("<a id=\"" + links.group(1) + "\"></a>");
      count++;
    }
    assertThat(count).isEqualTo(system.size());
    assertThat(md).contains("- [Assumptions](#c-10000000-0000-4000-8000-000000000001) *(grouping node)*")
        .contains("\n  - [Protest crying](#c-10000000-0000-4000-8000-000000000002)\n");
  }

  private String markdown(CategorySystem system, String language) {
    return new String(CodebookFixture.written(format, system, language), StandardCharsets.UTF_8);
  }

  /** Undoes backslash escapes, which CommonMark allows before any ASCII punctuation, and hard line breaks. */
  private static String unescaped(String md) {
    return md.replaceAll("\\\\\n", "\n").replaceAll("\\\\(\\p{Punct})", "$1");
  }
}
