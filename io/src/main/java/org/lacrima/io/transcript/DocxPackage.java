package org.lacrima.io.transcript;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.lacrima.core.InputException;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a DOCX package before POI opens it. POI unpacks every part into memory and judges each entry on its own,
 * so many parts that are each harmless can still exhaust the heap together; it opens a package whose entry
 * names climb out of it ("../x"), which no word processor writes; and, reading the parts one after the other as
 * a stream, it never looks at the package's table of contents at its end, so a file cut off in copying between
 * two parts opens with the parts after the cut missing. All three are refused here with one line.
 */
final class DocxPackage {

  /** The most one part may unpack to, as POI is told too. */
  static final long MAX_UNPACKED_ENTRY = 256L * 1024 * 1024;
  /** Packed size over unpacked size below which a part is a zip bomb, as POI is told too. */
  static final double MIN_INFLATE_RATIO = 0.01;
  /** POI's grace: a part this small is not judged by its ratio. */
  private static final long RATIO_GRACE = 100 * 1024;

  /** The most a package may unpack to in all: a transcript with pictures is a few MB. */
  static final long MAX_UNPACKED_TOTAL = 512L * 1024 * 1024;

  private DocxPackage() {
  }

  static void check(byte[] bytes, String source) {
    long heap = Runtime.getRuntime().maxMemory() / 4;
    check(bytes, source, Math.min(MAX_UNPACKED_TOTAL, heap), heap < MAX_UNPACKED_TOTAL);
  }

