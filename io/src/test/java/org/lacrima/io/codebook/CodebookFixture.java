package org.lacrima.io.codebook;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CategorySystemCodec;

/** The systems the exporter tests write: a small hand-made one, and the built-in one once it ships. */
final class CodebookFixture {

  static final String SMALL = "small-crying-system.yaml";
  private static final String BUILT_IN = "/org/lacrima/core/codebook/crying-working-models.yaml";

  private CodebookFixture() {
  }

  static CategorySystem small() {
    try (InputStream in = CodebookFixture.class.getResourceAsStream(SMALL)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + SMALL + " is missing");
      }
      return CategorySystemCodec.readYaml(in, SMALL);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The built-in system; the test is skipped while its resource is not yet part of the build. A
   * resource that is there but broken fails the test, as it should.
   */
  static CategorySystem builtIn() {
    assumeTrue(BuiltInCategorySystem.class.getResource(BUILT_IN) != null,
        "the built-in category system resource is not on the class path yet");
    return BuiltInCategorySystem.get();
  }

  static byte[] written(CodebookFormat format, CategorySystem system, String language) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      format.write(system, language, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
