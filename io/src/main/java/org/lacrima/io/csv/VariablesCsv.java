package org.lacrima.io.csv;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lacrima.core.transcript.DocumentVariables;
import org.lacrima.core.transcript.VariableRow;

/**
 * A document-variables file: one row per document, keyed by document name (the file name without
 * extension) in a column "document" (or "name"); every other column is a variable.
 */
public final class VariablesCsv {

  private VariablesCsv() {
  }

  public static List<VariableRow> read(CsvTable table) {
    String key = table.require("document", "name");
    // said once for the header, rather than on the first row that DocumentVariables would refuse
    DocumentVariables.checkColumnNames(table.columns().stream().filter(c -> !c.equals(key)).toList(), table.source(),
        table.headerLine());
    List<VariableRow> rows = new ArrayList<>();
    for (Iterator<CsvTable.Row> it = table.rows(); it.hasNext(); ) {
      CsvTable.Row r = it.next();
      Map<String, String> values = new LinkedHashMap<>(r.values());
      values.remove(key);
      rows.add(new VariableRow(table.source(), r.line(), r.get(key).strip(), values));
    }
    return rows;
  }
}
