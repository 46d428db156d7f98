package org.lacrima.io.transcript;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.lacrima.core.InputException;
import org.lacrima.core.transcript.Transcript;
import org.lacrima.io.InputFiles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;

/**
 * Reads a transcript file (.txt, .md, .docx) into a {@link Transcript}: the document name is the
 * file name without extension. DOCX paragraphs (in table cells and content controls too, in
 * reading order) become lines; footnotes, endnotes and their reference marks are left out.
 */
public final class TranscriptFiles {

  /** Larger files are refused: no interview transcript comes near it, a mistaken file might. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final String WORDPROCESSING_ML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  static {
    // DOCX is a zip of XML: refuse entries that inflate suspiciously (zip bombs) or grow huge.
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
  }

  private TranscriptFiles() {
  }

  public static Transcript read(Path file) {
    String fileName = file.getFileName().toString();
    String source = file.toString();
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    String name = dot <= 0 ? fileName : fileName.substring(0, dot);
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new InputException(source, "", "is " + size / (1024 * 1024) + " MB; transcripts over "
            + MAX_BYTES / (1024 * 1024) + " MB are refused");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw InputFiles.cannotBeRead(source, e);
    }
    if (bytes.length == 0) {
      throw new InputException(source, "", "is empty");
    }
    String sha = sha256(bytes);
    return switch (extension) {
      case "txt", "text", "md", "markdown" -> {
        TextDecoding.Decoded d = TextDecoding.decode(bytes, source);
        yield new Transcript(name, fileName, extension.startsWith("m") ? "markdown" : "text", d.encoding(), sha, d.text());
      }
      case "docx" -> new Transcript(name, fileName, "docx", "DOCX (XML, UTF-8)", sha, docxText(bytes, source));
      default -> throw new InputException(source, "", "has the extension \"" + extension
          + "\"; Lacrima imports .txt, .md and .docx transcripts");
    };
  }

  private static String docxText(byte[] bytes, String source) {
    StringBuilder text = new StringBuilder();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      CTBody body = doc.getDocument().getBody();
      if (body != null) {
        try (XmlCursor cursor = body.newCursor()) {
          appendBlocks(cursor, text);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(source, "", "is not a readable DOCX file: " + e.getMessage(), e);
    }
    return text.toString();
  }

  // The body is walked as XML rather than through POI's paragraphs: POI gives a content control
  // (w:sdt) only as one flattened text, with table cells joined by tabs, and its paragraph text
  // carries "[footnoteRef:1]" markers and the notes themselves, which were not said in the interview.

  /** Paragraphs become lines, in reading order through tables and content controls. */
  private static void appendBlocks(XmlCursor cursor, StringBuilder text) {
    if (!cursor.toFirstChild()) {
      return;
    }
    do {
      switch (wordElement(cursor)) {
        case "p" -> {
          appendInline(cursor, text);
          text.append('\n');
        }
        case "tbl", "tr", "tc", "sdt", "sdtContent", "customXml" -> appendBlocks(cursor, text);
        default -> {
          // properties, bookmarks, section breaks: no text
        }
      }
    } while (cursor.toNextSibling());
    cursor.toParent();
  }

  private static void appendInline(XmlCursor cursor, StringBuilder text) {
    if (!cursor.toFirstChild()) {
      return;
    }
    do {
      switch (wordElement(cursor)) {
        case "r" -> appendRun(cursor, text);
        case "hyperlink", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "ins", "moveTo" ->
            appendInline(cursor, text);
        default -> {
          // w:del and w:moveFrom are tracked deletions: not in the document as it reads now
        }
      }
    } while (cursor.toNextSibling());
    cursor.toParent();
  }

  private static void appendRun(XmlCursor cursor, StringBuilder text) {
    if (!cursor.toFirstChild()) {
      return;
    }
    do {
      switch (wordElement(cursor)) {
        case "t" -> text.append(cursor.getTextValue());
        case "tab", "ptab" -> text.append('\t');
        case "br", "cr" -> text.append('\n');
        case "noBreakHyphen" -> text.append('\u2011');
        case "ruby" -> appendRubyBase(cursor, text);
        default -> {
          // note references, field codes, drawings: not part of the spoken text
        }
      }
    } while (cursor.toNextSibling());
    cursor.toParent();
  }

  /** Ruby text is a reading aid above the base text; the base is what the line says. */
  private static void appendRubyBase(XmlCursor cursor, StringBuilder text) {
    if (!cursor.toFirstChild()) {
      return;
    }
    do {
      if (wordElement(cursor).equals("rubyBase")) {
        appendInline(cursor, text);
      }
    } while (cursor.toNextSibling());
    cursor.toParent();
  }

  /** The local name of a WordprocessingML element, or "" for elements of other vocabularies. */
  private static String wordElement(XmlCursor cursor) {
    QName name = cursor.getName();
    return name != null && WORDPROCESSING_ML.equals(name.getNamespaceURI()) ? name.getLocalPart() : "";
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
