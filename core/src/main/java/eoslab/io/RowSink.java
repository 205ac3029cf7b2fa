package eoslab.io;

/**
 * Where the rows of a table go: CSV text ({@link CsvRows}) or numeric columns in memory ({@link Columns}). Writers of
 * tables (trajectories, comparisons) emit the same values to either, so a file and an in-memory table of the same
 * run hold the same numbers.
 */
public interface RowSink {
    /** Adds one row: numbers, strings, or null for a cell that does not apply; returns this sink. */
    RowSink row(Object... values);

    /** Flushes buffered rows (no-op by default). */
    default void flush() {
    }
}
