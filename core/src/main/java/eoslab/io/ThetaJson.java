package eoslab.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import eoslab.model.Layout;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model parameters θ as one JSON object with one array per block of the model's {@link Layout}, in layout order:
 * vectors as flat arrays ({@code {"a": […], "b": […]}}, {@code {"u": […], "v": […]}}), matrices as arrays of rows
 * ({@code {"W1": [[…], …], …}}, row-major, W_i of shape h_i × h_{i−1}). Reading accepts either form for every block
 * (a flat array is read row-major), and refuses missing, unknown or mis-shaped blocks.
 */
public final class ThetaJson {
    private ThetaJson() {
    }

    /**
     * The JSON object of θ.
     *
     * @param matrices write blocks as arrays of rows (deep linear networks) rather than flat arrays
     */
    public static Map<String, Object> describe(Layout layout, double[] theta, boolean matrices) {
        if (theta.length != layout.dimension()) {
            throw new IllegalArgumentException("θ has " + theta.length + " entries, the layout " + layout.dimension());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Layout.Block b : layout.blocks()) {
            if (matrices) {
                double[][] rows = new double[b.rows()][b.cols()];
                for (int i = 0; i < b.rows(); i++) {
                    System.arraycopy(theta, b.offset() + i * b.cols(), rows[i], 0, b.cols());
                }
                m.put(b.name(), rows);
            } else {
                double[] v = new double[b.size()];
                System.arraycopy(theta, b.offset(), v, 0, b.size());
                m.put(b.name(), v);
            }
        }
        return m;
    }

    /** Writes θ (pretty-printed JSON and a newline). */
    public static void write(Writer w, Layout layout, double[] theta, boolean matrices) throws IOException {
        w.write(Json.pretty(describe(layout, theta, matrices)));
        w.write('\n');
    }

    /**
     * Reads θ for a layout.
     *
     * @throws IllegalArgumentException with a one-line message naming the file and the block for any problem
     */
    public static double[] read(Path file, Layout layout) {
        Map<?, ?> map = object(file, layout.blocks().stream().map(Layout.Block::name).toList());
        double[] theta = new double[layout.dimension()];
        for (Layout.Block b : layout.blocks()) {
            block(file, b, map.get(b.name()), theta);
        }
        return theta;
    }

    /**
     * Reads vectors of any (equal or not) lengths by block name, for a model whose layout follows from the file (the
     * shallow model's a and b).
     *
     * @throws IllegalArgumentException with a one-line message naming the file and the block for any problem
     */
    public static double[][] readVectors(Path file, List<String> names) {
        Map<?, ?> map = object(file, names);
        double[][] out = new double[names.size()][];
        for (int k = 0; k < out.length; k++) {
            Object value = map.get(names.get(k));
            String where = "parameter file " + file + ", block " + names.get(k);
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException(where + " must be a non-empty array of numbers");
            }
            out[k] = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                out[k][i] = number(where, list.get(i));
            }
        }
        return out;
    }

    /** The file's object, checked to hold exactly the named blocks. */
    private static Map<?, ?> object(Path file, List<String> names) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot read parameter file " + file);
        }
        Object tree;
        try {
            tree = Json.mapper().readValue(Files.readString(file), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameter file " + file + " is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read parameter file " + file + ": " + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("parameter file " + file + " must hold one JSON object");
        }
        for (Object key : map.keySet()) {
            if (!names.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("parameter file " + file + " has an unknown block '" + key
                        + "' (this model has " + String.join(", ", names) + ")");
            }
        }
        for (String name : names) {
            if (map.get(name) == null) {
                throw new IllegalArgumentException("parameter file " + file + " has no block '" + name + "'");
            }
        }
        return map;
    }

    private static void block(Path file, Layout.Block b, Object value, double[] theta) {
        String where = "parameter file " + file + ", block " + b.name() + " (" + b.rows() + "×" + b.cols() + ")";
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + " must be an array");
        }
        boolean nested = !list.isEmpty() && list.get(0) instanceof List<?>;
        if (!nested) {
            if (list.size() != b.size()) {
                throw new IllegalArgumentException(where + " has " + list.size() + " entries, expected " + b.size());
            }
            for (int i = 0; i < b.size(); i++) {
                theta[b.offset() + i] = number(where, list.get(i));
            }
            return;
        }
        if (list.size() != b.rows()) {
            throw new IllegalArgumentException(where + " has " + list.size() + " rows, expected " + b.rows());
        }
        for (int i = 0; i < b.rows(); i++) {
            if (!(list.get(i) instanceof List<?> row) || row.size() != b.cols()) {
                throw new IllegalArgumentException(where + ": row " + i + " must have " + b.cols() + " entries");
            }
            for (int j = 0; j < b.cols(); j++) {
                theta[b.offset() + i * b.cols() + j] = number(where, row.get(j));
            }
        }
    }

    private static double number(String where, Object x) {
        if (!(x instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException(where + " has an entry that is not a finite number: " + x);
        }
        return n.doubleValue();
    }
}
