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

  /**
   * The same, with a note naming the project's version: a key beginning with "_", which readers of the format pass
   * over as a comment, so that the file still reads back as a system and yet does not pass for the release.
   */
  @Override
  public void write(CategorySystem system, String projectVersion, String language, OutputStream out)
      throws IOException {
    out.write(CategorySystemCodec.toJson(system, "the project's version \"" + projectVersion + "\" of "
        + system.info().versionLabel()).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
