package org.lacrima.io.transcript;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.lacrima.core.InputException;
import org.lacrima.core.transcript.Transcript;

/**
 * Reads a transcript file (.txt, .md, .docx) into a {@link Transcript}: the document name is the
 * file name without extension. DOCX paragraphs (and table cells, in reading order) become lines.
 */
public final class TranscriptFiles {

  /** Larger files are refused: no interview transcript comes near it, a mistaken file might. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

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
      throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
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
      for (IBodyElement element : doc.getBodyElements()) {
        appendElement(element, text);
      }
    } catch (IOException | RuntimeException e) {
      throw new InputException(source, "", "is not a readable DOCX file: " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static void appendElement(IBodyElement element, StringBuilder text) {
    if (element instanceof XWPFParagraph p) {
      text.append(p.getText()).append('\n');
    } else if (element instanceof XWPFTable table) {
      for (XWPFTableRow row : table.getRows()) {
        for (XWPFTableCell cell : row.getTableCells()) {
          for (IBodyElement inner : cell.getBodyElements()) {
            appendElement(inner, text);
          }
        }
      }
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
