package org.lacrima.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
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
  void namesTheLineOfARowWithTheWrongNumberOfFields() {
    CsvTable t = CsvTable.of("document,start,end\na,1,2\nb,3\n", "c.csv");
    Iterator<CsvTable.Row> rows = t.rows();
    rows.next();
    assertThatThrownBy(rows::next).hasMessage("c.csv, line 3: has 2 fields; the header has 3");
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
    assertThatThrownBy(rows::next).hasMessage("c.csv, line 2: start \"x\" is not a whole number");
  }
}
