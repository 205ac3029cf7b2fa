package eoslab.io;

import eoslab.model.shallow.ScalarDataSet;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read data file " + file);
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            if (!parser.getHeaderMap().containsKey("x") || !parser.getHeaderMap().containsKey("y")) {
                throw new DataError("data file " + file + " must have a header with columns x and y");
            }
            for (CSVRecord r : parser) {
                xs.add(number(file, r, "x"));
                ys.add(number(file, r, "y"));
            }
        } catch (DataError e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("malformed data file " + file + ": "
                    + (e.getMessage() == null ? "unknown error" : e.getMessage().lines().findFirst().orElse("").trim()));
        }
        if (xs.isEmpty()) {
            throw new IllegalArgumentException("data file " + file + " has no rows");
        }
        try {
            return ScalarDataSet.of(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data file " + file + ": " + e.getMessage());
        }
    }

    private static double number(Path file, CSVRecord r, String column) {
        String text = r.isSet(column) ? r.get(column) : "";
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataError("data file " + file + " line " + r.getRecordNumber() + ": " + column
                    + " is not a finite number: '" + text + "'");
        }
    }

    /** A complete message about the data, passed through unchanged. */
    private static final class DataError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DataError(String message) {
            super(message, null, false, false);
        }
    }
}
