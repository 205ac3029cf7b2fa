package eoslab.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a real matrix from a file: NumPy {@code .npy} (versions 1–3; little-endian {@code <f8}, {@code <f4},
 * {@code <i8} or {@code <i4}; C or Fortran order; shape (q, p), or (p,) read as one row, or () as 1 × 1), or
 * {@code .csv} (one row of the matrix per line, comma-separated numbers, no header; blank lines ignored).
 */
public final class MatrixFile {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private MatrixFile() {
    }

    /**
     * The matrix as rows.
     *
     * @throws IllegalArgumentException with a one-line message naming the file for any problem (unreadable, unknown
     *                                  extension, malformed, a non-finite entry)
     */
    public static double[][] read(Path file) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read matrix file " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        double[][] m;
        try {
            if (name.endsWith(".npy")) {
                m = npy(file, Files.readAllBytes(file));
            } else if (name.endsWith(".csv")) {
                m = csv(file, Files.readAllLines(file, StandardCharsets.UTF_8));
            } else {
                throw new IllegalArgumentException("matrix file " + file + " must end in .npy or .csv");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read matrix file " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException("matrix file " + file + ": entry (" + i + ", " + j
                            + ") is not finite");
                }
            }
        }
        return m;
    }

    private static double[][] csv(Path file, List<String> lines) {
        List<double[]> rows = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            String line = lines.get(l).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("matrix file " + file + " line " + (l + 1) + ": '"
                            + cells[j].trim() + "' is not a number");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw new IllegalArgumentException("matrix file " + file + " line " + (l + 1) + " has " + row.length
                        + " entries, the first row " + rows.get(0).length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("matrix file " + file + " is empty");
        }
        return rows.toArray(new double[0][]);
    }

    private static double[][] npy(Path file, byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xFF) != 0x93
                || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IllegalArgumentException("matrix file " + file + " is not a .npy file");
        }
        int major = bytes[6];
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = b.getShort(8) & 0xFFFF;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("matrix file " + file + " is truncated");
            }
            headerLength = b.getInt(8);
            start = 12;
        } else {
            throw new IllegalArgumentException("matrix file " + file + ": unsupported .npy version " + major);
        }
        if (headerLength < 0 || start + headerLength > bytes.length) {
            throw new IllegalArgumentException("matrix file " + file + " is truncated");
        }
        String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IllegalArgumentException("matrix file " + file + " has a malformed .npy header");
        }
        String descr = d.group(1);
        int size = switch (descr) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4" -> 4;
            default -> throw new IllegalArgumentException("matrix file " + file + ": dtype " + descr
                    + " is not supported (use little-endian float64, float32, int64 or int32)");
        };
        boolean fortran = f.group(1).equals("True");
        List<Integer> shape = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (!part.isBlank()) {
                try {
                    shape.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("matrix file " + file + " has a malformed shape");
                }
            }
        }
        int rows;
        int cols;
        if (shape.isEmpty()) {
            rows = 1;
            cols = 1;
        } else if (shape.size() == 1) {
            rows = 1;
            cols = shape.get(0);
        } else if (shape.size() == 2) {
            rows = shape.get(0);
            cols = shape.get(1);
        } else {
            throw new IllegalArgumentException("matrix file " + file + " holds a " + shape.size()
                    + "-dimensional array; a matrix is needed");
        }
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("matrix file " + file + " holds an empty array");
        }
        int data = start + headerLength;
        if ((long) rows * cols * size != bytes.length - data) {
            throw new IllegalArgumentException("matrix file " + file + " has " + (bytes.length - data)
                    + " data bytes, its header says " + (long) rows * cols * size);
        }
        double[][] m = new double[rows][cols];
        for (int k = 0; k < rows * cols; k++) {
            int pos = data + k * size;
            double v = switch (descr) {
                case "<f8" -> b.getDouble(pos);
                case "<i8" -> b.getLong(pos);
                case "<f4" -> b.getFloat(pos);
                default -> b.getInt(pos);
            };
            if (fortran) {
                m[k % rows][k / rows] = v;
            } else {
                m[k / cols][k % cols] = v;
            }
        }
        return m;
    }
}
