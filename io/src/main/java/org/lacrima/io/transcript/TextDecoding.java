package org.lacrima.io.transcript;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.lacrima.core.InputException;

/**
 * Decides how the bytes of a text file are to be read: UTF-8 (with or without BOM), UTF-16 or
 * UTF-32 with a BOM, or Windows-1252 (the usual encoding of older Word and Excel exports). Files
 * that look binary, or whose encoding cannot be told, are refused with the reason rather than
 * guessed at: a transcript read with the wrong encoding would be coded wrongly for ever.
 */
public final class TextDecoding {

  /** Decoded text and the name of the encoding it came from. */
  public record Decoded(String text, String encoding) {
  }

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextDecoding() {
  }

  public static Decoded decode(byte[] bytes, String source) {
    Decoded d = decodeBytes(bytes, source);
    checkForControlCharacters(d, source);
    return d;
  }

  private static Decoded decodeBytes(byte[] b, String source) {
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return new Decoded(strict(b, 4, Charset.forName("UTF-32BE"), source, "UTF-32BE"), "UTF-32BE (with BOM)");
    }
    if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return new Decoded(strict(b, 4, Charset.forName("UTF-32LE"), source, "UTF-32LE"), "UTF-32LE (with BOM)");
    }
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(strict(b, 3, StandardCharsets.UTF_8, source, "UTF-8"), "UTF-8 (with BOM)");
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return new Decoded(strict(b, 2, StandardCharsets.UTF_16BE, source, "UTF-16BE"), "UTF-16BE (with BOM)");
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return new Decoded(strict(b, 2, StandardCharsets.UTF_16LE, source, "UTF-16LE"), "UTF-16LE (with BOM)");
    }
    String kind = binaryKind(b);
    if (kind != null) {
      throw new InputException(source, "", "is " + kind + ", not a text file");
    }
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        throw new InputException(source, "byte offset " + i, "holds a NUL byte: it is binary, or UTF-16 without a "
            + "byte-order mark; save it as UTF-8 and import it again");
      }
    }
    try {
      return new Decoded(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b)).toString(), "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      // Not UTF-8. Windows-1252 leaves five byte values undefined; meeting one means the file is in
      // some other encoding, which we cannot tell apart from its bytes alone.
      for (int i = 0; i < b.length; i++) {
        int v = b[i] & 0xFF;
        if (v == 0x81 || v == 0x8D || v == 0x8F || v == 0x90 || v == 0x9D) {
          throw new InputException(source, "byte offset " + i, String.format(
              "is neither UTF-8 nor Windows-1252 (byte 0x%02X); save it as UTF-8 and import it again", v));
        }
      }
      return new Decoded(new String(b, WINDOWS_1252), "Windows-1252");
    }
  }

  private static String strict(byte[] b, int skip, Charset cs, String source, String name) {
    try {
      return decoder(cs).decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(source, "", "starts with a " + name + " byte-order mark but is not valid " + name);
    }
  }

  private static CharsetDecoder decoder(Charset cs) {
    return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static void checkForControlCharacters(Decoded d, String source) {
    CharBuffer text = CharBuffer.wrap(d.text());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        throw new InputException(source, "character " + i, String.format(
            "holds the control character U+%04X, which text does not contain: is it a binary file?", (int) c));
      }
    }
  }

  private static String binaryKind(byte[] b) {
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "a PDF file";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "a zip archive (a .docx, .odt or .xlsx under another name?)";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an old Microsoft Office file (.doc); save it as .docx or .txt";
    }
    if (startsWith(b, '{', '\\', 'r', 't', 'f')) {
      return "an RTF file; save it as .docx or .txt";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
