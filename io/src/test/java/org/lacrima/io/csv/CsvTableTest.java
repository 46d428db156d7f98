package org.lacrima.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lacrima.core.coding.CodingRow;

class CsvTableTest {

  @Test
  void readsSemicolonFilesFromGermanExcelWithTheirLineNumbers() {
    CsvTable t = CsvTable.of("\uFEFFDocument;Orientation;Note\npdt-01;PDT;\"zwei\nZeilen\"\ncbt-01;VT;x\n", "vars.csv");
    assertThat(t.columns()).containsExactly("document", "orientation", "note");
    List<CsvTable.Row> rows = new ArrayList<>();
    t.rows().forEachRemaining(rows::add);
    assertThat(rows).extracting(CsvTable.Row::line).containsExactly(2L, 4L);
    assertThat(rows.get(0).get("note")).isEqualTo("zwei\nZeilen");
    assertThat(rows.get(1).get("orientation")).isEqualTo("VT");
  }

  @Test
  void followsTheSeparatorLineExcelWritesAndKeepsTheLineNumbers() {
    for (String eol : List.of("\n", "\r\n")) {
      // commas in the values would otherwise outvote the one semicolon of the header
      CsvTable t = CsvTable.of(String.join(eol, "sep=;", "document;note", "a;one, two, three", "b;x", ""), "v.csv");
      assertThat(t.columns()).containsExactly("document", "note");
      assertThat(t.headerLine()).isEqualTo("line 2");
      List<CsvTable.Row> rows = rowsOf(t);
      assertThat(rows).extracting(CsvTable.Row::line).containsExactly(3L, 4L);
      assertThat(rows.get(0).get("note")).isEqualTo("one, two, three");
    }
  }