  /** {@code heapBound}: the limit is a quarter of the heap, which the user can raise. */
  static void check(byte[] bytes, String source, long limit, boolean heapBound) {
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && !(bytes[2] == 3 && bytes[3] == 4)
        && !(bytes[2] == 5 && bytes[3] == 6)) {
      // a split-archive marker ("PK00", "PK\7\8") before the first part: POI's zip reader skips it, the JDK's, which
      // measures here, stops at it and would see no parts, so nothing below would be checked
      throw new InputException(source, "byte offset 0", String.format(Locale.ROOT, "is refused: it begins with the "
          + "zip marker PK 0x%02X 0x%02X, which split-archive tools write and no word processor does, instead of its "
          + "first part; open it in Word and save it again", bytes[2], bytes[3]));
    }
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    String name = "";
    List<String> parts = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        name = e.getName();
        parts.add(name);
        if (leavesThePackage(name)) {
          throw new InputException(source, "entry \"" + name + "\"",
              "is refused: a DOCX part's name never leaves the package (\"..\", \"/\" or \"\\\" at its start)");
        }
        long unpacked = 0;
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          total += n;
          unpacked += n;
          // POI's limits, met here first so that the refusal names the part (POI's own message names none)
          if (unpacked > MAX_UNPACKED_ENTRY) {
            throw new InputException(source, "entry \"" + name + "\"", String.format(Locale.ROOT, "is refused: "
                + "this part unpacks to more than %,d MB, far more than any transcript holds",
                MAX_UNPACKED_ENTRY >> 20));
          }
          if (total > limit) {
            throw new InputException(source, "entry \"" + name + "\"", String.format(Locale.ROOT,
                "is refused: the package unpacks to more than %,d MB%s, far more than a transcript holds", limit >> 20,
                heapBound ? " (a quarter of the memory Java may use here; LACRIMA_JAVA_OPTIONS="
                    + "-Xmx… gives it more)" : ""));
          }
        }
        // read whole, the part knows its packed size (from its header, or the descriptor after its data)
        if (unpacked > RATIO_GRACE && e.getCompressedSize() >= 0
            && (double) e.getCompressedSize() / unpacked < MIN_INFLATE_RATIO) {
          throw new InputException(source, "entry \"" + name + "\"", String.format(Locale.ROOT, "is refused: this "
              + "part unpacks to %,d times its packed size, as a zip bomb does", unpacked / Math.max(1,
                  e.getCompressedSize())));
        }
      }
    } catch (ZipException e) {
      // A damaged entry (a wrong checksum, a bad header) would end this count early, and POI, which checks no
      // checksums, would then unpack the rest unmeasured: so damage is refused here. A file that is no zip at all
      // never gets this far (its first header is not read as an entry) and is told by POI's reading.
      throw new InputException(source, name.isEmpty() ? "" : "entry \"" + name + "\"",
          "cannot be read as a DOCX package: it is damaged (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      // some readers say nothing of what they met (an EOFException in a truncated header has no message)
      throw new InputException(source, "", "cannot be read as a DOCX package: " + (e.getMessage() == null
          ? "it is damaged or not a zip package (" + e.getClass().getSimpleName() + ")" : e.getMessage()), e);
    }
    if (!parts.isEmpty()) {
      // no part at all is no zip, which POI's reading tells in its own words
      checkTableOfContents(bytes, source, parts);
    }
  }

  /** The parts listed at the package's end (its central directory) are the parts it holds, as Word reads them. */
  private static void checkTableOfContents(byte[] bytes, String source, List<String> parts) {
    List<String> listed = new ArrayList<>();
    try (ZipFile table = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
      for (ZipArchiveEntry e : Collections.list(table.getEntriesInPhysicalOrder())) {
        listed.add(e.getName());
      }
    } catch (IOException e) {
      throw new InputException(source, "", "cannot be read as a DOCX package: it is damaged, its table of contents "
          + "is missing or unreadable (was the file cut off in copying?)", e);
    }
    // how often each name is held less how often it is listed (a package of many parts is counted, not searched)
    Map<String, Integer> held = new LinkedHashMap<>();
    parts.forEach(p -> held.merge(p, 1, Integer::sum));
    listed.forEach(p -> held.merge(p, -1, Integer::sum));
    for (var e : held.entrySet()) {
      if (e.getValue() < 0) {
        throw new InputException(source, "entry \"" + e.getKey() + "\"", "cannot be read as a DOCX package: "
            + "it is damaged, its table of contents lists this part but the package does not hold it");
      }
      if (e.getValue() > 0) {
        throw new InputException(source, "entry \"" + e.getKey() + "\"", "cannot be read as a DOCX package: "
            + "it is damaged, the package holds this part but its table of contents does not list it");
      }
    }
  }

  /**
   * The XML part that is malformed at {@code line}. POI's parse errors give a line but not the part they were
   * reading, and a package holds a dozen parts; so, on that error path only, each XML part is parsed again on its
   * own (DOCTYPEs refused, as in POI's hardened parser) and the part is named when exactly one fails at that line.
   */
  static Optional<String> malformedPartAt(byte[] bytes, int line) {
    List<String> failing = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName().toLowerCase(Locale.ROOT);
        if ((name.endsWith(".xml") || name.endsWith(".rels")) && failsAt(zip.readAllBytes(), line)) {
          failing.add(e.getName());
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return failing.size() == 1 ? Optional.of(failing.get(0)) : Optional.empty();
  }

  private static boolean failsAt(byte[] part, int line) {
    return parseError(part).filter(e -> e.getLineNumber() == line).isPresent();
  }

  /** An XML part that does not parse on its own, and why. */
  record MalformedPart(String name, SAXParseException error) {
  }

  /**
   * The first XML part that does not parse on its own: for the errors POI reports without any line or part (a
   * broken content types list, relations or footnotes), read again, on that error path only.
   */
  static Optional<MalformedPart> firstMalformedPart(byte[] bytes) {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        String name = e.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml") || name.endsWith(".rels")) {
          Optional<SAXParseException> error = parseError(zip.readAllBytes());
          if (error.isPresent()) {
            return Optional.of(new MalformedPart(e.getName(), error.get()));
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<SAXParseException> parseError(byte[] part) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new ByteArrayInputStream(part), new DefaultHandler());
      return Optional.empty();
    } catch (SAXParseException e) {
      return Optional.of(e);
    } catch (SAXException | ParserConfigurationException | IOException e) {
      return Optional.empty();
    }
  }

  private static boolean leavesThePackage(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || name.startsWith("\\") || n.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String segment : n.split("/")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
