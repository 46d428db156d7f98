package org.lacrima.core.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The category system of Gutjahr, Marten &amp; Benecke as shipped with this release: read-only, its
 * category and relation ids never change between releases; a release that revises it raises
 * {@link SystemInfo#version()}.
 */
public final class BuiltInCategorySystem {

  static final String RESOURCE = "/org/lacrima/core/codebook/crying-working-models.yaml";

  private static volatile CategorySystem loaded;

  private BuiltInCategorySystem() {
  }

  public static CategorySystem get() {
    CategorySystem s = loaded;
    if (s == null) {
      synchronized (BuiltInCategorySystem.class) {
        s = loaded;
        if (s == null) {
          s = load(RESOURCE);
          loaded = s;
        }
      }
    }
    return s;
  }

  /** Reads a category system resource from the class path (also used for test fixtures). */
  public static CategorySystem load(String resource) {
    try (InputStream in = BuiltInCategorySystem.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the build");
      }
      return CategorySystemCodec.readYaml(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
