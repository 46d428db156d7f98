package org.lacrima.io.codebook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.lacrima.core.codebook.CategorySystem;
import org.lacrima.core.codebook.CategorySystemCodec;

/**
 * The machine-readable codebook: exactly the codec's file form, so that another Lacrima (or any
 * tool) can read the system back unchanged. It holds every language, hence ignores the one asked for.
 */
public final class JsonCodebook implements CodebookFormat {

  @Override
  public String name() {
    return "json";
  }

  @Override
  public String fileExtension() {
    return "json";
  }

  @Override
  public void write(CategorySystem system, String language, OutputStream out) throws IOException {
    out.write(CategorySystemCodec.toJson(system).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
