package org.lacrima.io.codebook;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.lacrima.core.codebook.BuiltInCategorySystem;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CategorySystemCodec;

/** The systems the exporter tests write: a small hand-made one, and the built-in one. */
final class CodebookFixture {

  static final String SMALL = "small-crying-system.yaml";

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

  /** The built-in system; a missing or broken resource fails the test. */
  static CategorySystem builtIn() {
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
