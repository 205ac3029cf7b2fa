package eoslab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model a run trains, with its parameters, as the user gave them: the shallow model ({@code --model shallow}, the
 * default), a deep linear network ({@code linear}) or a diagonal linear network ({@code diagonal}). Files are
 * referenced by path and read when the run is resolved.
 */
public sealed interface ModelSpec permits ModelSpec.Shallow, ModelSpec.Linear, ModelSpec.Diagonal {
    /** The family name of {@code --model}. */
    String family();

    /** The JSON form. */
    Map<String, Object> describe();

    /** The options that recreate it. */
    List<String> toArgs();

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static ModelSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.model");
        String family = f.string("family");
        return switch (family) {
            case "shallow" -> {
                if (f.has("data") && f.has("phi")) {
                    throw new IllegalArgumentException("spec.model: give phi or data, not both");
                }
                yield f.has("data") ? Shallow.ofData(f.string("data")) : Shallow.ofPhi(f.number("phi"));
            }
            case "linear" -> new Linear(Math.toIntExact(f.integer("depth")),
                    f.has("widths") ? f.integerList("widths") : List.of(), LinearTarget.parse(json));
            case "diagonal" -> f.has("sparse") ? Diagonal.ofSparse(Sparse.parse(f.object("sparse")))
                    : Diagonal.ofData(f.string("data"));
            default -> throw new IllegalArgumentException("spec.model.family: unknown model '" + family + "'");
        };
    }

    /**
     * The shallow model ½(aᵀb − Φ)² (docs/model.md §1) on a target Φ or on a scalar data set (§8), which fixes Φ.
     *
     * @param phi  the target, or NaN when a data set gives it
     * @param data the data file (columns x, y), or null
     */
    record Shallow(double phi, String data) implements ModelSpec {
        /** Validates: exactly one of a finite Φ and a data file. */
        public Shallow {
            if ((data == null) == Double.isNaN(phi)) {
                throw new IllegalArgumentException("give --phi or --data, not both");
            }
            if (data == null && !Double.isFinite(phi)) {
                throw new IllegalArgumentException("--phi must be a finite number, got " + phi);
            }
        }

        /** On target Φ. */
        public static Shallow ofPhi(double phi) {
            return new Shallow(phi, null);
        }

        /** On a data file. */
        public static Shallow ofData(String file) {
            return new Shallow(Double.NaN, file);
        }

        @Override
        public String family() {
            return "shallow";
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", family());
            if (data == null) {
                m.put("phi", phi);
            } else {
                m.put("data", data);
            }
            return m;
        }

        @Override
        public List<String> toArgs() {
            return data == null ? List.of("--phi", Double.toString(phi)) : List.of("--data", data);
        }
    }

    /**
     * A deep linear network f(x) = W_D ⋯ W_1 x (docs/models.md §3) of depth D ≥ 2 with hidden widths h_1 … h_{D−1},
     * trained on a {@link LinearTarget}. Without widths every hidden layer has width min(p, q) (then the network can
     * represent every end-to-end matrix, and L* is the least-squares loss).
     *
     * @param depth  D ≥ 2
     * @param widths h_1 … h_{D−1}, each ≥ 1, or empty for the default
     * @param target what it is trained on
     */
    record Linear(int depth, List<Integer> widths, LinearTarget target) implements ModelSpec {
        /** The largest depth accepted. */
        public static final int MAX_DEPTH = 64;

        /** Validates and copies. */
        public Linear {
            if (depth < 2 || depth > MAX_DEPTH) {
                throw new IllegalArgumentException("--depth must be between 2 and " + MAX_DEPTH + ", got " + depth);
            }
            widths = List.copyOf(widths);
            if (!widths.isEmpty() && widths.size() != depth - 1) {
                throw new IllegalArgumentException("--widths needs depth − 1 = " + (depth - 1)
                        + " hidden widths, got " + widths.size());
            }
            for (int w : widths) {
                if (w < 1) {
                    throw new IllegalArgumentException("--widths must be at least 1, got " + w);
                }
            }
            if (target == null) {
                throw new IllegalArgumentException("a linear network needs a target");
            }
        }

        @Override
        public String family() {
            return "linear";
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", family());
            m.put("depth", depth);
            if (!widths.isEmpty()) {
                m.put("widths", widths);
            }
            m.putAll(target.describe());
            return m;
        }

        @Override
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("--model", "linear", "--depth", Integer.toString(depth)));
            if (!widths.isEmpty()) {
                args.addAll(List.of("--widths", Args.join(widths)));
            }
            args.addAll(target.toArgs());
            return args;
        }
    }

    /**
     * A diagonal linear network f(x) = ⟨u⊙u − v⊙v, x⟩ (docs/models.md §4) on a regression data set (columns
     * {@code x1 … xp, y}, or {@code x, y}) or on a generated sparse problem.
     *
     * @param data   the data file, or null
     * @param sparse the generated problem, or null
     */
    record Diagonal(String data, Sparse sparse) implements ModelSpec {
        /** Validates: exactly one of the two. */
        public Diagonal {
            if ((data == null) == (sparse == null)) {
                throw new IllegalArgumentException("--model diagonal needs exactly one of --data and --sparse");
            }
        }

        /** On a data file. */
        public static Diagonal ofData(String file) {
            return new Diagonal(file, null);
        }

        /** On a generated sparse problem. */
        public static Diagonal ofSparse(Sparse sparse) {
            return new Diagonal(null, sparse);
        }

        @Override
        public String family() {
            return "diagonal";
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", family());
            if (data != null) {
                m.put("data", data);
            } else {
                m.put("sparse", sparse.describe());
            }
            return m;
        }

        @Override
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("--model", "diagonal"));
            if (data != null) {
                args.addAll(List.of("--data", data));
            } else {
                args.addAll(sparse.toArgs());
            }
            return args;
        }
    }

    /**
     * The generated sparse regression problem of {@link eoslab.model.diagonal.SparseData#generate}: n Gaussian samples
     * in p dimensions, a planted vector with s non-zero entries ±1, noise σ, all drawn from {@code Random(seed)}.
     *
     * @param n     samples ≥ 1
     * @param p     dimensions ≥ 1
     * @param s     non-zero entries, 0 ≤ s ≤ p
     * @param noise σ ≥ 0
     * @param seed  the seed
     */
    record Sparse(int n, int p, int s, double noise, long seed) {
        /** The largest n·p accepted (the samples are held in memory while the moments are formed). */
        public static final long MAX_ENTRIES = 50_000_000L;

        /** Validates. */
        public Sparse {
            if (n < 1 || p < 1 || s < 0 || s > p) {
                throw new IllegalArgumentException("--sparse n,p,s needs n, p >= 1 and 0 <= s <= p, got " + n + ","
                        + p + "," + s);
            }
            if ((long) n * p > MAX_ENTRIES) {
                throw new IllegalArgumentException("--sparse: n·p = " + (long) n * p + " exceeds " + MAX_ENTRIES);
            }
            if (!(noise >= 0) || !Double.isFinite(noise)) {
                throw new IllegalArgumentException("--noise must be a finite number >= 0, got " + noise);
            }
        }

        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", n);
            m.put("p", p);
            m.put("s", s);
            m.put("noise", noise);
            m.put("seed", seed);
            return m;
        }

        List<String> toArgs() {
            return List.of("--sparse", n + "," + p + "," + s, "--noise", Double.toString(noise), "--seed",
                    Long.toString(seed));
        }

        static Sparse parse(Fields f) {
            return new Sparse(Math.toIntExact(f.integer("n")), Math.toIntExact(f.integer("p")),
                    Math.toIntExact(f.integer("s")), f.number("noise"), f.integer("seed"));
        }
    }
}
