package eoslab.io;

import eoslab.model.shallow.ScalarDataSet;
import java.nio.file.Path;
import java.util.Set;

/** Reads a scalar data set from a CSV file with a header naming columns {@code x} and {@code y} (docs/model.md §8). */
public final class DataSetCsv {
    private DataSetCsv() {
    }

    /**
     * Reads and reduces a data file.
     *
     * @throws IllegalArgumentException with a one-line message naming the file (and the line) for any problem
     */
    public static ScalarDataSet read(Path file) {
        NumericCsv t = NumericCsv.read(file, Set.of("x", "y"), Set.of("x", "y")::contains, "x and y");
        if (t.rows().isEmpty()) {
            throw new IllegalArgumentException("data file " + file + " has no rows");
        }
        try {
            return ScalarDataSet.of(t.column("x"), t.column("y"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data file " + file + ": " + e.getMessage());
        }
    }
}
