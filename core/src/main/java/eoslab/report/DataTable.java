package eoslab.report;

import eoslab.io.CsvRows;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind one figure: named columns and rows of numbers or labels. Non-finite numbers are written as
 * empty cells (a value that does not apply), never as NaN or Infinity.
 */
public final class DataTable {
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    /** An empty table with the given columns. */
    public DataTable(String... columns) {
        this.columns = List.of(columns);
    }

    /** Appends a row (Double, Long, Integer or String values, one per column). */
    public DataTable add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values, table has " + columns.size()
                    + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    /** The CSV text (header, then one line per row; non-finite numbers as empty cells). */
    public String csv() {
        StringWriter w = new StringWriter();
        CsvRows out = CsvRows.withHeader(w, columns);
        rows.forEach(out::row);
        return w.toString();
    }
}
