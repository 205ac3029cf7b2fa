package eoslab.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a regression data set with vector inputs and outputs from a CSV file whose header names the input columns
 * {@code x1 … xp} and the output columns {@code y1 … yq} (numbered from 1 without gaps, in any order among other
 * columns), or {@code x} and {@code y} for one of each. Other columns are ignored.
 */
public final class VectorDataCsv {
    private VectorDataCsv() {
    }

    /**
     * The samples: row i of x is the input xᵢ (p entries), row i of y the output yᵢ (q entries).
     *
     * @param x n × p inputs
     * @param y n × q outputs
     */
    public record Data(double[][] x, double[][] y) {
        /** n. */
        public int samples() {
            return x.length;
        }

        /** p. */
        public int inputs() {
            return x[0].length;
        }

        /** q. */
        public int outputs() {
            return y[0].length;
        }

        /** The single output column (q must be 1). */
        public double[] output() {
            if (outputs() != 1) {
                throw new IllegalArgumentException("the data have " + outputs() + " outputs, one is needed");
            }
            double[] out = new double[samples()];
            for (int i = 0; i < out.length; i++) {
                out[i] = y[i][0];
            }
            return out;
        }
    }

    /**
     * Reads a data file.
     *
     * @throws IllegalArgumentException with a one-line message naming the file (and the line) for any problem
     */
    public static Data read(Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read data file " + file);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file); CSVParser parser = format.parse(in)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> xCols = columns(file, header, "x");
            List<String> yCols = columns(file, header, "y");
            for (CSVRecord r : parser) {
                xs.add(values(file, r, xCols));
                ys.add(values(file, r, yCols));
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
        return new Data(xs.toArray(new double[0][]), ys.toArray(new double[0][]));
    }

    /** The columns named prefix, or prefix1 … prefixK. */
    private static List<String> columns(Path file, Map<String, Integer> header, String prefix) {
        if (header == null) {
            throw new DataError("data file " + file + " has no header");
        }
        boolean plain = header.containsKey(prefix);
        boolean numbered = header.containsKey(prefix + "1");
        if (plain && numbered) {
            throw new DataError("data file " + file + " has both a column " + prefix + " and " + prefix + "1");
        }
        if (plain) {
            return List.of(prefix);
        }
        if (!numbered) {
            throw new DataError("data file " + file + " must have a header with columns x1..xp and y1..yq (or x and y)");
        }
        List<String> cols = new ArrayList<>();
        for (int i = 1; header.containsKey(prefix + i); i++) {
            cols.add(prefix + i);
        }
        for (String name : header.keySet()) {
            if (name.startsWith(prefix) && name.length() > prefix.length() && !cols.contains(name)
                    && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
                throw new DataError("data file " + file + ": column " + name + " does not continue " + prefix + "1.."
                        + prefix + cols.size());
            }
        }
        return cols;
    }

    private static double[] values(Path file, CSVRecord r, List<String> cols) {
        double[] v = new double[cols.size()];
        for (int j = 0; j < v.length; j++) {
            String column = cols.get(j);
            String text = r.isSet(column) ? r.get(column) : "";
            try {
                v[j] = Double.parseDouble(text);
                if (!Double.isFinite(v[j])) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new DataError("data file " + file + " line " + r.getRecordNumber() + ": " + column
                        + " is not a finite number: '" + text + "'");
            }
        }
        return v;
    }

    /** A complete message about the data, passed through unchanged. */
    private static final class DataError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DataError(String message) {
            super(message, null, false, false);
        }
    }
}
