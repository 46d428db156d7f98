package org.lacrima.io.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lacrima.core.InputException;
import org.lacrima.core.coding.CodingExport;
import org.lacrima.core.coding.CodingRow;

/**
 * Lacrima's codings exchange format, one row per coding. Read: document, then start and end
 * (code points, 0-based, end exclusive) or a quote (with an optional 1-based occurrence), category
 * (id, label or path; in files Lacrima wrote, category_id and category_path), coder, memo, and an
 * optional id. Written: id, document, coder, category_id, category_path, start, end, text, memo —
 * as is: this file is for exchange, not for spreadsheets, so values are never altered.
 */
public final class CodingsCsv {

  public static final String[] HEADER = {"id", "document", "coder", "category_id", "category_path", "start", "end",
      "text", "memo"};

  private CodingsCsv() {
  }

  /** The columns a codings file is read by; any other is left unread (and said so). */
  private static final java.util.Set<String> READ = java.util.Set.of("id", "document", "coder", "category_id",
      "category_path", "category", "start", "end", "quote", "text", "occurrence", "memo");

  /**
   * Words in a column's name that say it holds what a team would mean as the memo ("notes", "memo_text",
   * "Anmerkungen"): left unread, a coder's notes would vanish unsaid.
   */
  private static final List<String> LIKE_A_MEMO = List.of("memo", "note", "notiz", "comment", "kommentar", "remark",
      "bemerkung", "anmerkung", "annotation");

  /** Whether a column other than memo would hold memos by its name. */
  public static boolean likeAMemo(String column) {
    return !column.equals("memo") && LIKE_A_MEMO.stream().anyMatch(column::contains);
  }

  /**
   * The file's columns that no part of a coding is read from, in the file's order; {@code text} among them where a
   * {@code quote} column stands beside it, which is the one read.
   */
  public static List<String> unreadColumns(CsvTable table) {
    return table.columns().stream().filter(c -> !READ.contains(c) || c.equals("text") && table.has("quote")).toList();
  }

  /** Rows of a codings file, read lazily so that a million of them stream. */
  public static Iterator<CodingRow> read(CsvTable table) {
    table.require("document");
    table.require("category_id", "category_path", "category");
    table.require("coder");
    if (!table.has("quote") && !table.has("text") && !(table.has("start") && table.has("end"))) {
      throw new InputException(table.source(), table.headerLine(), "needs start and end columns, or a quote column");
    }
    for (String column : table.columns()) {
      if (likeAMemo(column)) {
        throw new InputException(table.source(), table.headerLine(), "has a column \"" + table.spelling(column)
            + "\", which is not read: a coding's memo stands in the column memo; rename it to memo"
            + (table.has("memo") ? " (this file has one already: join the two)" : ""));
      }
    }
    Iterator<CsvTable.Row> rows = table.rows();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public CodingRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return row(table.source(), rows.next());
      }
    };
  }

  private static CodingRow row(String source, CsvTable.Row r) {
    String place = "line " + r.line();
    // The id names the category first; the path (or label) is kept to fall back on, because an id
    // made in another project, such as a category added or split there, is unknown here.
    List<String> names = new ArrayList<>(2);
    for (String column : new String[] {"category_id", "category_path", "category"}) {
      r.find(column).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(names::add);
    }
    String category = names.isEmpty() ? "" : names.get(0);
    String fallback = names.size() < 2 ? "" : names.get(1);
    Optional<UUID> id = r.find("id").filter(s -> !s.isBlank()).map(s -> {
      try {
        return UUID.fromString(s.strip());
      } catch (IllegalArgumentException e) {
        throw new InputException(source, place, "id \"" + s + "\" is not a UUID");
      }
    });
    return new CodingRow(source, r.line(), r.get("document").strip(),
        integer(r, "start", source, place), integer(r, "end", source, place),
        r.find("quote", "text").orElse(""), integer(r, "occurrence", source, place),
        category, fallback, r.get("coder"), r.get("memo"), id);
  }

  private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("-?[0-9]+");

  private static OptionalInt integer(CsvTable.Row r, String column, String source, String place) {
    String v = r.get(column).strip();
    if (v.isEmpty()) {
      return OptionalInt.empty();
    }
    // ASCII digits only: parseInt would also read "+3", "３" and "٣", which no other reader of the file would
    if (!WHOLE_NUMBER.matcher(v).matches()) {
      throw new InputException(source, place, column + " \"" + v + "\" is not a whole number written with the digits "
          + "0-9");
    }
    try {
      return OptionalInt.of(Integer.parseInt(v));
    } catch (NumberFormatException e) {
      // digits beyond Integer.MAX_VALUE are a whole number, just far beyond any text's length
      throw new InputException(source, place, column + " \"" + v + "\" is far beyond the length of any text");
    }
  }

  /** Writes codings; the caller closes {@code out}. */
  public static final class Writer implements AutoCloseable {
    private final CSVPrinter printer;

    public Writer(java.io.Writer out) {
      try {
        printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public void write(CodingExport.Row row) {
      try {
        printer.printRecord(row.id(), row.document(), row.coder(), row.categoryId(), row.categoryPath(),
            row.start(), row.end(), row.text(), row.memo());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
