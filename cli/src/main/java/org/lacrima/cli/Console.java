package org.lacrima.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** What the terminal can show: box-drawing characters only where output is UTF-8; how times are shown. */
final class Console {

  /** A moment as the listings show it: local time with its offset, so that a team across zones reads it alike. */
  static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm XXX").withZone(java.time.ZoneId.systemDefault());

  private Console() {
  }

  /**
   * A text of the user's (a memo, a rationale) in a listing: its further lines indented by {@code indent}, so that
   * none of them can pass for a line of the listing of its own, and on each line controls and direction overrides
   * shown as "?", so that none acts on the terminal or reorders the line.
   */
  static String indented(String text, String indent) {
    return String.join("\n" + indent, text.lines().map(org.lacrima.core.text.Names::shown).toList());
  }

  static Charset charset() {
    String enc = System.getProperty("stdout.encoding");
    if (enc == null) {
      return Charset.defaultCharset();
    }
    try {
      return Charset.forName(enc);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  static boolean unicode() {
    return charset().equals(StandardCharsets.UTF_8);
  }
}
