package eoslab.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a step-size schedule file: one step size η_k per line (k = 0, 1, …), each a finite number ≥ 0; blank lines
 * and lines starting with {@code #} are skipped.
 */
public final class StepSizeFile {
    private StepSizeFile() {
    }

    /**
     * Reads the step sizes of a file.
     *
     * @throws IllegalArgumentException with a one-line message naming the file (and the line) for any problem
     */
    public static double[] read(Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read schedule file " + file);
        }
        double[] values = new double[64];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String text = line.trim();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("schedule file " + file + " line " + number
                            + ": not a finite step size >= 0: '" + text + "'");
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, 2 * n);
                }
                values[n++] = v;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read schedule file " + file + ": " + e.getMessage());
        }
        if (n == 0) {
            throw new IllegalArgumentException("schedule file " + file + " lists no step sizes");
        }
        return Arrays.copyOf(values, n);
    }
}
