package org.lacrima.io.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CategorySystemCodec;

class JsonCodebookTest {

  private final JsonCodebook format = new JsonCodebook();

  @Test
  void isExactlyTheCodecsFileForm() {
    CategorySystem system = CodebookFixture.small();

    assertThat(CodebookFixture.written(format, system, "en"))
        .isEqualTo(CategorySystemCodec.toJson(system).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsBackAsTheSameSystem() {
    assertRoundTrip(CodebookFixture.small());
  }

  @Test
  void theBuiltInSystemReadsBackAsItself() {
    assertRoundTrip(CodebookFixture.builtIn());
  }

  @Test
  void carriesEveryLanguageWhicheverIsAskedFor() {
    CategorySystem system = CodebookFixture.small();

    assertThat(CodebookFixture.written(format, system, "de"))
        .isEqualTo(CodebookFixture.written(format, system, "en"));
  }

  private void assertRoundTrip(CategorySystem system) {
    CategorySystem back = CategorySystemCodec.readJson(
        new ByteArrayInputStream(CodebookFixture.written(format, system, "en")), "codebook.json");

    assertThat(back.info()).isEqualTo(system.info());
    assertThat(back.categories()).isEqualTo(system.categories());
    assertThat(back.relations()).isEqualTo(system.relations());
  }
}
