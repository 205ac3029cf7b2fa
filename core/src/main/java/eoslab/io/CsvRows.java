package eoslab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Rows of a CSV file, written through commons-csv with the project's conventions: records end in '\n', numbers are
 * written as Java prints them (shortest round-trip form, which pandas and NumPy read), and a null or a NaN/infinite
 * number is an empty cell, so no non-finite number ever appears in a result file. The target is written to, not
 * closed.
 */
public final class CsvRows implements RowSink {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final CSVPrinter printer;

    private CsvRows(Appendable out) {
        try {
            this.printer = FORMAT.print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows onto out, after a header line with the given column names. */
    public static CsvRows withHeader(Appendable out, List<String> columns) {
        CsvRows rows = new CsvRows(out);
        rows.row(columns.toArray());
        return rows;
    }

    /** Rows onto out, without a header (for pieces of a file). */
    public static CsvRows withoutHeader(Appendable out) {
        return new CsvRows(out);
    }

    /** Writes one row. */
    @Override
    public CsvRows row(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            cells[i] = v == null || v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)
                    ? "" : v;
        }
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes one row from a list. */
    public CsvRows row(List<?> values) {
        return row(values.toArray());
    }

    /** Flushes the rows written so far. */
    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
