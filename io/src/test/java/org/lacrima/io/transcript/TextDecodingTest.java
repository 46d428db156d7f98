package org.lacrima.io.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lacrima.core.InputException;

class TextDecodingTest {

  private static final String GERMAN = "I: Weinen – Tränen, Grüße, 20 €\nB: ja";

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readsUtf8WithAndWithoutByteOrderMark() {
    assertThat(TextDecoding.decode(GERMAN.getBytes(StandardCharsets.UTF_8), "f")).isEqualTo(
        new TextDecoding.Decoded(GERMAN, "UTF-8"));
    byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, GERMAN.getBytes(StandardCharsets.UTF_8));
    assertThat(TextDecoding.decode(withBom, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "UTF-8 (with BOM)"));
  }

  @Test
  void readsUtf16WithByteOrderMark() {
    byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, GERMAN.getBytes(StandardCharsets.UTF_16LE));
    byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, GERMAN.getBytes(StandardCharsets.UTF_16BE));
    assertThat(TextDecoding.decode(le, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "UTF-16LE (with BOM)"));
    assertThat(TextDecoding.decode(be, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "UTF-16BE (with BOM)"));
  }

  @Test
  void readsWindows1252WhenTheBytesAreNotUtf8() {
    byte[] cp1252 = GERMAN.getBytes(Charset.forName("windows-1252"));
    assertThat(TextDecoding.decode(cp1252, "f")).isEqualTo(new TextDecoding.Decoded(GERMAN, "Windows-1252"));
  }

  @Test
  void refusesBinaryAndUndecidableFilesWithTheReason() {
    assertThatThrownBy(() -> TextDecoding.decode(new byte[] {'I', ':', ' ', 0, 'x'}, "a.txt"))
        .isInstanceOf(InputException.class).hasMessageContaining("a.txt, byte offset 3").hasMessageContaining("NUL");
    assertThatThrownBy(() -> TextDecoding.decode(new byte[] {'a', (byte) 0x81, 'b', (byte) 0xE4}, "b.txt"))
        .hasMessageContaining("b.txt, byte offset 1").hasMessageContaining("neither UTF-8 nor Windows-1252");
    assertThatThrownBy(() -> TextDecoding.decode("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), "c.txt"))
        .hasMessageContaining("c.txt: is a PDF file");
    assertThatThrownBy(() -> TextDecoding.decode("ok\u0007bell".getBytes(StandardCharsets.UTF_8), "d.txt"))
        .hasMessageContaining("d.txt, character 2").hasMessageContaining("U+0007");
  }
}
