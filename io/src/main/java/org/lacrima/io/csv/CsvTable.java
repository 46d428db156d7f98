package org.lacrima.io.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.lacrima.core.InputException;
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

  private final String source;
  private final String text;
  private final CSVParser parser;
  private final List<String> columns;
  private final Iterator<CSVRecord> records;

  private CsvTable(String source, String text, CSVParser parser) {
    this.source = source;
    this.text = text;
    this.parser = parser;
    this.columns = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    this.records = parser.iterator();
  }

  public static CsvTable open(Path file) {
    String source = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InputException(source, "", "cannot be read: " + e.getMessage(), e);
    }
    return of(TextDecoding.decode(bytes, source).text(), source);
  }

  public static CsvTable of(String text, String source) {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new InputException(source, "", "is empty");
    }
    char delimiter = delimiter(text);
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(false)
        .get();
    try {
      CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get();
      return new CsvTable(source, text, parser);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(source, "line 1", "has an unusable header: " + e.getMessage(), e);
    }
  }

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

  public boolean has(String column) {
    return columns.contains(column);
  }

  /** Refuses the file unless it has one of the named columns. */
  public String require(String... anyOf) {
    for (String c : anyOf) {
      if (has(c)) {
        return c;
      }
    }
    throw new InputException(source, "line 1", "has no column " + String.join(" or ", anyOf)
        + " (its columns: " + String.join(", ", columns) + ")");
  }

  public Iterator<Row> rows() {
    return new Iterator<>() {
      // the parser reads ahead, so a record's line is counted from its character position
      private long scannedTo;
      private long line = 1;

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
        long start = lineAt(r.getCharacterPosition());
        if (r.size() != columns.size()) {
          throw new InputException(source, "line " + start, "has " + r.size() + " fields; the header has "
              + columns.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          values.put(columns.get(i), r.get(i));
        }
        return new Row(start, values);
      }

      private long lineAt(long position) {
        for (; scannedTo < position && scannedTo < text.length(); scannedTo++) {
          if (text.charAt((int) scannedTo) == '\n') {
            line++;
          }
        }
        return line;
      }
    };
  }

  private InputException malformed(RuntimeException e) {
    return new InputException(source, "line " + (parser.getCurrentLineNumber() + 1),
        "is not well-formed CSV: " + e.getMessage(), e);
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
