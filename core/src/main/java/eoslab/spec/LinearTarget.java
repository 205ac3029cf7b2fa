package eoslab.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a deep linear network ({@code --model linear}) is trained on, as given: a data set with vector inputs and
 * outputs (loss (1/2n) Σᵢ ‖f(xᵢ) − yᵢ‖²), a target matrix in a file or generated from its singular values (loss
 * ½‖W_D ⋯ W_1 − Φ‖²_F), or a scalar target Φ (p = q = 1). Files are referenced by path and read when the run is
 * resolved.
 */
public sealed interface LinearTarget {
    /** The fields of the JSON form (merged into the model's object). */
    Map<String, Object> describe();

    /** The options that recreate it. */
    List<String> toArgs();

    /**
     * Reads the form written by {@link #describe()}: exactly one of {@code data}, {@code target},
     * {@code target_spectrum} (with {@code target_size}, {@code target_seed}) and {@code phi}.
     */
    static LinearTarget parse(Object json) {
        Fields f = Fields.of(json, "spec.model");
        int forms = (f.has("data") ? 1 : 0) + (f.has("target") ? 1 : 0) + (f.has("target_spectrum") ? 1 : 0)
                + (f.has("phi") ? 1 : 0);
        if (forms != 1) {
            throw new IllegalArgumentException("spec.model must have exactly one of data, target, target_spectrum "
                    + "and phi");
        }
        if (f.has("data")) {
            return new Data(f.string("data"));
        }
        if (f.has("target")) {
            return new Matrix(f.string("target"));
        }
        if (f.has("phi")) {
            return new Scalar(f.number("phi"));
        }
        List<Integer> size = f.integerList("target_size");
        if (size.size() != 2) {
            throw new IllegalArgumentException("spec.model.target_size must be [rows, cols]");
        }
        return new Spectrum(f.numberList("target_spectrum"), size.get(0), size.get(1), f.integer("target_seed"));
    }

    /**
     * A data set file with columns {@code x1 … xp, y1 … yq} (or {@code x, y}).
     *
     * @param file the path
     */
    record Data(String file) implements LinearTarget {
        @Override
        public Map<String, Object> describe() {
            return Map.of("data", file);
        }

        @Override
        public List<String> toArgs() {
            return List.of("--data", file);
        }
    }

    /**
     * A target matrix Φ ∈ ℝ^{q×p} in a {@code .npy} file (float64, 2-D) or a {@code .csv} file (q lines of p numbers).
     *
     * @param file the path
     */
    record Matrix(String file) implements LinearTarget {
        @Override
        public Map<String, Object> describe() {
            return Map.of("target", file);
        }

        @Override
        public List<String> toArgs() {
            return List.of("--target", file);
        }
    }

    /**
     * The generated target Φ = U diag(s) Vᵀ ∈ ℝ^{q×p} with seeded Haar-random orthonormal U, V (see
     * {@link eoslab.model.linear.LinearStarts#targetFromSpectrum}).
     *
     * @param values the singular values s (1 ≤ k ≤ min(q, p), each finite and ≥ 0)
     * @param rows   q
     * @param cols   p
     * @param seed   the seed of U and V
     */
    record Spectrum(List<Double> values, int rows, int cols, long seed) implements LinearTarget {
        /** Validates and copies. */
        public Spectrum {
            values = Args.finite("--target-spectrum", values);
            if (rows < 1 || cols < 1) {
                throw new IllegalArgumentException("--target-size must be QxP with Q, P >= 1, got " + rows + "x"
                        + cols);
            }
            if (values.isEmpty() || values.size() > Math.min(rows, cols)) {
                throw new IllegalArgumentException("--target-spectrum needs 1 to min(Q, P) = " + Math.min(rows, cols)
                        + " singular values, got " + values.size());
            }
            for (double v : values) {
                if (v < 0) {
                    throw new IllegalArgumentException("--target-spectrum values must be >= 0, got " + v);
                }
            }
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target_spectrum", values);
            m.put("target_size", List.of(rows, cols));
            m.put("target_seed", seed);
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--target-spectrum", Args.join(values), "--target-size", rows + "x" + cols,
                    "--target-seed", Long.toString(seed));
        }
    }

    /**
     * A scalar target Φ: p = q = 1 (with all hidden widths 1, the depth-D scalar chain).
     *
     * @param phi Φ, finite
     */
    record Scalar(double phi) implements LinearTarget {
        /** Validates Φ. */
        public Scalar {
            if (!Double.isFinite(phi)) {
                throw new IllegalArgumentException("--phi must be a finite number, got " + phi);
            }
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("phi", phi);
        }

        @Override
        public List<String> toArgs() {
            return List.of("--phi", Double.toString(phi));
        }
    }
}
