package org.lacrima.io.codebook;

import java.io.IOException;
import java.io.OutputStream;
import org.lacrima.core.codebook.CategorySystem;

/**
 * One way of writing a category system out as a codebook, for coders to read or for other tools to
 * load. Implementations write to the stream they are given and leave it open: the caller owns it.
 */
public interface CodebookFormat {

  /** The name a user picks the format by, e.g. on the command line. */
  String name();

  /** Without the dot. */
  String fileExtension();

  /**
   * Writes the whole system. {@code language} ("en" or "de") is the language the document is read
   * in; formats that are not meant to be read (JSON) carry every language and ignore it.
   *
   * @throws org.lacrima.core.InputException if a document format does not know the language
   */
  void write(CategorySystem system, String language, OutputStream out) throws IOException;

  /**
   * Writes a project's version of the system, named as the project names it ("current", "base", a tag such as
   * "pilot"): a codebook handed out says which version of the team's system it is, not only the release it grew from.
   */
  void write(CategorySystem system, String projectVersion, String language, OutputStream out) throws IOException;
}
