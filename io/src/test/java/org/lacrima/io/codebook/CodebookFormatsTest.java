package org.lacrima.io.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lacrima.core.InputException;

class CodebookFormatsTest {

  @Test
  void knowsTheFourFormats() {
    assertThat(CodebookFormats.all()).extracting(CodebookFormat::name)
        .containsExactly("markdown", "html", "docx", "json");
    assertThat(CodebookFormats.all()).extracting(CodebookFormat::fileExtension)
        .containsExactly("md", "html", "docx", "json");
  }

  @Test
  void findsAFormatByItsName() {
    assertThat(CodebookFormats.byName("docx")).isInstanceOf(DocxCodebook.class);
    assertThat(CodebookFormats.byName(" Markdown ")).isInstanceOf(MarkdownCodebook.class);
  }

  @Test
  void anUnknownNameIsAnsweredWithTheKnownOnes() {
    assertThatThrownBy(() -> CodebookFormats.byName("pdf"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"pdf\"")
        .hasMessageContaining("markdown, html, docx, json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "html", "docx"})
  void documentFormatsRefuseALanguageTheyCannotWriteIn(String name) {
    assertThatThrownBy(() -> CodebookFormats.byName(name)
        .write(CodebookFixture.small(), "fr", new ByteArrayOutputStream()))
        .isInstanceOf(InputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"markdown", "html", "docx", "json"})
  void leavesTheCallersStreamOpen(String name) throws IOException {
    ClosingWatched out = new ClosingWatched();

    CodebookFormats.byName(name).write(CodebookFixture.small(), "en", out);

    assertThat(out.closed).isFalse();
    assertThat(out.size()).isPositive();
  }

  private static final class ClosingWatched extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