  /** Python's csv module and pandas leave a cell with a vertical tab or form feed unquoted: it is one cell. */
  @Test
  void aVerticalTabOrFormFeedInAnUnquotedCellIsALineBreakWithinIt(@TempDir Path dir) throws java.io.IOException {
    Path f = java.nio.file.Files.writeString(dir.resolve("t.csv"), "a,b,c\n1,first\u000Bsecond,x\n2,page\fnext,y\n");
    List<CsvTable.Row> rows = new java.util.ArrayList<>();
    CsvTable.open(f).rows().forEachRemaining(rows::add);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).values()).containsEntry("b", "first\nsecond").containsEntry("c", "x");
    assertThat(rows.get(1).values()).containsEntry("b", "page\nnext");
    assertThat(rows.get(1).line()).isEqualTo(3);
  }

  @Test
  void namesTheLineOfARowWithTheWrongNumberOfFields() {
    CsvTable t = CsvTable.of("document,start,end\na,1,2\nb,3\n", "c.csv");
    Iterator<CsvTable.Row> rows = t.rows();
    rows.next();
    assertThatThrownBy(rows::next).hasMessage("c.csv, line 3: has 2 fields; the header has 3");
  }

  @Test
  void countsTheBlankLinesBeforeARowInItsLineNumber() {
    for (String eol : List.of("\n", "\r\n", "\r")) {
      String text = String.join(eol, "document,quote,category,coder", "", "", "v1,zzz,Pause,carol",
          "v2,\"zwei", "", "Zeilen\",Pause,mira", "", "v3,x,Pause,jonas", "");
      assertThat(rowsOf(CsvTable.of(text, "c.csv"))).as("line ends %s", eol.replace("\r", "CR").replace("\n", "LF"))
          .extracting(CsvTable.Row::line).containsExactly(4L, 5L, 9L);
    }
  }

  @Test
  void namesTheLineOfAQuoteThatIsNeverClosed() {
    for (String eol : List.of("\n", "\r\n")) {
      String text = String.join(eol, "document,quote,category,coder", "v1,zzz,Pause,carol",
          "v2,\"sie weinte,Pause,mira", "v3,x,Pause,jonas", "");
      Iterator<CsvTable.Row> rows = CsvTable.of(text, "c.csv").rows();
      rows.next();
      assertThatThrownBy(rows::next).hasMessage("c.csv, line 3: is not well-formed CSV: a quote opens a value here "
          + "and is never closed");
    }
  }

  @Test
  void namesTheLineOfAStrayQuoteInsideAQuotedValue() {
    for (String eol : List.of("\n", "\r\n")) {
      String text = String.join(eol, "document,quote,category,coder", "v1,\"zwei", "Zeilen\",Pause,carol",
          "v2,\"er sagte \"nein\" und ging\",Pause,mira", "v3,x,Pause,jonas", "");
      Iterator<CsvTable.Row> rows = CsvTable.of(text, "c.csv").rows();
      assertThat(rows.next().line()).isEqualTo(2);
      assertThatThrownBy(rows::next).hasMessage("c.csv, line 4: is not well-formed CSV: a quoted value goes on after "
          + "its closing quote (a quote inside a quoted value is written twice: \"\")");
    }
  }

  @Test
  void takesAQuoteInsideAnUnquotedValueAsItStands() {
    List<CsvTable.Row> rows = rowsOf(CsvTable.of("document,quote\nv1,er sagte \"nein\"\n", "c.csv"));
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("quote")).isEqualTo("er sagte \"nein\""));
  }

  @Test
  void namesTheLineOfABrokenHeaderInPlainWords() {
    assertThatThrownBy(() -> CsvTable.of("document,\"quote\ncategory\n", "c.csv")).hasMessage(
        "c.csv, line 1: is not well-formed CSV: a quote opens a value here and is never closed");
  }

  @Test
  void refusesAColumnNamedTwiceWhateverItsCase() {
    assertThatThrownBy(() -> CsvTable.of("document,Orientation,orientation\nv1,PDT,VT\n", "vars.csv")).hasMessage(
        "vars.csv, line 1: has the column \"orientation\" twice (as \"Orientation\" and \"orientation\"); "
            + "column names are compared without case");
    assertThatThrownBy(() -> CsvTable.of("document,note,note\nv1,a,b\n", "vars.csv")).hasMessage(
        "vars.csv, line 1: has the column \"note\" twice; column names are compared without case");
    assertThatThrownBy(() -> CsvTable.of("document,,note\nv1,a,b\n", "vars.csv")).hasMessage(
        "vars.csv, line 1: column 2 has no name");
    // blank lines before the header: the header's own line is named
    assertThatThrownBy(() -> CsvTable.of("\r\n\ndocument,note,Note\nv1,a,b\n", "vars.csv"))
        .hasMessageStartingWith("vars.csv, line 3: has the column \"note\" twice");
    try (CsvTable t = CsvTable.of("\n\ndocument,note\nv1,a\n", "vars.csv")) {
      assertThatThrownBy(() -> t.require("orientation")).hasMessageStartingWith("vars.csv, line 3: has no column");
    }
  }

  @Test
  void saysPlainlyThatAFileIsMissing(@TempDir Path dir) {
    Path missing = dir.resolve("codings.csv");
    assertThatThrownBy(() -> CsvTable.open(missing)).hasMessage(missing + ": cannot be read: no such file");
  }

  private static List<CsvTable.Row> rowsOf(CsvTable table) {
    List<CsvTable.Row> rows = new ArrayList<>();
    table.rows().forEachRemaining(rows::add);
    return rows;
  }

  @Test
  void readsCodingRowsByOffsetsOrQuote() {
    CsvTable t = CsvTable.of("""
        document,start,end,quote,occurrence,category,coder,memo
        a,3,9,,,Pause,mira,
        a,,,"sie \"\"weinte\"\"",2,Assumptions > Forms of emotional crying,jonas,"memo, mit Komma"
        """, "c.csv");
    List<CodingRow> rows = new ArrayList<>();
    CodingsCsv.read(t).forEachRemaining(rows::add);
    assertThat(rows.get(0).start()).hasValue(3);
    assertThat(rows.get(0).end()).hasValue(9);
    assertThat(rows.get(1).quote()).isEqualTo("sie \"weinte\"");
    assertThat(rows.get(1).occurrence()).hasValue(2);
    assertThat(rows.get(1).category()).isEqualTo("Assumptions > Forms of emotional crying");
    assertThat(rows.get(1).memo()).isEqualTo("memo, mit Komma");
    assertThat(rows.get(1).line()).isEqualTo(3);
  }

  @Test
  void refusesACodingsFileWithoutTheColumnsItNeeds() {
    assertThatThrownBy(() -> CodingsCsv.read(CsvTable.of("document,category,coder\na,b,c\n", "c.csv")))
        .hasMessageContaining("c.csv, line 1: needs start and end columns, or a quote column");
    assertThatThrownBy(() -> CodingsCsv.read(CsvTable.of("doc,start,end,category,coder\na,1,2,b,c\n", "c.csv")))
        .hasMessageContaining("has no column document");
    Iterator<CodingRow> rows = CodingsCsv.read(CsvTable.of("document,start,end,category,coder\na,x,2,b,c\n", "c.csv"));
    assertThatThrownBy(rows::next).hasMessage("c.csv, line 2: start \"x\" is not a whole number written with the digits 0-9");
    Iterator<CodingRow> far = CodingsCsv.read(CsvTable.of("document,start,end,category,coder\na,1,2147483648,b,c\n",
        "c.csv"));
    assertThatThrownBy(far::next).hasMessage("c.csv, line 2: end \"2147483648\" is far beyond the length of any text");
    // Java's parseInt reads these too; no spreadsheet or script that reads the file back would
    for (String number : new String[] {"\u0663", "\uFF13", "+3"}) {
      Iterator<CodingRow> other = CodingsCsv.read(CsvTable.of("document,start,end,category,coder\na," + number
          + ",9,b,c\n", "c.csv"));
      assertThatThrownBy(other::next).as(number).hasMessage("c.csv, line 2: start \"" + number
          + "\" is not a whole number written with the digits 0-9");
    }
  }

  @Test
  void refusesADeviceInsteadOfReadingItForever(@TempDir Path dir) throws Exception {
    Path zeros = java.nio.file.Files.createSymbolicLink(dir.resolve("codings.csv"), Path.of("/dev/zero"));
    try {
      assertThatThrownBy(() -> CsvTable.open(zeros))
          .hasMessage(zeros + ": is not a regular file but a device or a pipe, which Lacrima does not read");
    } finally {
      java.nio.file.Files.delete(zeros);
    }
  }
}
