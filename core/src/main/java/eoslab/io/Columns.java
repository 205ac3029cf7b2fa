package eoslab.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric table held in memory, column by column, as a {@link RowSink}: every cell a double (a null, a string or a
 * non-finite number becomes NaN, the empty CSV cell). Grows as rows arrive; not thread-safe.
 */
public final class Columns implements RowSink {
    private final List<String> names;
    private double[][] data;
    private int rows;

    /** An empty table with the given column names. */
    public Columns(List<String> names) {
        this.names = List.copyOf(names);
        this.data = new double[names.size()][16];
    }

    @Override
    public Columns row(Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " cells for " + names.size()
                    + " columns");
        }
        if (rows == data[0].length) {
            for (int c = 0; c < data.length; c++) {
                data[c] = Arrays.copyOf(data[c], rows * 2);
            }
        }
        for (int c = 0; c < values.length; c++) {
            data[c][rows] = values[c] instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        rows++;
        return this;
    }

    /** The column names, in order. */
    public List<String> names() {
        return names;
    }

    /** The number of rows. */
    public int rows() {
        return rows;
    }

    /** A copy of the column with the given name. */
    public double[] column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return Arrays.copyOf(data[c], rows);
    }

    /** The value at (row, column index); NaN for an empty cell. */
    public double get(int row, int column) {
        return data[column][row];
    }

    /** The JSON form: column name → array of numbers, null for an empty cell. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            Double[] col = new Double[rows];
            for (int r = 0; r < rows; r++) {
                double v = data[c][r];
                col[r] = Double.isFinite(v) ? v : null;
            }
            m.put(names.get(c), Arrays.asList(col));
        }
        return m;
    }
}
