package eoslab.spec;

import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.VectorPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How the weights start. For the shallow model: explicit vectors, seeded Gaussian vectors, or the canonical point with
 * given (m₀, λ₀). For deep linear networks: Gaussian layers ({@link Layers}) and balanced or chosen-imbalance starts
 * ({@link Balanced}); for diagonal networks the uniform start u = v = α1 ({@link Uniform}); for every model the
 * parameters from a JSON file ({@link FromFile}). Each form carries its own provenance ({@link #describe()},
 * {@link #toArgs()}) so that a result can be rerun exactly.
 */
public sealed interface StartSpec {

    /** Default seed of {@link Gaussian}. */
    long DEFAULT_SEED = 42L;

    /**
     * The initial point of the shallow model (a fresh immutable value).
     *
     * @throws IllegalArgumentException for a form that is not a shallow start by itself (the service resolves those)
     */
    default VectorPoint point() {
        throw new IllegalArgumentException("this initialization (" + describe().get("init")
                + ") is not a start of the shallow model");
    }

    /** The parameters of this initialization, for manifests and result rows (insertion-ordered). */
    Map<String, Object> describe();

    /** The {@code eoslab} options that recreate it. */
    List<String> toArgs();

    /**
     * Reads the form written by {@link #describe()}.
     *
     * @throws IllegalArgumentException on a malformed description
     */
    static StartSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.start");
        return switch (f.string("init")) {
            case "explicit" -> new Explicit(VectorPoint.of(f.numbers("a"), f.numbers("b")));
            case "gaussian" -> new Gaussian(Math.toIntExact(f.integer("width")), f.number("scale"),
                    f.number("scale_b"), f.integer("seed"));
            case "canonical" -> new Canonical(f.number("m0"), f.number("lambda0"));
            case "layers" -> new Layers(f.numberList("scales"), f.integer("seed"));
            case "balanced" -> new Balanced(f.numberList("spectrum"), f.number("imbalance"), f.integer("seed"));
            case "uniform" -> new Uniform(f.number("alpha"));
            case "file" -> new FromFile(f.string("theta"));
            default -> throw new IllegalArgumentException("spec.start.init must be explicit, gaussian, canonical, "
                    + "layers, balanced, uniform or file");
        };
    }

    /** Explicit vectors a and b. */
    record Explicit(VectorPoint point) implements StartSpec {
        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "explicit");
            m.put("width", point.width());
            m.put("a", point.a());
            m.put("b", point.b());
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--a", join(point.a()), "--b", join(point.b()));
        }

        private static String join(double[] v) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ",").append(v[i]);
            }
            return sb.toString();
        }
    }

    /**
     * aᵢ ~ N(0, σ²) and bᵢ ~ N(0, σ_b²) i.i.d., drawn from {@code java.util.Random(seed)}, whose algorithm (a 48-bit
     * LCG with the polar method and StrictMath) is fixed by the Java specification, so the vectors are identical on
     * every machine and run. All of a is drawn first, then all of b.
     */
    record Gaussian(int width, double scale, double scaleB, long seed) implements StartSpec {
        /** Validates the parameters. */
        public Gaussian {
            if (width < 1) {
                throw new IllegalArgumentException("--width must be at least 1, got " + width);
            }
            if (!Double.isFinite(scale) || scale < 0 || !Double.isFinite(scaleB) || scaleB < 0) {
                throw new IllegalArgumentException("--scale and --scale-b must be finite and non-negative");
            }
        }

        @Override
        public VectorPoint point() {
            Random rng = new Random(seed);
            double[] a = new double[width];
            double[] b = new double[width];
            for (int i = 0; i < width; i++) {
                a[i] = scale * rng.nextGaussian();
            }
            for (int i = 0; i < width; i++) {
                b[i] = scaleB * rng.nextGaussian();
            }
            return VectorPoint.of(a, b);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "gaussian");
            m.put("width", width);
            m.put("scale", scale);
            m.put("scale_b", scaleB);
            m.put("seed", seed);
            return m;
        }

        @Override
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("--width", Integer.toString(width), "--scale",
                    Double.toString(scale)));
            if (scaleB != scale) {
                args.addAll(List.of("--scale-b", Double.toString(scaleB)));
            }
            args.addAll(List.of("--seed", Long.toString(seed)));
            return args;
        }
    }

    /** The width-1 point with aᵀb = m₀ and ‖a‖² + ‖b‖² = λ₀ (docs/model.md §3: width 1 loses nothing). */
    record Canonical(double m0, double lambda0) implements StartSpec {
        /** Validates λ₀ ≥ 2|m₀|. */
        public Canonical {
            ReducedPoint.canonical(m0, lambda0);
        }

        @Override
        public VectorPoint point() {
            return ReducedPoint.canonical(m0, lambda0).toVectors();
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "canonical");
            m.put("width", 1);
            m.put("m0", m0);
            m.put("lambda0", lambda0);
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--m0", Double.toString(m0), "--lambda0", Double.toString(lambda0));
        }
    }

    /**
     * Gaussian layers of a deep linear network: every entry of W_i is σ_i·N(0, 1), drawn layer by layer (W1 first),
     * row-major, from {@code java.util.Random(seed)} ({@link eoslab.model.linear.LinearStarts#gaussian}). One scale
     * applies to every layer.
     *
     * @param scales σ (one value) or σ_1 … σ_D, each finite and ≥ 0
     * @param seed   the seed
     */
    record Layers(List<Double> scales, long seed) implements StartSpec {
        /** Validates and copies. */
        public Layers {
            scales = Args.finite("--scale", scales);
            if (scales.isEmpty()) {
                throw new IllegalArgumentException("--scale needs at least one value");
            }
            for (double s : scales) {
                if (s < 0) {
                    throw new IllegalArgumentException("--scale must be non-negative, got " + s);
                }
            }
        }

        /** The scale of each of the D layers. */
        public double[] scalesFor(int depth) {
            if (scales.size() != 1 && scales.size() != depth) {
                throw new IllegalArgumentException("--scale needs one value or one per layer (" + depth + "), got "
                        + scales.size());
            }
            double[] out = new double[depth];
            for (int i = 0; i < depth; i++) {
                out[i] = scales.get(scales.size() == 1 ? 0 : i);
            }
            return out;
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "layers");
            m.put("scales", scales);
            m.put("seed", seed);
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--scale", Args.join(scales), "--seed", Long.toString(seed));
        }
    }

    /**
     * A balanced deep linear network (every W_{i+1}ᵀW_{i+1} − W_iW_iᵀ = 0) with end-to-end singular values s and seeded
     * random singular vectors ({@link eoslab.model.linear.LinearStarts#balanced}), or, with a chosen imbalance Q &gt; 0,
     * the same layers rescaled by c_i = e^{t(i − (D+1)/2)} (same end-to-end matrix) with t ≥ 0 chosen so that the
     * imbalance Σ_i ‖W_{i+1}ᵀW_{i+1} − W_iW_iᵀ‖_* equals Q ({@link eoslab.model.linear.LinearStarts#imbalanced}).
     *
     * @param spectrum  the end-to-end singular values, each finite and ≥ 0 (at most the narrowest width of them)
     * @param imbalance Q ≥ 0
     * @param seed      the seed of the singular vectors
     */
    record Balanced(List<Double> spectrum, double imbalance, long seed) implements StartSpec {
        /** Validates and copies. */
        public Balanced {
            spectrum = Args.finite("--balanced", spectrum);
            if (spectrum.isEmpty()) {
                throw new IllegalArgumentException("--balanced needs at least one singular value");
            }
            for (double s : spectrum) {
                if (s < 0) {
                    throw new IllegalArgumentException("--balanced singular values must be >= 0, got " + s);
                }
            }
            if (!(imbalance >= 0) || !Double.isFinite(imbalance)) {
                throw new IllegalArgumentException("--imbalance must be a finite number >= 0, got " + imbalance);
            }
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "balanced");
            m.put("spectrum", spectrum);
            m.put("imbalance", imbalance);
            m.put("seed", seed);
            return m;
        }

        @Override
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("--balanced", Args.join(spectrum)));
            if (imbalance != 0) {
                args.addAll(List.of("--imbalance", Double.toString(imbalance)));
            }
            args.addAll(List.of("--seed", Long.toString(seed)));
            return args;
        }
    }

    /**
     * The diagonal network's usual start u = v = α·1: output β = 0 and conserved products u_i v_i = α²; small α is the
     * "rich" regime, large α the "kernel" regime.
     *
     * @param alpha α, finite
     */
    record Uniform(double alpha) implements StartSpec {
        /** Validates α. */
        public Uniform {
            if (!Double.isFinite(alpha)) {
                throw new IllegalArgumentException("--alpha must be a finite number, got " + alpha);
            }
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "uniform");
            m.put("alpha", alpha);
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--alpha", Double.toString(alpha));
        }
    }

    /**
     * The parameters in a JSON file, one array per block of the model's layout: {@code {"a": […], "b": […]}} for the
     * shallow model, {@code {"W1": [[…], …], …, "WD": [[…], …]}} (row-major, W1 of shape h1×p) for a linear network,
     * {@code {"u": […], "v": […]}} for a diagonal one. The file is read when the run is resolved.
     *
     * @param file the path
     */
    record FromFile(String file) implements StartSpec {
        /** Validates the path. */
        public FromFile {
            if (file == null || file.isEmpty()) {
                throw new IllegalArgumentException("--theta needs a file name");
            }
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("init", "file");
            m.put("theta", file);
            return m;
        }

        @Override
        public List<String> toArgs() {
            return List.of("--theta", file);
        }
    }
}
