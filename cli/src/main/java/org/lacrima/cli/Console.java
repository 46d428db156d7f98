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
