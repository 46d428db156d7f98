package org.lacrima.io.transcript;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.lacrima.core.InputException;
import org.lacrima.core.transcript.Transcript;
import org.lacrima.io.InputFiles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;

/**
 * Reads a transcript file (.txt, .md, .docx) into a {@link Transcript}: the document name is the
 * file name without extension. A DOCX body is read as Word shows it ({@link DocxBodyText}).
 */
public final class TranscriptFiles {

  /** Larger files are refused: no interview transcript comes near it, a mistaken file might. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;


  /** How many bytes POI unpacks of one part into memory at most (its IOUtils default). */
  private static final long MAX_UNPACKED_PART = 100_000_000L;

  /**
   * POI logs what it tolerates or fails at, with stack traces, through java.util.logging; every failure that matters
   * reaches the user as one InputException instead. Held here: the logging system keeps loggers only weakly.
   */
  private static final java.util.logging.Logger POI_LOG = java.util.logging.Logger.getLogger("org.apache.poi");

  static {
    // DOCX is a zip of XML: refuse entries that inflate suspiciously (zip bombs) or grow huge.
    ZipSecureFile.setMinInflateRatio(DocxPackage.MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(DocxPackage.MAX_UNPACKED_ENTRY);
    POI_LOG.setLevel(java.util.logging.Level.OFF);
  }

  private TranscriptFiles() {
  }

  public static Transcript read(Path file) {
    String fileName = file.getFileName().toString();
    String source = file.toString();
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (dot == 0) {
      throw new InputException(source, "", "has no name before its extension, and a document is named by it; rename "
          + "the file");
    }
    String name = dot < 0 ? fileName : fileName.substring(0, dot);
    org.lacrima.core.text.Names.lineProblem("its name", name).ifPresent(problem -> {
      throw new InputException(source, "", "cannot be imported: " + problem + "; rename the file");
    });
    byte[] bytes = InputFiles.readAtMost(file, MAX_BYTES, "transcripts");
    if (bytes.length == 0) {
      throw new InputException(source, "", "is empty");
    }
    String sha = sha256(bytes);
    return switch (extension) {
      case "txt", "text", "md", "markdown" -> {
        TextDecoding.Decoded d = TextDecoding.decode(bytes, source);
        yield new Transcript(name, fileName, extension.startsWith("m") ? "markdown" : "text", d.encoding(), sha, d.text(), source);
      }
      // the package's XML declares its own encoding, which the parser reads; "UTF-8" here would claim what it need not be
      // a macro-enabled document or a template holds its text as a document does; no macro is ever run
      case "docx", "docm", "dotx", "dotm" -> new Transcript(name, fileName, "docx", "DOCX", sha,
          docxText(bytes, source), source);
      default -> throw new InputException(source, "", "has the extension \"" + extension
          + "\"; Lacrima imports .txt, .md and .docx transcripts (and Word's .docm, .dotx, .dotm)");
    };
  }

  private static String docxText(byte[] bytes, String source) {
    if (org.apache.poi.poifs.filesystem.FileMagic.valueOf(bytes) == org.apache.poi.poifs.filesystem.FileMagic.OLE2) {
      // an OLE2 compound file: Word's older .doc format, or a DOCX Word encrypted with a password, which it wraps so
      throw new InputException(source, "", "is not a DOCX package but an older Word file (.doc) or a DOCX protected "
          + "with a password; open it in Word and save it as .docx without a password");
    }
    DocxPackage.check(bytes, source);
    StringBuilder text = new StringBuilder();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      String type = doc.getPackagePart().getContentType();
      if (!type.contains("wordprocessingml") && !type.contains("ms-word")) {
        // POI reads a document part whatever the package says it is: a file that calls itself a spreadsheet, or
        // anything else, is not taken as a transcript on trust
        throw new InputException(source, "entry \"[Content_Types].xml\"", "declares its main part as \"" + type
            + "\", not a Word document; open it in Word and save it as .docx");
      }
      CTBody body = doc.getDocument().getBody();
      if (body != null) {
        DocxStyles styles = DocxStyles.NONE;
        if (doc.getStyles() != null && doc.getStyles().getCtStyles() != null) {
          try (XmlCursor c = doc.getStyles().getCtStyles().newCursor()) {
            styles = DocxStyles.of(c);
          }
        }
        try (XmlCursor cursor = body.newCursor()) {
          new DocxBodyText(text, styles).appendBlocks(cursor);
        }
      }
    } catch (DocxBodyText.Unreadable e) {
      throw new InputException(source, e.element(), e.getMessage());
    } catch (InputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // POI's own messages send the user to POI's bug tracker or to settings they cannot change
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof RecordFormatException) {
          throw new InputException(source, "", "is refused: a part of it unpacks to more than "
              + MAX_UNPACKED_PART / 1_000_000 + " MB, far more than any transcript holds", e);
        }
        if (cause.getMessage() != null && cause.getMessage().contains("Strict OOXML")) {
          throw new InputException(source, "", "is saved as Strict Open XML, which Lacrima cannot read; open it in "
              + "Word and save it as an ordinary Word document (.docx)", e);
        }
        if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
          throw new InputException(source, "", "is refused: a part of it unpacks to far more than it is packed, "
              + "as a zip bomb does, or to more than " + DocxPackage.MAX_UNPACKED_ENTRY / (1024 * 1024) + " MB", e);
        }
      }
      throw xmlError(e, bytes, source).or(() -> DocxPackage.firstMalformedPart(bytes).map(part -> new InputException(
              source, place(Optional.of(part.name()), part.error().getLineNumber(), part.error().getColumnNumber()),
              xmlProblem(part.error().getMessage()), e)))
          .orElseGet(() -> new InputException(source, "", "is not a readable DOCX file: " + firstLine(e), e));
    } catch (StackOverflowError e) {
      // XML nested thousands of levels deep, as no word processor writes it; the walk and the parser recurse
      throw new InputException(source, "", "is refused: its XML is nested far deeper than any document needs");
    }
    refuseControlCharacters(text, source);
    return text.toString();
  }

  /**
   * A DOCX run holds what XML allows, C1 controls among them (U+009B begins terminal escapes), which no word processor
   * types: refused as in a text file, at the character where it stands in the document's text.
   */
  private static void refuseControlCharacters(CharSequence text, String source) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (org.lacrima.core.text.DocumentText.foreignToText(c)) {
        // counted in the text as stored, in NFC (a control is no combining mark: the text before it composes alone)
        String before = java.text.Normalizer.normalize(text.subSequence(0, i), java.text.Normalizer.Form.NFC);
        int offset = before.codePointCount(0, before.length());
        throw new InputException(source, "character " + offset + " of its text", String.format(
            "holds the control character U+%04X, which a transcript does not contain", (int) c));
      }
    }
  }

  /**
   * An XML error deep in POI's causes, said with its line and column and without the parser's class names. The
   * DOCTYPE and depth limits are our hardening (external entities, entity expansion, nesting) at work.
   */
  private static Optional<InputException> xmlError(Exception e, byte[] bytes, String source) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message;
      int line;
      int column;
      if (cause instanceof org.apache.xmlbeans.XmlException x && x.getError() != null) {
        message = x.getError().getMessage();
        line = x.getError().getLine();
        column = x.getError().getColumn();
      } else if (cause instanceof org.xml.sax.SAXParseException x) {
        message = x.getMessage();
        line = x.getLineNumber();
        column = x.getColumnNumber();
      } else {
        continue;
      }
      Optional<String> part = line > 0 ? DocxPackage.malformedPartAt(bytes, line) : Optional.empty();
      return Optional.of(new InputException(source, place(part, line, column), xmlProblem(message), e));
    }
    return Optional.empty();
  }

  /** Where in a package: "entry "word/document.xml", XML line 2, column 5", each part where known. */
  private static String place(Optional<String> entry, int line, int column) {
    String at = line > 0 ? "XML line " + line + (column > 0 ? ", column " + column : "") : "";
    return entry.map(e -> "entry \"" + e + "\"" + (at.isEmpty() ? "" : ", " + at)).orElse(at);
  }

  /** A parser's complaint in the user's terms. */
  private static String xmlProblem(String message) {
    String m = message == null ? "" : message;
    return m.contains("DOCTYPE") ? "is refused: it declares a DOCTYPE, which no DOCX contains (and which "
        + "could make a parser fetch files or expand entities without end)"
        : m.contains("maxElementDepth") || m.contains("depth of") ? "is refused: its XML is nested far deeper than "
            + "any document needs"
        : m.contains("entity") && m.contains("limit") ? "is refused: its XML expands entities beyond any limit"
        : "is not a readable DOCX file: its XML is malformed (" + firstLine(m) + ")";
  }

  private static String firstLine(Exception e) {
    return firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline).strip();
    // "org.apache.poi.….InvalidFormatException: …" names a class the user has never heard of
    return line.replaceFirst("^([a-z][a-z0-9_]*\\.)+[A-Za-z0-9_$]+: ", "");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
