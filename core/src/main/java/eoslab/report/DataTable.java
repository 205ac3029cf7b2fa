package eoslab.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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

    /** The CSV text (header, then one line per row). */
    public String csv() {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get().print(w)) {
            p.printRecord(columns);
            for (Object[] r : rows) {
                Object[] cells = new Object[r.length];
                for (int i = 0; i < r.length; i++) {
                    cells[i] = r[i] instanceof Double d && !Double.isFinite(d) ? "" : r[i];
                }
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
