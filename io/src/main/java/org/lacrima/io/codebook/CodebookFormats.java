package org.lacrima.io.codebook;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lacrima.core.InputException;

/** The codebook formats Lacrima can write, looked up by the name a user types. */
public final class CodebookFormats {

  private static final List<CodebookFormat> ALL = List.of(
      new MarkdownCodebook(), new HtmlCodebook(), new DocxCodebook(), new JsonCodebook());

  private CodebookFormats() {
  }

  public static List<CodebookFormat> all() {
    return ALL;
  }

  /**
   * @throws InputException naming the known formats, so that a mistyped name can be mended
   */
  public static CodebookFormat byName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(f -> f.name().equals(wanted))
        .findFirst()
        .orElseThrow(() -> new InputException("unknown codebook format \"" + name.strip()
            + "\"; known formats: " + ALL.stream().map(CodebookFormat::name).collect(Collectors.joining(", "))));
  }
}
