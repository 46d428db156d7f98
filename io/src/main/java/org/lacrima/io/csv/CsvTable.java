package org.lacrima.io.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.lacrima.core.text.Counted;
import org.lacrima.core.InputException;
import org.lacrima.core.text.DocumentText;
import org.lacrima.io.InputFiles;
import org.lacrima.io.transcript.TextDecoding;

/**
 * A CSV file with a header row, read the way spreadsheets write it: UTF-8 or Windows-1252, with or
 * without BOM, separated by commas, semicolons (German Excel) or tabs. Column names are matched
 * without case. Rows come with the line they start on, for error messages.
 */
public final class CsvTable implements AutoCloseable {

  /** One row: its values by lower-case column name, and the line it starts on. */
  public record Row(long line, Map<String, String> values) {
    public String get(String column) {
      return values.getOrDefault(column, "");
    }

    public Optional<String> find(String... columns) {
      for (String c : columns) {
        if (values.containsKey(c)) {
          return Optional.of(values.get(c));
        }
      }
      return Optional.empty();
    }
  }

  private static final String UNCLOSED_QUOTE = "a quote opens a value here and is never closed";
  private static final String TEXT_AFTER_QUOTE = "a quoted value goes on after its closing quote "
      + "(a quote inside a quoted value is written twice: \"\")";

  private final String source;
  private final String text;
  private final char delimiter;
  private final CSVParser parser;
  private final List<String> columns;
  /** Each column's name as the header spells it, by the name it is read by: one look-up per column, not a scan. */
  private final Map<String, String> spellings = new HashMap<>();
  private final Iterator<CSVRecord> records;
  private final Lines lines;
  /** Where the last record read starts: the parser's errors lie at or after it. */
  private int lastRecordAt;

  /** Whether line 1 names the columns; without a header, a row's columns are named "1", "2", … */
  private final boolean headed;

  private CsvTable(String source, String text, char delimiter, CSVParser parser, boolean headed) {
    this.source = source;
    this.text = text;
    this.delimiter = delimiter;
    this.parser = parser;
    this.headed = headed;
    this.columns = headed ? columnNames(parser.getHeaderNames(), source, headerLine(text)) : List.of();
    if (headed) {
      parser.getHeaderNames().forEach(h -> spellings.putIfAbsent(h.strip().toLowerCase(Locale.ROOT), h.strip()));
    }
    this.records = parser.iterator();
    this.lines = new Lines(text);
  }

  /**
   * A file is read whole, decoded and parsed: about six times its size in memory at the peak. Refused up front
   * when that is more than this JVM may use, so the user gets advice instead of an OutOfMemoryError halfway.
   */
  private static void requireMemoryFor(Path file, String source) {
    long size;
    try {
      size = java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      return; // reading it will say what is wrong
    }
    long available = Runtime.getRuntime().maxMemory();
    if (size * 6 > available) {
      throw new InputException(source, "", String.format(java.util.Locale.ROOT, "is %,d MB; reading it needs about "
          + "%,d MB of memory, more than the %,d MB Java may use here; give it more, e.g. "
          + "LACRIMA_JAVA_OPTIONS=-Xmx%dg, or split the file", size >> 20, size * 6 >> 20, available >> 20,
          Math.max(2, (size * 6 >> 30) + 1)));
    }
  }

  /** Larger files are refused: a million codings take about 150 MB. */
  public static final long MAX_BYTES = 1024L * 1024 * 1024;

  public static CsvTable open(Path file) {
    return of(read(file), file.toString());
  }

  /** A file whose first line is data, not a header (a list of ids, a filtered export): columns "1", "2", … */
  public static CsvTable openWithoutHeader(Path file) {
    return of(read(file), file.toString(), false);
  }

  private static String read(Path file) {
    String source = file.toString();
    requireMemoryFor(file, source);
    byte[] bytes = InputFiles.readAtMost(file, MAX_BYTES, "CSV files");
    return TextDecoding.decodeAsWritten(bytes, source).text();
  }

  public static CsvTable of(String text, String source) {
    return of(text, source, true);
  }

  private static CsvTable of(String text, String source, boolean headed) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new InputException(source, "", "is empty");
    }
    java.util.regex.Matcher sep = EXCEL_SEPARATOR.matcher(text);
    char delimiter;
    if (sep.lookingAt()) {
      // Excel's "sep=;" line names the separator; left as a blank line, the lines after it keep their numbers
      delimiter = sep.group(1).charAt(0);
      text = text.substring(sep.end());
    } else {
      delimiter = delimiter(text);
    }
    CSVFormat.Builder builder = CSVFormat.RFC4180.builder().setDelimiter(delimiter);
    if (headed) {
      builder.setHeader().setSkipHeaderRecord(true);
    }
    CSVFormat format = builder
        .setIgnoreEmptyLines(true)
        // checked in columnNames, to say which column
        .setAllowMissingColumnNames(true)
        .get();
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw malformed(source, text, delimiter, 0, new Lines(text), 1, e);
    } catch (IllegalArgumentException e) {
      throw new InputException(source, headerLine(text), "has an unusable header: " + e.getMessage(), e);
    }
    return new CsvTable(source, text, delimiter, parser, headed);
  }

  /** "line N" of the header: blank lines before it are skipped, as the parser skips them. */
  private static String headerLine(String text) {
    int line = 1;
    for (int i = 0; i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r'); i++) {
      if (text.charAt(i) == '\n' || (text.charAt(i) == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return "line " + line;
  }

  /** Where the header is, for errors about the columns: "line 1" unless blank lines come first. */
  public String headerLine() {
    return headed ? headerLine(text) : "line 1";
  }

  private static List<String> columnNames(List<String> header, String source, String line) {
    List<String> names = new ArrayList<>();
    Map<String, String> spellings = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String spelled = header.get(i).strip();
      String name = spelled.toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new InputException(source, line, "column " + (i + 1) + " has no name");
      }
      String earlier = spellings.putIfAbsent(name, spelled);
      if (earlier != null) {
        String both = earlier.equals(spelled) ? "" : " (as \"" + earlier + "\" and \"" + spelled + "\")";
        throw new InputException(source, line, "has the column \"" + name + "\" twice" + both
            + "; column names are compared without case");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private static final java.util.regex.Pattern EXCEL_SEPARATOR = java.util.regex.Pattern.compile("(?i)sep=([,;\\t|])\r?(?=\n)");

  /** The separator used most in the header line (outside quotes). */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }

  public String source() {
    return source;
  }

  public List<String> columns() {
    return columns;
  }

  /** A column's name as the header spells it ("Main Code" for the column "main code"), for names made from it. */
  public String spelling(String column) {
    return spellings.getOrDefault(column, column);
  }

  /** Columns named as the header spells them, the first ten of many and how many more: a note stays one line. */
  public static String listed(List<String> spelled) {
    return String.join(", ", spelled.subList(0, Math.min(10, spelled.size())))
        + (spelled.size() > 10 ? String.format(Locale.ROOT, ", and %,d more", spelled.size() - 10) : "");
  }

  public boolean has(String column) {
    return spellings.containsKey(column);
  }

  /** Refuses the file unless it has one of the named columns. */
  public String require(String... anyOf) {
    for (String c : anyOf) {
      if (has(c)) {
        return c;
      }
    }
    throw new InputException(source, headerLine(), "has no column " + String.join(" or ", anyOf)
        + " (its columns: " + String.join(", ", columns) + ")");
  }

  public Iterator<Row> rows() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw malformed(e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CSVRecord r;
        try {
          r = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw malformed(e);
        }
        lastRecordAt = (int) r.getCharacterPosition();
        long start = lines.lineAt(firstCharacterOfRecord(lastRecordAt));
        if (headed && r.size() != columns.size()) {
          throw new InputException(source, "line " + start, "has " + Counted.of(r.size(), "field") + "; the header has "
              + columns.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < r.size(); i++) {
          values.put(headed ? columns.get(i) : Integer.toString(i + 1), DocumentText.endingLines(r.get(i)));
        }
        return new Row(start, values);
      }
    };
  }

  /**
   * A record's position is where the parser began reading it, before the blank lines it skipped:
   * the record itself starts after them.
   */
  private int firstCharacterOfRecord(int position) {
    int i = position;
    while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }

  private InputException malformed(RuntimeException e) {
    return malformed(source, text, delimiter, lastRecordAt, lines, parser.getCurrentLineNumber(), e);
  }

  /**
   * The parser names the line it had read to, which for a quote never closed is the end of the
   * file; so the text is read again from the last good record to find where the quoting went wrong.
   */
  private static InputException malformed(String source, String text, char delimiter, int from, Lines lines,
      long parserLine, Exception e) {
    Flaw flaw = firstFlaw(text, delimiter, from);
    if (flaw == null) {
      return new InputException(source, "line " + parserLine, "is not well-formed CSV", e);
    }
    return new InputException(source, "line " + lines.lineAt(flaw.offset()), "is not well-formed CSV: "
        + flaw.reason(), e);
  }

  private record Flaw(int offset, String reason) {
  }

  /**
   * The first place from {@code from} (a record's start) where the text breaks RFC 4180 quoting as
   * the parser reads it: a quote opens a value only at its start, a doubled quote inside stands
   * for one, and after the closing quote only blanks may come before the separator or line end.
   */
  private static Flaw firstFlaw(String text, char delimiter, int from) {
    boolean valueStart = true;
    for (int i = from; i < text.length(); i++) {
      if (valueStart && text.charAt(i) == '"') {
        int open = i;
        for (i++; i < text.length(); i++) {
          if (text.charAt(i) == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              i++;
            } else {
              break;
            }
          }
        }
        if (i >= text.length()) {
          return new Flaw(open, UNCLOSED_QUOTE);
        }
        for (i++; i < text.length() && !endsValue(text.charAt(i), delimiter); i++) {
          if (!Character.isWhitespace(text.charAt(i))) {
            return new Flaw(i, TEXT_AFTER_QUOTE);
          }
        }
        if (i >= text.length()) {
          return null;
        }
      }
      valueStart = endsValue(text.charAt(i), delimiter);
    }
    return null;
  }

  private static boolean endsValue(char c, char delimiter) {
    return c == delimiter || c == '\n' || c == '\r';
  }

  /**
   * Line numbers of character offsets, counted forward as the rows are read so that a million rows
   * cost one pass. Line ends are LF, CRLF or a lone CR, as the parser takes them.
   */
  private static final class Lines {
    private final String text;
    private int countedTo;
    private long line = 1;

    Lines(String text) {
      this.text = text;
    }

    long lineAt(int offset) {
      if (offset < countedTo) {
        countedTo = 0;
        line = 1;
      }
      for (; countedTo < offset && countedTo < text.length(); countedTo++) {
        char c = text.charAt(countedTo);
        boolean crlf = c == '\r' && countedTo + 1 < text.length() && text.charAt(countedTo + 1) == '\n';
        if (c == '\n' || (c == '\r' && !crlf)) {
          line++;
        }
      }
      return line;
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
